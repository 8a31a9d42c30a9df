import { RunIndex } from './runIndex';

describe('RunIndex', () => {
  const index = new RunIndex(RunIndex.layout([
    { basePage: 0x1, pageCount: 0x9e }, { basePage: 0x100, pageCount: 0x10 }, { basePage: 0x110000, pageCount: 2 },
  ]));

  it('lays runs out back to back after the header page', () => {
    expect(index.runs.map((r) => r.fileOffset)).toEqual([0x1000, 0x9f000, 0xaf000]);
  });

  it('maps a PA to its file offset by run, keeping the byte offset', () => {
    expect(index.fileOffsetOf(0x1000)).toBe(0x1000);
    expect(index.fileOffsetOf(0x9eabc)).toBe(0x9e000 + 0xabc);
    expect(index.fileOffsetOf(0x105008)).toBe(0x9f000 + 0x5008);
    expect(index.fileOffsetOf(0x110001010)).toBe(0xb0010);
  });

  it("finds no run for the holes below, between and above the runs", () => {
    for (const pa of [0, 0x9f000, 0xfffff, 0x110000, 0x10ffff000, 0x110002000]) expect(index.fileOffsetOf(pa)).toBeUndefined();
  });
});
