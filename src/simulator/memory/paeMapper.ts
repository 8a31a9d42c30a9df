/**
 * The simulator's own PAE page tables (written apart from the analyzer's translator on purpose: a shared bug
 * would fool both). Windows-like: a 32-byte PDPT whose four page directories follow it page by page, the
 * self-map in PD3[0..3] (PTE_BASE 0xC0000000, PDE_BASE 0xC0600000), 4 KiB pages only.
 * dump-format.md §5.1, §5.6 (what volatility3's DTB scan needs).
 */
import { PAGE_SIZE } from '../../common/hex';
import type { PhysicalMemory } from './physicalMemory';

export const PTE_VALID = 0x1n;
export const PTE_WRITE = 0x2n;
export const PTE_OWNER = 0x4n;
export const PTE_ACCESSED = 0x20n;
export const PTE_DIRTY = 0x40n;
export const PTE_GLOBAL = 0x100n;
/** Kernel data page: valid, writable, accessed, dirty, global. */
export const KERNEL_PTE_FLAGS = PTE_VALID | PTE_WRITE | PTE_ACCESSED | PTE_DIRTY | PTE_GLOBAL;
/** User page: valid, writable, user, accessed, dirty. */
export const USER_PTE_FLAGS = PTE_VALID | PTE_WRITE | PTE_OWNER | PTE_ACCESSED | PTE_DIRTY;
/** A page directory entry pointing at a page table (kernel: P RW A D; user adds U). */
const KERNEL_PDE_FLAGS = 0x63n;
const USER_PDE_FLAGS = 0x67n;
/** Software PTE of a demand-zero read/write page (Protection MM_READWRITE = 4 in bits 5..9): not present. */
export const DEMAND_ZERO_PTE = 0x80n;
const FRAME_MASK = 0x000ffffffffff000n;

export class PaeAddressSpace {
  private constructor(
    private readonly phys: PhysicalMemory,
    readonly pdptPfn: number,
    private readonly pdptOffset: number,
    readonly pdPfns: readonly number[],
  ) {}

  /** The system address space: PDPT at `pdptPfn`, PD0..PD3 in the next four frames, self-map in PD3. */
  static createSystem(phys: PhysicalMemory, pdptPfn: number): PaeAddressSpace {
    phys.claim(pdptPfn);
    const pds = [1, 2, 3, 4].map((i) => phys.claim(pdptPfn + i));
    const space = new PaeAddressSpace(phys, pdptPfn, 0, pds);
    space.initTop();
    return space;
  }

  /**
   * A process address space: its own PDPT (at `pdptOffset` in a page, 32-byte aligned, as EPROCESS.PaeTop
   * blocks are) and four PDs; the kernel half shares the system's page tables, the self-map is its own.
   */
  static createProcess(phys: PhysicalMemory, system: PaeAddressSpace, pdptPfn: number, pdptOffset: number): PaeAddressSpace {
    const pds = [0, 1, 2, 3].map(() => phys.allocate());
    const space = new PaeAddressSpace(phys, pdptPfn, pdptOffset, pds);
    space.initTop();
    for (let pd = 2; pd < 4; pd++) {
      for (let i = pd === 3 ? 4 : 0; i < 512; i++) {
        const pde = system.readEntry(system.pdPfns[pd], i);
        if (pde !== 0n) space.writeEntry(pds[pd], i, pde);
      }
    }
    return space;
  }

  /** CR3 / DirectoryTableBase: the PDPT's physical address. */
  get dtb(): number {
    return this.pdptPfn * PAGE_SIZE + this.pdptOffset;
  }

  private initTop(): void {
    this.pdPfns.forEach((pd, i) => {
      this.writeRaw(this.pdptPfn, this.pdptOffset + i * 8, BigInt(pd) << 12n | PTE_VALID);
      this.writeEntry(this.pdPfns[3], i, BigInt(pd) << 12n | KERNEL_PDE_FLAGS);
    });
  }

  /** Maps one 4 KiB page (allocating the page table when the PDE is empty). */
  mapPage(va: number, pfn: number, flags: bigint = va >= 0x80000000 ? KERNEL_PTE_FLAGS : USER_PTE_FLAGS): void {
    this.setPte(va, BigInt(pfn) << 12n | flags);
  }

  /** Writes a raw PTE (a not-present software PTE, or 0 for a guard page). */
  setPte(va: number, pte: bigint): void {
    const { pd, pdi, pti } = split(va);
    let pde = this.readEntry(this.pdPfns[pd], pdi);
    if ((pde & PTE_VALID) === 0n) {
      const pt = this.phys.allocate();
      this.phys.page(pt); // a page table is real memory even when all its PTEs are still empty
      pde = BigInt(pt) << 12n | (va >= 0x80000000 ? KERNEL_PDE_FLAGS : USER_PDE_FLAGS);
      this.writeEntry(this.pdPfns[pd], pdi, pde);
    }
    this.writeEntry(Number((pde & FRAME_MASK) >> 12n), pti, pte);
  }

  /** The PTE of `va`, or undefined when its page table does not exist. */
  pte(va: number): bigint | undefined {
    const { pd, pdi, pti } = split(va);
    const pde = this.readEntry(this.pdPfns[pd], pdi);
    if ((pde & PTE_VALID) === 0n) return undefined;
    return this.readEntry(Number((pde & FRAME_MASK) >> 12n), pti);
  }

  /** VA → PA through the tables as the hardware walks them; undefined when not present. */
  translate(va: number): number | undefined {
    const pdpte = this.readRaw(this.pdptPfn, this.pdptOffset + split(va).pd * 8);
    if ((pdpte & PTE_VALID) === 0n) return undefined;
    const pte = this.pte(va);
    if (pte === undefined || (pte & PTE_VALID) === 0n) return undefined;
    return Number(pte & FRAME_MASK) + (va & 0xfff);
  }

  private readEntry(tablePfn: number, index: number): bigint {
    return this.readRaw(tablePfn, index * 8);
  }

  private writeEntry(tablePfn: number, index: number, value: bigint): void {
    this.writeRaw(tablePfn, index * 8, value);
  }

  private readRaw(pfn: number, offset: number): bigint {
    const page = this.phys.readPage(pfn);
    return page ? new DataView(page.buffer, page.byteOffset).getBigUint64(offset, true) : 0n;
  }

  private writeRaw(pfn: number, offset: number, value: bigint): void {
    const page = this.phys.page(pfn);
    new DataView(page.buffer, page.byteOffset).setBigUint64(offset, value, true);
  }
}

function split(va: number): { pd: number; pdi: number; pti: number } {
  const v = va >>> 0;
  return { pd: v >>> 30, pdi: (v >>> 21) & 0x1ff, pti: (v >>> 12) & 0x1ff };
}
