import { FakeMemory } from './fakeMemory';
import { FakeSymbols } from './fakeSymbols';
import { Label, StackBuilder } from './stackBuilder';

describe('StackBuilder', () => {
  it('resolves a label used before it is marked', () => {
    const caller = new Label('caller');
    const s = new StackBuilder(0x1000);
    s.d32(caller, 0x80001234).skip(8).mark(caller).d32(0);
    const mem = s.build();
    expect(mem.readU32(0x1000)).toBe(0x1010);
    expect(mem.readU32(0x1004)).toBe(0x80001234);
  });

  it('leaves gaps and null slots unreadable', () => {
    const mem = new StackBuilder(0x2000).gap(8).d32(null, 7).build();
    expect(mem.readU32(0x2000)).toBeNull();
    expect(mem.readU32(0x2008)).toBeNull();
    expect(mem.readU32(0x200c)).toBe(7);
    expect(mem.readSparse(0x2008, 8).readable).toEqual(new Uint8Array([0, 0, 0, 0, 1, 1, 1, 1]));
  });

  it('adds code bytes beside the stack', () => {
    const mem = FakeMemory.bytewise().code(0x80001000, [0xfa]);
    expect(mem.readU8(0x80001000)).toBe(0xfa);
  });
});

describe('FakeSymbols', () => {
  const syms = new FakeSymbols([
    { name: 'nt', base: 0x80800000, size: 0x100000, functions: [
      { name: '_KiTrap0E', address: 0x8088c6bc, size: 0x200, frame: { kind: 'trap' } },
      { name: 'KeBugCheckEx', address: 0x80826c8e, size: 0x20 },
    ] },
    { name: 'StackHog', base: 0xf7000000, size: 0x2000, symbols: false },
  ]);
  it('formats like WinDbg', () => {
    expect(syms.format(0x8088c718)).toBe('nt!_KiTrap0E+0x5c');
    expect(syms.format(0x80826c8e)).toBe('nt!KeBugCheckEx');
    expect(syms.format(0xf70010e2)).toBe('StackHog+0x10e2');
    expect(syms.format(0x1000)).toBeUndefined();
  });
  it('gives frame data only to functions that have it', () => {
    expect(syms.frameDataAt(0x8088c718)?.kind).toBe('trap');
    expect(syms.frameDataAt(0x80826c90)).toBeUndefined();
  });
});
