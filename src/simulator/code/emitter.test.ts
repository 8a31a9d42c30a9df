import { Decoder } from 'iced-x86';
import { Asm, Register } from './asm';
import { emitFunctions, type FunctionSpec } from './emitter';

const fpo = { kind: 'fpo' as const, localsBytes: 0, savedRegs: 0, paramBytes: 0 };
const none = (): number => { throw new Error('no external symbols'); };

describe('emitFunctions', () => {
  it('places a function so that an anchored label lands on its address', () => {
    const spec: FunctionSpec = {
      name: 'F', frame: fpo, anchor: { label: 'here', va: 0x80001234 },
      body: (a) => { a.push(Register.EBP).movRR(Register.EBP, Register.ESP).label('here').ret(); },
    };
    const out = emitFunctions([spec], 0x80001000, none, () => new Asm());
    expect(out.functions[0].va).toBe(0x80001231);
    expect(out.functions[0].labels.get('here')).toBe(0x80001234);
  });

  it('refuses a pinned function whose anchor label is elsewhere', () => {
    const spec: FunctionSpec = {
      name: 'G', frame: fpo, at: 0x80001000, anchor: { label: 'x', va: 0x80001010 },
      body: (a) => { a.label('x').ret(); },
    };
    expect(() => emitFunctions([spec], 0x80001000, none, () => new Asm())).toThrow('G: label x is at +0x0, not +0x10');
  });

  it('makes the label after a call the return address of a real CALL to the callee', () => {
    const specs: FunctionSpec[] = [
      { name: 'Callee', frame: fpo, body: (a) => { a.ret(4); } },
      { name: 'Caller', frame: fpo, body: (a) => { a.pushImm(1).call('Callee').label('r0').ret(); } },
    ];
    const out = emitFunctions(specs, 0x80001000, none, () => new Asm());
    const caller = out.functions[1];
    const chunk = out.chunks.find((c) => c.va === caller.va)!;
    const ra = caller.labels.get('r0')!;
    const d = new Decoder(32, chunk.bytes.subarray(ra - 5 - caller.va, ra - caller.va), 0);
    d.ip = BigInt(ra - 5);
    const call = d.decode();
    expect(call.isCallNear).toBe(true);
    expect(Number(call.nearBranchTarget)).toBe(out.functions[0].va);
  });
});
