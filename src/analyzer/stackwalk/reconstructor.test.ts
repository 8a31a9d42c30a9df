import { buildCallChain, type ChainFunction, type ChainStep } from '../../testing/callChain';
import { loadCallSiteDecoder, type CallSiteDecoder } from '../disasm/callSite';
import { ReturnAddressValidator } from './returnAddressValidator';
import { reconstructChain } from './reconstructor';

const NT = { name: 'nt', base: 0x80800000, size: 0x200000 };
const HOG = { name: 'StackHog', base: 0xf7a00000, size: 0x10000 };
const fn = (module: string, name: string, address: number, kind: ChainFunction['kind'], extra: Partial<ChainFunction> = {}): ChainFunction =>
  ({ module, name, address, size: 0x400, kind, ...extra });

const ntSyscall = fn('nt', 'NtDeviceIoControlFile', 0x80840000, 'ebp', { localsBytes: 0x20, savedRegs: 3, paramBytes: 0x28 });
const iofCall = fn('nt', '@IofCallDriver@8', 0x80850000, 'fpo', { localsBytes: 0, savedRegs: 1, paramBytes: 0 });
const hogDispatch = fn('StackHog', 'HogDispatch', 0xf7a01000, 'ebp', { localsBytes: 0x400, savedRegs: 2, paramBytes: 8 });
const hogWorker = fn('StackHog', 'HogWorker', 0xf7a02000, 'ebp', { localsBytes: 0x800, savedRegs: 3, paramBytes: 0xc });
const hogLeaf = fn('StackHog', 'HogLeaf', 0xf7a03000, 'fpo', { localsBytes: 0x100, savedRegs: 2, paramBytes: 4 });
const ntAlloc = fn('nt', 'ExAllocatePoolWithTag', 0x80860000, 'ebp', { localsBytes: 0x10, savedRegs: 3, paramBytes: 0xc });
const ALL = [ntSyscall, iofCall, hogDispatch, hogWorker, hogLeaf, ntAlloc];

const TOP = 0xb8ae8df0;
const STEPS: ChainStep[] = [
  { fn: ntSyscall, at: 0x120 }, { fn: iofCall, at: 0x30 }, { fn: hogDispatch, at: 0x88 },
  { fn: hogWorker, at: 0x1f0 }, { fn: hogLeaf, at: 0x44 }, { fn: ntAlloc, at: 0x6a },
];
const bounds = { limit: 0xb8ae6000, base: 0xb8ae9000, initialStack: TOP };

describe('reconstructor', () => {
  let dec: CallSiteDecoder;
  beforeAll(async () => { dec = await loadCallSiteDecoder(); });

  const run = (symbolsForHog: boolean, mutate?: (c: ReturnType<typeof buildCallChain>) => void) => {
    const chain = buildCallChain({
      modules: [NT, { ...HOG, symbols: symbolsForHog }], functions: ALL, steps: STEPS, top: TOP,
    });
    mutate?.(chain);
    const v = new ReturnAddressValidator(chain.symbols, chain.mem, dec);
    return { chain, rec: reconstructChain(chain.mem, v, bounds, { ...chain.start, trust: 'trap' }) };
  };

  it('rebuilds every frame of a mixed EBP/FPO chain with its return slot and ChildEBP', () => {
    const { chain, rec } = run(true);
    expect(rec.frames.map((f) => f.regs.eip)).toEqual(chain.frames.map((f) => f.pc));
    expect(rec.frames.slice(0, -1).map((f) => [f.retAddrSlot, f.retAddr, f.childEbp]))
      .toEqual(chain.frames.slice(0, -1).map((f) => [f.raSlot, f.retAddr, f.childEbp]));
    expect(rec.frames.map((f) => f.fn?.name)).toEqual(['ExAllocatePoolWithTag', 'HogLeaf', 'HogWorker', 'HogDispatch', '@IofCallDriver@8', 'NtDeviceIoControlFile']);
  });

  it('labels each frame with how it was found (trap first, FPO sizes, saved EBPs)', () => {
    const { rec } = run(true);
    expect(rec.frames.map((f) => f.trust)).toEqual(['trap', 'frame_pointer', 'fpo', 'frame_pointer', 'frame_pointer', 'fpo']);
  });

  it('rebuilds the chain through a driver without symbols from call sites and saved EBPs', () => {
    const { chain, rec } = run(false);
    expect(rec.frames.map((f) => f.regs.eip)).toEqual(chain.frames.map((f) => f.pc));
    expect(rec.frames[1].fn?.name).toBeUndefined();
    expect(rec.frames[1].fn?.module.name).toBe('StackHog');
  });

  it('rejects a stale return address planted in a live frame\'s locals', () => {
    let staleRa = 0;
    let staleSlot = 0;
    const { chain, rec } = run(true, (c) => {
      // HogWorker called HogLeaf's sibling (ExAllocatePoolWithTag) earlier; its return address stayed in a local.
      const worker = c.frames.find((f) => f.fn === hogWorker)!;
      staleSlot = worker.childEbp - 0x40;
      staleRa = c.plantCall(hogWorker, 0x100, ntAlloc.address, staleSlot);
    });
    expect(rec.frames.map((f) => f.regs.eip)).toEqual(chain.frames.map((f) => f.pc));
    expect(rec.frames.some((f) => f.retAddrSlot === staleSlot)).toBe(false);
    expect(rec.stale.map((s) => [s.slot, s.value])).toContainEqual([staleSlot, staleRa]);
  });

  it('rejects a stale return address in a driver without symbols (call targets stand in for function starts)', () => {
    let staleSlot = 0;
    const { chain, rec } = run(false, (c) => {
      const dispatch = c.frames.find((f) => f.fn === hogDispatch)!;
      staleSlot = dispatch.childEbp - 0x80;
      c.plantCall(hogDispatch, 0x200, hogLeaf.address, staleSlot);
    });
    expect(rec.frames.map((f) => f.regs.eip)).toEqual(chain.frames.map((f) => f.pc));
    expect(rec.stale.map((s) => s.slot)).toContain(staleSlot);
  });

  it('ignores code pointers that no CALL precedes (function pointers in locals)', () => {
    const { chain, rec } = run(true, (c) => {
      const worker = c.frames.find((f) => f.fn === hogWorker)!;
      c.mem.write(worker.childEbp - 0x20, [0x10, 0x30, 0xa0, 0xf7]); // &HogLeaf+0x10
    });
    expect(rec.frames.map((f) => f.regs.eip)).toEqual(chain.frames.map((f) => f.pc));
  });

  it('gives only the start frame when nothing on the stack is a return address', () => {
    const { rec } = run(true, (c) => {
      for (const f of c.frames) c.mem.write(f.raSlot, [0, 0, 0, 0]);
    });
    expect(rec.frames).toHaveLength(1);
    expect(rec.frames[0].trust).toBe('trap');
  });
});
