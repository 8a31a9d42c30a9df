/**
 * The simulated machine's RAM: the physical memory runs (what MmPhysicalMemoryBlock and the dump header describe)
 * and a sparse store of the pages the simulator wrote. Untouched pages read as zero and stay holes in the dump.
 */
import { KdsimError } from '../../common/errors';
import { PAGE_SIZE } from '../../common/hex';

export interface PhysicalRun { basePage: number; pageCount: number }

/**
 * A PC-like run list for `ramBytes` of RAM: page 0 and the legacy 640K–1M hole are excluded; above 3 GiB the
 * PCI hole is left out and the rest of RAM is remapped above 4 GiB (which PAE can address).
 */
export function pcRunsFor(ramBytes: number): PhysicalRun[] {
  const pages = Math.floor(ramBytes / PAGE_SIZE);
  const low: PhysicalRun = { basePage: 0x1, pageCount: 0x9e };
  const below4g = Math.min(pages, 0xc0000);
  const runs: PhysicalRun[] = [low, { basePage: 0x100, pageCount: below4g - 0x100 }];
  if (pages > 0xc0000) runs.push({ basePage: 0x100000, pageCount: pages - 0xc0000 });
  return runs;
}

export class PhysicalMemory {
  private readonly pages = new Map<number, Uint8Array>();
  private readonly reserved = new Set<number>();
  private nextFree: number;

  /** `firstAllocatablePfn`: where the page allocator starts (below it, pages are only placed explicitly). */
  constructor(readonly runs: readonly PhysicalRun[], firstAllocatablePfn: number) {
    this.nextFree = firstAllocatablePfn;
  }

  exists(pfn: number): boolean {
    return this.runs.some((r) => pfn >= r.basePage && pfn < r.basePage + r.pageCount);
  }

  /** Claims a specific frame (page tables at fixed places, the kernel image at VA − 0x80000000). */
  claim(pfn: number): number {
    if (!this.exists(pfn)) {
      throw new KdsimError('E_SIMULATE', `kdsim: physical page ${pfn.toString(16)} is not in the machine's RAM (raise --ram)`);
    }
    if (this.reserved.has(pfn)) throw new Error(`physical page ${pfn.toString(16)} claimed twice`);
    this.reserved.add(pfn);
    return pfn;
  }

  /** The next free frame, ascending: deterministic placement. */
  allocate(): number {
    while (this.reserved.has(this.nextFree) || !this.exists(this.nextFree)) {
      this.nextFree++;
      if (!this.runs.some((r) => this.nextFree < r.basePage + r.pageCount)) {
        throw new KdsimError('E_SIMULATE', 'kdsim: the simulated machine ran out of RAM (raise --ram)');
      }
    }
    this.reserved.add(this.nextFree);
    return this.nextFree++;
  }

  /** The page's bytes for writing (created zeroed on first use). */
  page(pfn: number): Uint8Array {
    let p = this.pages.get(pfn);
    if (!p) {
      p = new Uint8Array(PAGE_SIZE);
      this.pages.set(pfn, p);
    }
    return p;
  }

  /** The page as the dump writer reads it: undefined when never written. */
  readPage(pfn: number): Uint8Array | undefined {
    return this.pages.get(pfn);
  }

  writtenPageCount(): number {
    return this.pages.size;
  }
}
