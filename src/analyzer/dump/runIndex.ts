/**
 * The physical-memory index of a full dump: runs laid out back to back after the header page, so the
 * file offset of PFN p in run r is 0x1000 + (pages of runs before r + p − r.BasePage) × 0x1000.
 * Lookup is a binary search over runs sorted by BasePage (validation guarantees the order).
 */
import { HEADER_PAGES_32 } from '../../format/dumpHeader32';
import { PAGE_SIZE } from '../../common/hex';
import type { PageIndex, PhysicalRun } from './types';

export class RunIndex implements PageIndex {
  constructor(readonly runs: readonly PhysicalRun[]) {}

  /** Builds runs with file offsets from (BasePage, PageCount) pairs in header order. */
  static layout(raw: readonly { basePage: number; pageCount: number }[]): PhysicalRun[] {
    let filePage = HEADER_PAGES_32;
    return raw.map((r) => {
      const run = { basePage: r.basePage, pageCount: r.pageCount, fileOffset: filePage * PAGE_SIZE };
      filePage += r.pageCount;
      return run;
    });
  }

  /** The run holding `pfn`, or undefined when the page is not in the dump. */
  runOf(pfn: number): PhysicalRun | undefined {
    let lo = 0;
    let hi = this.runs.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const r = this.runs[mid];
      if (pfn < r.basePage) hi = mid - 1;
      else if (pfn >= r.basePage + r.pageCount) lo = mid + 1;
      else return r;
    }
    return undefined;
  }

  /** File offset of physical address `pa`, or undefined when its page is not in the dump. */
  fileOffsetOf(pa: number): number | undefined {
    const pfn = Math.floor(pa / PAGE_SIZE);
    const r = this.runOf(pfn);
    return r && r.fileOffset + (pfn - r.basePage) * PAGE_SIZE + (pa % PAGE_SIZE);
  }
}
