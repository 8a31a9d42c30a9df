/**
 * Which physical pages a kernel memory dump (DumpType 2) saves: what Windows saves — every page mapped in kernel
 * space (VA ≥ 0x80000000) plus the paging structures — decided from the simulated machine's own PAE tables.
 * Walking the kernel half of the system DTB covers the page tables too: the self-map at 0xC0000000 maps every
 * page table and page directory of the address space as kernel pages, as it does on Windows. User pages
 * (StackHog.exe's image, its PEB, user stacks) are left out and read as gaps.
 */
import { PAGE_SIZE } from '../../common/hex';
import { KdsimError } from '../../common/errors';
import type { RunSpec } from '../../format/dumpHeader32Input';

const PRESENT = 1;
const LARGE = 0x80;
/** PDPT entries 2 and 3 map 0x80000000–0xFFFFFFFF. */
const KERNEL_PDPTES = [2, 3];

export function kernelPfns(dtb: number, pae: boolean, runs: RunSpec[], readPage: (pfn: number) => Uint8Array | undefined): number[] {
  if (!pae) throw new KdsimError('E_SIMULATE', 'kdsim: --dump-type kernel needs PAE paging (the simulated machine is not PAE)', 2);
  const inRuns = (pfn: number) => runs.some((r) => pfn >= r.basePage && pfn < r.basePage + r.pageCount);
  const saved = new Set<number>();
  const entryFrame = (page: Buffer, i: number) => (page.readUInt32LE(i * 8 + 4) & 0xff) * 2 ** 20 + (page.readUInt32LE(i * 8) >>> 12);
  const page = (pfn: number): Buffer | undefined => {
    const p = inRuns(pfn) ? readPage(pfn) : undefined;
    return p && Buffer.from(p.buffer, p.byteOffset, p.byteLength);
  };
  const add = (pfn: number) => { if (inRuns(pfn)) saved.add(pfn); };

  const pdptPfn = Math.floor(dtb / PAGE_SIZE);
  add(pdptPfn);
  const pdpt = page(pdptPfn);
  if (!pdpt) throw new KdsimError('E_SIMULATE', `kdsim: the DTB 0x${dtb.toString(16)} is not in the simulated memory`, 2);
  const pdptBase = (dtb % PAGE_SIZE) & ~0x1f;
  const pdpt32 = pdpt.subarray(pdptBase, pdptBase + 32);
  for (const i of KERNEL_PDPTES) {
    if (!(pdpt32.readUInt32LE(i * 8) & PRESENT)) continue;
    const pdPfn = entryFrame(pdpt32, i);
    add(pdPfn);
    const pd = page(pdPfn);
    if (!pd) continue;
    for (let e = 0; e < 512; e++) {
      const lo = pd.readUInt32LE(e * 8);
      if (!(lo & PRESENT)) continue;
      const frame = entryFrame(pd, e);
      if (lo & LARGE) {
        for (let k = 0; k < 512; k++) add(frame + k);
        continue;
      }
      add(frame);
      const pt = page(frame);
      if (!pt) continue;
      for (let t = 0; t < 512; t++) if (pt.readUInt32LE(t * 8) & PRESENT) add(entryFrame(pt, t));
    }
  }
  return [...saved].sort((a, b) => a - b);
}
