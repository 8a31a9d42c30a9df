import { FakeMemory } from '../../testing/fakeMemory';
import { FakeSymbols } from '../../testing/fakeSymbols';
import { loadCallSiteDecoder, type CallSiteDecoder } from '../disasm/callSite';
import { ReturnAddressValidator } from './returnAddressValidator';

const syms = () => new FakeSymbols([
  { name: 'nt', base: 0x80800000, size: 0x100000, functions: [
    { name: 'IofCallDriver', address: 0x80810000, size: 0x40, frame: { kind: 'fpo' } },
    { name: 'KeBugCheckEx', address: 0x80820000, size: 0x80, frame: { kind: 'ebp' } },
    { name: 'ExAllocatePoolWithTag', address: 0x80830000, size: 0x100, frame: { kind: 'ebp' } },
  ] },
  { name: 'StackHog', base: 0xf7a00000, size: 0x10000, symbols: false },
]);

/** `call rel32` from `site` to `target`; returns the return address. */
const callAt = (mem: FakeMemory, site: number, target: number): number => {
  const rel = (target - (site + 5)) >>> 0;
  mem.code(site - 2, [0x8b, 0xff, 0xe8, rel & 0xff, (rel >>> 8) & 0xff, (rel >>> 16) & 0xff, rel >>> 24]);
  return site + 5;
};

describe('return-address validator', () => {
  let dec: CallSiteDecoder;
  beforeAll(async () => { dec = await loadCallSiteDecoder(); });

  it('gives level 0 to a value outside every module', () => {
    const v = new ReturnAddressValidator(syms(), FakeMemory.bytewise(), dec);
    expect(v.grade(0xb8ae6000, 0x12345678).level).toBe(0);
    expect(v.grade(0xb8ae6000, 0).level).toBe(0);
  });

  it('gives level 1 inside a module without symbols, 2 inside a known function', () => {
    const v = new ReturnAddressValidator(syms(), FakeMemory.bytewise(), dec);
    expect(v.grade(0, 0xf7a01234)).toMatchObject({ level: 1, caller: { module: { name: 'StackHog' } } });
    expect(v.grade(0, 0x80820010)).toMatchObject({ level: 2, caller: { name: 'KeBugCheckEx', start: 0x80820000, end: 0x80820080 } });
  });

  it('does not place an address in the padding after a function inside that function', () => {
    const v = new ReturnAddressValidator(syms(), FakeMemory.bytewise(), dec);
    const g = v.grade(0, 0x80820090);
    expect(g.level).toBe(1);
    expect(g.caller?.name).toBeUndefined();
  });

  it('uses ra-1 for the lookup, so a call that ends its function still returns into it', () => {
    const mem = FakeMemory.bytewise();
    const ra = callAt(mem, 0x8081003b, 0x80820000); // the CALL's last byte is IofCallDriver's last byte
    expect(ra).toBe(0x80810040);
    const g = new ReturnAddressValidator(syms(), mem, dec).grade(0, ra);
    expect(g).toMatchObject({ level: 3, caller: { name: 'IofCallDriver' }, callee: 0x80820000 });
  });

  it('says a call enters the inner function only when its target is that function', () => {
    const mem = FakeMemory.bytewise();
    const v = new ReturnAddressValidator(syms(), mem, dec);
    const g = v.grade(0, callAt(mem, 0x80810010, 0x80830000));
    expect(v.entersFunction(g, 0x80830055)).toBe(true);   // inner frame in ExAllocatePoolWithTag
    expect(v.entersFunction(g, 0x80820040)).toBe(false);  // inner frame in KeBugCheckEx: stale
  });

  it('follows an import slot to the target of an indirect call', () => {
    const mem = FakeMemory.bytewise();
    mem.code(0xf7a01000, [0xff, 0x15, 0x00, 0x80, 0xa0, 0xf7]); // call [f7a08000]
    mem.write(0xf7a08000, [0x00, 0x00, 0x83, 0x80]);           // → nt!ExAllocatePoolWithTag
    const v = new ReturnAddressValidator(syms(), mem, dec);
    const g = v.grade(0, 0xf7a01006);
    expect(g).toMatchObject({ level: 3, callee: 0x80830000, call: { kind: 'indirect_mem' } });
    expect(v.entersFunction(g, 0x80830010)).toBe(true);
  });

  it('cannot tell for a register call', () => {
    const mem = FakeMemory.bytewise().code(0xf7a01100, [0xff, 0xd0]);
    const v = new ReturnAddressValidator(syms(), mem, dec);
    const g = v.grade(0, 0xf7a01102);
    expect(g.level).toBe(3);
    expect(v.entersFunction(g, 0x80830010)).toBeUndefined();
  });

  it('judges calls inside a module without symbols by the call targets it has seen', () => {
    const mem = FakeMemory.bytewise();
    const v = new ReturnAddressValidator(syms(), mem, dec);
    const toA = v.grade(0, callAt(mem, 0xf7a05000, 0xf7a01000));
    v.grade(4, callAt(mem, 0xf7a05100, 0xf7a02000)); // makes f7a02000 a known entry
    expect(v.entersFunction(toA, 0xf7a01800)).toBe(true);  // no entry between target and pc
    expect(v.entersFunction(toA, 0xf7a02010)).toBe(false); // f7a02000 starts another function
    expect(v.entersFunction(toA, 0xf7a00800)).toBe(false); // target after the pc
  });
});
