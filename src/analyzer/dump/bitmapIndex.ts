/**
 * The physical-memory index of summary (DumpType 2) and bitmap (DumpType 5) dumps: PFN n is saved when its
 * bit is set, and saved pages follow one another from `firstPage` in ascending PFN order, so
 *   file offset of PFN n = firstPage + rank(n) × 0x1000,   rank(n) = set bits below n.
 * rank is O(1): a prefix count per ULONG, computed once at open (4 bytes per 32 pages: 32 KiB for 1 GiB of RAM),
 * plus one popcount of the partial ULONG.
 */
import { PAGE_SIZE } from '../../common/hex';
import { popcount32 } from '../../format/pageBitmap';
import type { PageIndex } from './types';

export class BitmapIndex implements PageIndex {
  /** before[w] = bits set in ULONGs 0..w−1; before[words] = all bits set. */
  private readonly before: Uint32Array;

  constructor(private readonly words: Uint32Array, readonly bits: number, readonly firstPage: number) {
    this.before = new Uint32Array(words.length + 1);
    for (let w = 0; w < words.length; w++) this.before[w + 1] = this.before[w] + popcount32(words[w] & this.validMask(w));
  }

  /** Pages the bitmap says are saved. */
  get pages(): number { return this.before[this.words.length]; }

  /** Bits past BitmapSize in the last ULONG describe nothing, whatever they hold. */
  private validMask(w: number): number {
    const left = this.bits - w * 32;
    return left >= 32 ? 0xffffffff : left <= 0 ? 0 : (2 ** left - 1);
  }

  isSaved(pfn: number): boolean {
    if (!Number.isInteger(pfn) || pfn < 0 || pfn >= this.bits) return false;
    return (this.words[pfn >>> 5] & (1 << (pfn & 31))) !== 0;
  }

  /** Set bits below `pfn`. */
  rank(pfn: number): number {
    const w = pfn >>> 5;
    const below = (pfn & 31) === 0 ? 0 : this.words[w] & ((2 ** (pfn & 31)) - 1);
    return this.before[w] + popcount32(below);
  }

  fileOffsetOf(pa: number): number | undefined {
    const pfn = Math.floor(pa / PAGE_SIZE);
    if (!this.isSaved(pfn)) return undefined;
    return this.firstPage + this.rank(pfn) * PAGE_SIZE + (pa % PAGE_SIZE);
  }

  /** File offset just past the last saved page (what an untruncated file's size is at least). */
  get end(): number { return this.firstPage + this.pages * PAGE_SIZE; }

  /** The saved PFNs as runs of consecutive frames, each with its file offset (for .dumpdebug and tests). */
  savedRanges(): { basePage: number; pageCount: number; fileOffset: number }[] {
    const out: { basePage: number; pageCount: number; fileOffset: number }[] = [];
    for (let w = 0; w < this.words.length; w++) {
      const word = this.words[w] & this.validMask(w);
      if (!word) continue;
      for (let b = 0; b < 32; b++) {
        if (!(word & (1 << b))) continue;
        const pfn = w * 32 + b;
        const prev = out[out.length - 1];
        if (prev && prev.basePage + prev.pageCount === pfn) prev.pageCount++;
        else out.push({ basePage: pfn, pageCount: 1, fileOffset: this.firstPage + this.rank(pfn) * PAGE_SIZE });
      }
    }
    return out;
  }
}
