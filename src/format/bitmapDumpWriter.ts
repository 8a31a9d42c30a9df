/**
 * Writes the two bitmap-based x86 dump types (dump-format.md §1.4, §1.5; summaryDump32.ts):
 *  - DumpType 2, kernel summary dump: DUMP_HEADER32, then SUMMARY_DUMP32 + its ULONG bitmap at 0x1000;
 *  - DumpType 5, bitmap full dump: DUMP_HEADER32, then the 'FDMP' bitmap header + bitmap at 0x1000 (what
 *    Windows 8+ writes and volatility3 reads).
 * The header's PhysicalMemoryBlock still describes all of the machine's memory (as the kernel writes it); the
 * bitmap says which of those pages follow, in ascending PFN order from the page-aligned HeaderSize/FirstPage.
 * Same file mechanics as the full dump (atomic, sparse): dumpWriter.ts writeDumpFile.
 */
import { PAGE_SIZE } from '../common/hex';
import { KdsimError } from '../common/errors';
import { encode } from './codec';
import { DUMP_HEADER32, DumpType, pageFilledHeader } from './dumpHeader32';
import { headerFields } from './dumpHeader32Input';
import { checkRuns, writeAtomically, writeDumpFile, type FullDump32Spec, type PageSlot } from './dumpWriter';
import { bitmapBytes, buildPageBitmap, type PageBitmap } from './pageBitmap';
import {
  BITMAP_DUMP_BITMAP_AT, BITMAP_DUMP_HEADER, BITMAP_HEADER_FILE_OFFSET, DUMP_FULL_SIGNATURE, DUMP_SUMMARY_SIGNATURE,
  DUMP_SUMMARY_VALID, DUMP_SUMMARY_VALID_KERNEL_VA, SUMMARY_BITMAP_AT, SUMMARY_DUMP32,
} from './summaryDump32';

export type BitmapDumpType = typeof DumpType.SUMMARY | typeof DumpType.BITMAP_FULL;

export interface BitmapDump32Spec extends FullDump32Spec {
  dumpType: BitmapDumpType;
  /** The PFNs to save (each inside a run); all pages of all runs when absent. */
  savedPfns?: Iterable<number>;
}

const bad = (message: string): never => { throw new KdsimError('E_FORMAT', `kdsim: cannot write dump: ${message}`); };

/** Writes the dump to `target` through a temp file beside it, renamed over it when complete. */
export function writeBitmapDump32(target: string, spec: BitmapDump32Spec): Promise<{ fileSize: number; pagesWritten: number }> {
  return writeAtomically(target, (file) => writeBitmapDump32File(file, spec));
}

/** Writes the dump to `file`, created exclusively (the *File form for common/outputFiles' commitAll). */
export async function writeBitmapDump32File(file: string, spec: BitmapDump32Spec): Promise<{ fileSize: number; pagesWritten: number }> {
  const numberOfPages = checkRuns(spec.runs);
  const last = spec.runs[spec.runs.length - 1];
  const bits = last.basePage + last.pageCount;
  const inRuns = (pfn: number) => spec.runs.some((r) => pfn >= r.basePage && pfn < r.basePage + r.pageCount);
  // Every page of every run is in a run by construction; a caller's list is checked page by page.
  const saved = spec.savedPfns === undefined ? allPages(spec.runs)
    : [...spec.savedPfns].map((pfn) => (inRuns(pfn) ? pfn : bad(`PFN 0x${pfn.toString(16)} to save is in no physical memory run`)));
  const bitmap = buildPageBitmap(bits, saved);
  const summary = spec.dumpType === DumpType.SUMMARY;
  const bitmapAt = BITMAP_HEADER_FILE_OFFSET + (summary ? SUMMARY_BITMAP_AT : BITMAP_DUMP_BITMAP_AT);
  const firstPage = Math.ceil((bitmapAt + bitmap.words.length * 4) / PAGE_SIZE) * PAGE_SIZE;
  const fileSize = firstPage + bitmap.pages * PAGE_SIZE;

  const head = new Uint8Array(firstPage);
  head.set(pageFilledHeader(), 0);
  encode(DUMP_HEADER32, { ...headerFields(spec.header, spec.runs, numberOfPages, fileSize), DumpType: spec.dumpType }, head);
  if (summary) {
    encode(SUMMARY_DUMP32, {
      Signature: DUMP_SUMMARY_SIGNATURE, ValidDump: DUMP_SUMMARY_VALID, DumpOptions: DUMP_SUMMARY_VALID_KERNEL_VA,
      HeaderSize: firstPage, BitmapSize: bits, Pages: bitmap.pages, SizeOfBitMap: bits, BitmapBufferSlot: 0,
    }, head, BITMAP_HEADER_FILE_OFFSET);
  } else {
    encode(BITMAP_DUMP_HEADER, {
      Signature: DUMP_FULL_SIGNATURE, ValidDump: DUMP_SUMMARY_VALID, DumpOptions: 0, Reserved: new Uint8Array(0x14),
      FirstPage: BigInt(firstPage), TotalPresentPages: BigInt(bitmap.pages), BitmapSize: BigInt(bits),
    }, head, BITMAP_HEADER_FILE_OFFSET);
  }
  head.set(bitmapBytes(bitmap), bitmapAt);
  return writeDumpFile(file, head, fileSize, slots(bitmap, firstPage / PAGE_SIZE), spec.readPage);
}

function* allPages(runs: FullDump32Spec['runs']): Generator<number> {
  for (const r of runs) for (let i = 0; i < r.pageCount; i++) yield r.basePage + i;
}

/** Saved pages in ascending PFN order, one file page each from `firstFilePage`. */
function* slots(bitmap: PageBitmap, firstFilePage: number): Generator<PageSlot> {
  let filePage = firstFilePage;
  for (let w = 0; w < bitmap.words.length; w++) {
    const word = bitmap.words[w];
    if (!word) continue;
    for (let b = 0; b < 32; b++) if (word & (1 << b)) yield { pfn: w * 32 + b, filePage: filePage++ };
  }
}

