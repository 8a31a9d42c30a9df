/**
 * Test helper (not shipped behaviour): a tiny PAE machine for building dumps in tests and benches —
 * physical pages in a Map, a Windows-like PDPT + four PDs (PD3[0..3] self-map, as volatility3's DTB scan
 * expects), and page tables allocated on demand. Written apart from the translator it tests.
 */
import type { FullDump32Spec } from '../format/dumpWriter';
import type { DumpHeader32Input } from '../format/dumpHeader32Input';

const PAGE = 0x1000;
export const PTE_VALID = 0x63n; // present, writable, accessed, dirty
export const PTE_NX = 1n << 63n;

export class TestMachine {
  readonly pages = new Map<number, Uint8Array>();
  private nextFree: number;

  /** `runs` is the machine's RAM; `pdptPa` the DTB; tables and pages are taken from `allocFrom` upwards. */
  constructor(readonly runs: { basePage: number; pageCount: number }[], readonly pdptPa = 0x30000, allocFrom = pdptPa + 5 * PAGE) {
    this.nextFree = allocFrom / PAGE;
    for (let i = 0; i < 4; i++) {
      const pd = pdptPa + (i + 1) * PAGE;
      this.setPhysU64(pdptPa + i * 8, BigInt(pd) | 1n);
      this.setPhysU64(pdptPa + 4 * PAGE + i * 8, BigInt(pd) | PTE_VALID); // PD3[i] -> PDi
    }
  }

  /** A fresh zeroed frame inside the machine's runs. */
  allocPage(): number {
    for (;;) {
      const pfn = this.nextFree++;
      if (this.runs.some((r) => pfn >= r.basePage && pfn < r.basePage + r.pageCount) && !this.pages.has(pfn)) return pfn * PAGE;
      if (!this.runs.some((r) => pfn < r.basePage + r.pageCount)) throw new Error('TestMachine: out of physical memory');
    }
  }

  page(pfn: number): Uint8Array {
    let p = this.pages.get(pfn);
    if (!p) this.pages.set(pfn, (p = new Uint8Array(PAGE)));
    return p;
  }

  writePhys(pa: number, bytes: Uint8Array): void {
    for (let i = 0; i < bytes.length; i++) this.page(Math.floor((pa + i) / PAGE))[(pa + i) % PAGE] = bytes[i];
  }

  setPhysU64(pa: number, v: bigint): void {
    const b = Buffer.alloc(8);
    b.writeBigUInt64LE(BigInt.asUintN(64, v));
    this.writePhys(pa, b);
  }

  private pdeAddress(va: number): number {
    return this.pdptPa + (1 + Math.floor(va / 2 ** 30)) * PAGE + (Math.floor(va / 2 ** 21) % 512) * 8;
  }

  private readPhysU64(pa: number): bigint {
    const p = this.pages.get(Math.floor(pa / PAGE));
    return p ? Buffer.from(p).readBigUInt64LE(pa % PAGE) : 0n;
  }

  /** Sets the raw PTE of `va` (allocating its page table): valid, transition, guard, anything. */
  setPte(va: number, entry: bigint): void {
    const pdeAt = this.pdeAddress(va);
    let pde = this.readPhysU64(pdeAt);
    if (!(pde & 1n)) {
      pde = BigInt(this.allocPage()) | PTE_VALID;
      this.setPhysU64(pdeAt, pde);
    }
    const pt = Number(pde & 0xffffff000n);
    this.setPhysU64(pt + (Math.floor(va / PAGE) % 512) * 8, entry);
  }

  /** Maps the 4 KiB page of `va` to `pa` (a new frame when omitted) and returns the PA. */
  map(va: number, pa = this.allocPage(), extraBits = 0n): number {
    this.setPte(va, BigInt(pa) | PTE_VALID | extraBits);
    return pa;
  }

  /** Maps a 2 MiB large page at `va` (2 MiB aligned) to `pa` (2 MiB aligned). */
  mapLarge(va: number, pa: number, extraBits = 0n): void {
    this.setPhysU64(this.pdeAddress(va), BigInt(pa) | PTE_VALID | 0x80n | extraBits);
  }

  spec(header: Partial<DumpHeader32Input> = {}): FullDump32Spec {
    return {
      header: { directoryTableBase: this.pdptPa, bugCheckCode: 0x7f, bugCheckParameters: [8, 0x80042000, 0, 0], ...header },
      runs: this.runs,
      readPage: (pfn) => this.pages.get(pfn),
    };
  }
}
