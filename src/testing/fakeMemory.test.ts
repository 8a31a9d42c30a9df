import { FakeMemory } from './fakeMemory';

describe('FakeMemory', () => {
  it('reads back what was written, little-endian', () => {
    const m = new FakeMemory().writeU32(0x80001000, 0xdeadbeef).writeU64(0x80001008, 0x1122334455667788n);
    expect(m.readU32(0x80001000)).toBe(0xdeadbeef);
    expect(m.readU16(0x80001002)).toBe(0xdead);
    expect(m.readU64(0x80001008)).toBe(0x1122334455667788n);
  });

  it('gives null and a fault for unmapped bytes, never zero', () => {
    const m = new FakeMemory().writeU32(0x1ffc, 1);
    expect(m.readU32(0x1ffe)).toBeNull();
    const s = m.readSparse(0x1ffc, 8);
    expect([...s.readable]).toEqual([1, 1, 1, 1, 0, 0, 0, 0]);
    expect(s.firstFault?.va).toBe(0x2000);
  });

  it('unmaps pages and translates through a given function', () => {
    const m = new FakeMemory(new Map(), 0x1000, (va) => (va >= 0x80000000 ? va - 0x80000000 : undefined));
    m.write(0x10, [7]);
    expect(m.readU8(0x80000010)).toBe(7);
    expect(m.readU8(0x10)).toBeNull();
    const n = new FakeMemory().map(0x5000, 0x2000).unmap(0x5000);
    expect(n.readU8(0x5000)).toBeNull();
    expect(n.readU8(0x6000)).toBe(0);
  });
});
