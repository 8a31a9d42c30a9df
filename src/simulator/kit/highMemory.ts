/**
 * RAM above 4 GiB (`--ram` above 3 GiB: PAE machines remap what the PCI hole hides to 1`00000000 and up). Nothing
 * the story writes lives there, so without help that memory would be all holes and a reader that truncates
 * physical addresses to 32 bits (reading page 0 for 1`00000000) could not be told from a correct one. The kit
 * therefore marks the first and the last page above 4 GiB: every 16-byte line holds its own 64-bit physical
 * address, then the bytes "kdsimRAM" — `!dd 1`00000000 L4` prints `00000000 00000001 6973646b 4d41526d`.
 */
import { PAGE_SIZE } from '../../common/hex';
import type { PhysicalMemory } from '../memory/physicalMemory';

export const FOUR_GIB_PFN = 0x100000;
const TAG = Buffer.from('kdsimRAM', 'latin1');

/** The marker pages' frames: the first and last RAM page at or above 4 GiB (none on a smaller machine). */
export function highMemoryMarkerPfns(phys: PhysicalMemory): number[] {
  const high = phys.runs.filter((r) => r.basePage + r.pageCount > FOUR_GIB_PFN);
  if (high.length === 0) return [];
  const first = Math.max(FOUR_GIB_PFN, high[0].basePage);
  const lastRun = high[high.length - 1];
  const last = lastRun.basePage + lastRun.pageCount - 1;
  return first === last ? [first] : [first, last];
}

/** The marker page for frame `pfn` (pure: a test can compare what it reads with this). */
export function highMemoryMarkerPage(pfn: number): Uint8Array {
  const page = Buffer.alloc(PAGE_SIZE);
  for (let off = 0; off < PAGE_SIZE; off += 16) {
    const pa = pfn * PAGE_SIZE + off;
    page.writeUInt32LE(pa % 2 ** 32, off);
    page.writeUInt32LE(Math.floor(pa / 2 ** 32), off + 4);
    TAG.copy(page, off + 8);
  }
  return page;
}

export function writeHighMemoryMarkers(phys: PhysicalMemory): void {
  for (const pfn of highMemoryMarkerPfns(phys)) phys.page(phys.claim(pfn)).set(highMemoryMarkerPage(pfn));
}
