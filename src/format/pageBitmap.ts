/**
 * The saved-page bitmap of summary and bitmap dumps, as it sits on disk: ULONGs, bit n%32 of ULONG n/32 set
 * ⇔ PFN n saved. Built by writers from the PFNs they save; decoded by readers into a rank index.
 */
export interface PageBitmap {
  /** Bits described (the highest PFN + 1). */
  bits: number;
  words: Uint32Array;
  /** Bits set. */
  pages: number;
}

export function buildPageBitmap(bits: number, saved: Iterable<number>): PageBitmap {
  const words = new Uint32Array(Math.ceil(bits / 32));
  let pages = 0;
  for (const pfn of saved) {
    if (!Number.isInteger(pfn) || pfn < 0 || pfn >= bits) throw new RangeError(`PFN ${pfn} is outside the ${bits}-bit page bitmap`);
    const w = pfn >>> 5;
    const m = 1 << (pfn & 31);
    if (!(words[w] & m)) { words[w] |= m; pages++; }
  }
  return { bits, words, pages };
}

/** Population count of one ULONG. */
export function popcount32(v: number): number {
  let x = v - ((v >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** The bitmap as little-endian bytes (what a file holds). */
export function bitmapBytes(b: PageBitmap): Uint8Array {
  const out = Buffer.alloc(b.words.length * 4);
  b.words.forEach((w, i) => out.writeUInt32LE(w, i * 4));
  return out;
}
