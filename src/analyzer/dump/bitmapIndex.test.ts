import { BitmapIndex } from './bitmapIndex';
import { buildPageBitmap } from '../../format/pageBitmap';

/** The definition, counted bit by bit: what the O(1) rank must agree with. */
function naiveOffset(saved: Set<number>, first: number, pfn: number): number | undefined {
  if (!saved.has(pfn)) return undefined;
  let rank = 0;
  for (const p of saved) if (p < pfn) rank++;
  return first + rank * 0x1000;
}

describe('BitmapIndex', () => {
  it('maps every PFN as the bit-by-bit rank does (mixed full, empty and partial ULONGs, a ragged last ULONG)', () => {
    const bits = 32 * 9 + 7;
    const saved = new Set<number>();
    for (let p = 0; p < 32; p++) saved.add(p);               // ULONG 0: 0xffffffff
    for (let p = 64; p < 96; p += 3) saved.add(p);           // ULONG 2: partial
    for (let p = 95; p < 130; p++) saved.add(p);             // a range across ULONGs 2..4
    [31 * 9, 32 * 9, 32 * 9 + 6].forEach((p) => saved.add(p)); // the last, ragged ULONG
    const b = buildPageBitmap(bits, saved);
    const index = new BitmapIndex(b.words, bits, 0x3000);
    expect(index.pages).toBe(saved.size);
    for (let pfn = 0; pfn < bits + 40; pfn++) {
      expect(index.fileOffsetOf(pfn * 0x1000 + 0x10)).toBe(((o) => (o === undefined ? undefined : o + 0x10))(naiveOffset(saved, 0x3000, pfn)));
    }
    expect(index.end).toBe(0x3000 + saved.size * 0x1000);
  });

  it('ignores bits past BitmapSize in the last ULONG', () => {
    const words = Uint32Array.of(0xffffffff, 0xffffffff);
    const index = new BitmapIndex(words, 40, 0x2000);
    expect(index.pages).toBe(40);
    expect(index.fileOffsetOf(39 * 0x1000)).toBe(0x2000 + 39 * 0x1000);
    expect(index.fileOffsetOf(40 * 0x1000)).toBeUndefined();
  });

  it('lists saved frames as ranges with their file offsets', () => {
    const b = buildPageBitmap(100, [1, 2, 3, 10, 40, 41]);
    expect(new BitmapIndex(b.words, 100, 0x2000).savedRanges()).toEqual([
      { basePage: 1, pageCount: 3, fileOffset: 0x2000 },
      { basePage: 10, pageCount: 1, fileOffset: 0x5000 },
      { basePage: 40, pageCount: 2, fileOffset: 0x6000 },
    ]);
  });
});
