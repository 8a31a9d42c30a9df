/**
 * Writes a 32-bit full crash dump (DumpType 1): the header page, then every run's pages in run order.
 * Atomic (a temporary file in the target's directory, renamed over the target when complete; callers that
 * write several files at once use the *File variants under common/outputFiles' commitAll) and sparse
 * (the file is sized with ftruncate and only non-zero pages are written, positionally), so a 4 GiB-RAM
 * machine whose memory is mostly untouched costs seconds and a few MiB of disk.
 */
import { promises as fsp } from 'fs';
import * as path from 'path';
import { tempPathFor } from '../common/outputFiles';
import { PAGE_SIZE } from '../common/hex';
import { KdsimError } from '../common/errors';
import { encode } from './codec';
import { DUMP_HEADER32, HEADER_PAGES_32, MAX_RUNS_32, pageFilledHeader } from './dumpHeader32';
import { headerFields, type DumpHeader32Input, type RunSpec } from './dumpHeader32Input';

export type { DumpHeader32Input } from './dumpHeader32Input';

export interface FullDump32Spec {
  /** Every header field except the run list, NumberOfRuns, NumberOfPages, RequiredDumpSpace (computed). */
  header: DumpHeader32Input;
  runs: RunSpec[];
  /** The page of physical frame `pfn`; undefined or all-zero => left as a sparse hole. */
  readPage(pfn: number): Uint8Array | undefined;
}

/** PAE physical addresses have 40 bits (volatility3's MAXPHYADDR for PAE): PFNs below 2^28. */
const MAX_PFN_EXCLUSIVE = 2 ** 28;
/** Contiguous non-zero pages are gathered into one positional write of at most this many pages. */
const BATCH_PAGES = 64;
const ZERO_PAGE = Buffer.alloc(PAGE_SIZE);

const bad = (message: string): never => { throw new KdsimError('E_FORMAT', `kdsim: cannot write dump: ${message}`); };

/** Checks the run list the header will carry: what a reader's validation would reject is refused here. */
export function checkRuns(runs: RunSpec[]): number {
  if (runs.length === 0) bad('no physical memory runs');
  if (runs.length > MAX_RUNS_32) bad(`${runs.length} runs exceed the ${MAX_RUNS_32} a DUMP_HEADER32 can hold`);
  let pages = 0;
  let end = 0;
  runs.forEach((r, i) => {
    if (!Number.isInteger(r.basePage) || !Number.isInteger(r.pageCount) || r.basePage < 0 || r.pageCount <= 0) {
      bad(`run ${i} {BasePage ${r.basePage}, PageCount ${r.pageCount}} is not a non-empty page range`);
    }
    if (r.basePage < end) bad(`run ${i} at PFN 0x${r.basePage.toString(16)} overlaps or precedes run ${i - 1}`);
    end = r.basePage + r.pageCount;
    if (end > MAX_PFN_EXCLUSIVE) bad(`run ${i} ends at PFN 0x${end.toString(16)}, beyond the 40-bit PAE physical space`);
    pages += r.pageCount;
  });
  if (pages > 0xffffffff) bad(`${pages} pages do not fit NumberOfPages`);
  return pages;
}

/** Writes `file` atomically: `write` fills a temp file beside it (common/outputFiles' name), renamed over it when complete. */
export async function writeAtomically<R>(target: string, write: (file: string) => Promise<R>): Promise<R> {
  const tmp = tempPathFor({ shown: target, real: path.resolve(target) });
  try {
    const r = await write(tmp);
    await fsp.rename(tmp, target);
    return r;
  } catch (e) {
    await fsp.unlink(tmp).catch(() => undefined);
    throw e;
  }
}

/** Writes the dump to `target` through a temp file beside it, renamed over it when complete. */
export function writeFullDump32(target: string, spec: FullDump32Spec): Promise<{ fileSize: number; pagesWritten: number }> {
  return writeAtomically(target, (file) => writeFullDump32File(file, spec));
}

/** Writes the dump to `file`, which must not exist yet (created exclusively); on failure `file` may remain. */
export async function writeFullDump32File(file: string, spec: FullDump32Spec): Promise<{ fileSize: number; pagesWritten: number }> {
  const numberOfPages = checkRuns(spec.runs);
  const fileSize = (HEADER_PAGES_32 + numberOfPages) * PAGE_SIZE;
  const header = pageFilledHeader();
  encode(DUMP_HEADER32, headerFields(spec.header, spec.runs, numberOfPages, fileSize), header);
  function* slots(): Generator<PageSlot> {
    let filePage = HEADER_PAGES_32;
    for (const run of spec.runs) for (let i = 0; i < run.pageCount; i++) yield { pfn: run.basePage + i, filePage: filePage++ };
  }
  return writeDumpFile(file, header, fileSize, slots(), spec.readPage);
}

/** One saved page: physical frame `pfn` goes to file page `filePage` (file offset filePage × 0x1000). */
export interface PageSlot { pfn: number; filePage: number }

/**
 * The file mechanics every dump type shares: `file` created exclusively, sized with ftruncate, the header bytes
 * at offset 0, each slot's page written positionally unless it is all zero (a sparse hole). Slots must come in
 * ascending file order (contiguous pages are batched). On failure `file` may remain (the caller's temp file).
 */
export async function writeDumpFile(file: string, head: Uint8Array, fileSize: number, slots: Iterable<PageSlot>,
  readPage: (pfn: number) => Uint8Array | undefined): Promise<{ fileSize: number; pagesWritten: number }> {
  const fh = await fsp.open(file, 'wx');
  let pagesWritten = 0;
  try {
    await fh.truncate(fileSize);
    await fh.write(head, 0, head.length, 0);
    // Pages are copied into one batch buffer, so a caller may hand back the same scratch page every time.
    const batch = Buffer.alloc(BATCH_PAGES * PAGE_SIZE);
    let batched = 0;
    let batchPos = 0;
    const flush = async () => {
      if (batched) await fh.write(batch, 0, batched * PAGE_SIZE, batchPos);
      batched = 0;
    };
    for (const { pfn, filePage } of slots) {
      const page = readPage(pfn);
      if (page === undefined || isZeroPage(page)) { await flush(); continue; }
      if (page.length !== PAGE_SIZE) bad(`readPage(0x${pfn.toString(16)}) returned ${page.length} bytes, not a page`);
      if (batched && batchPos + batched * PAGE_SIZE !== filePage * PAGE_SIZE) await flush();
      if (batched === 0) batchPos = filePage * PAGE_SIZE;
      batch.set(page, batched * PAGE_SIZE);
      batched++;
      pagesWritten++;
      if (batched === BATCH_PAGES) await flush();
    }
    await flush();
  } finally {
    await fh.close();
  }
  return { fileSize, pagesWritten };
}

function isZeroPage(page: Uint8Array): boolean {
  return page.length === PAGE_SIZE && Buffer.from(page.buffer, page.byteOffset, page.byteLength).equals(ZERO_PAGE);
}
