/**
 * A virtual address space over a dump: translate page by page, read bytes where the translation and the
 * dump's runs allow, and report every other byte as a gap (readable = 0) with the first fault kept —
 * never a silent zero. 32-bit VAs: anything at or past 0x100000000 is a gap.
 */
import { PAGE_SIZE } from '../../common/hex';
import { PageTranslator } from './pageTranslator';
import type { PagingMode } from './pagingModes';
import type { PageFault, PhysicalMemory, SparseBytes, Translation, VirtualMemory } from './types';

const VA_LIMIT = 2 ** 32;
const hex = (v: number): string => `0x${v.toString(16)}`;

/** Entries kept by the translation cache before it starts over (a 12 KB stack touches 3 pages; a session, hundreds). */
const TLB_ENTRIES = 4096;

export class DumpVirtualMemory implements VirtualMemory {
  private readonly walker: PageTranslator;
  /** Page number → PA of that page, for successful translations only (a fault is re-walked to report it). */
  private readonly tlb = new Map<number, number>();

  constructor(readonly phys: PhysicalMemory, readonly dtb: number, readonly mode: PagingMode) {
    this.walker = new PageTranslator(phys, dtb, mode);
  }

  get pae(): boolean { return this.mode.pae; }

  translate(va: number): Translation {
    if (!Number.isInteger(va) || va < 0 || va >= VA_LIMIT) {
      return { ok: false, fault: { va, level: this.mode.levels[0].level, reason: `VA ${hex(va)} is outside the 32-bit address space` } };
    }
    const page = Math.floor(va / PAGE_SIZE);
    const known = this.tlb.get(page);
    if (known !== undefined) return { ok: true, pa: known + (va % PAGE_SIZE), large: false };
    const t = this.walker.translate(va);
    if (t.ok && !t.large) {
      if (this.tlb.size >= TLB_ENTRIES) this.tlb.clear();
      this.tlb.set(page, t.pa - (va % PAGE_SIZE));
    }
    return t;
  }

  /** One page at most: translate once and read, without building a sparse mask. */
  private readWithinPage(va: number, length: number): Uint8Array | null {
    if (va % PAGE_SIZE + length > PAGE_SIZE) return this.read(va, length);
    const t = this.translate(va);
    return t.ok ? this.phys.read(t.pa, length) : null;
  }

  readSparse(va: number, length: number): SparseBytes {
    const bytes = new Uint8Array(Math.max(0, length));
    const readable = new Uint8Array(bytes.length);
    let firstFault: PageFault | undefined;
    for (let at = va; at < va + bytes.length;) {
      const pageEnd = (Math.floor(at / PAGE_SIZE) + 1) * PAGE_SIZE;
      const take = Math.min(pageEnd, va + bytes.length) - at;
      const t = this.translate(at);
      let fault: PageFault | undefined;
      if (t.ok) {
        const data = this.phys.read(t.pa, take);
        if (data) {
          bytes.set(data, at - va);
          readable.fill(1, at - va, at - va + take);
        } else {
          fault = { va: at, level: 'physical', pa: t.pa, reason: `PA ${hex(t.pa)} (VA ${hex(at)}) is not in the dump` };
        }
      } else {
        fault = t.fault;
      }
      firstFault ??= fault;
      at += take;
    }
    return firstFault ? { bytes, readable, firstFault } : { bytes, readable };
  }

  read(va: number, length: number): Uint8Array | null {
    const r = this.readSparse(va, length);
    return r.firstFault ? null : r.bytes;
  }

  readU8(va: number): number | null {
    const b = this.readWithinPage(va, 1);
    return b ? b[0] : null;
  }

  readU16(va: number): number | null {
    const b = this.readWithinPage(va, 2);
    return b ? b[0] | (b[1] << 8) : null;
  }

  readU32(va: number): number | null {
    const b = this.readWithinPage(va, 4);
    return b ? (b[0] | (b[1] << 8) | (b[2] << 16) | (b[3] << 24)) >>> 0 : null;
  }

  readU64(va: number): bigint | null {
    const b = this.readWithinPage(va, 8);
    return b ? Buffer.from(b).readBigUInt64LE(0) : null;
  }

  withDtb(dtb: number): VirtualMemory {
    return new DumpVirtualMemory(this.phys, dtb, this.mode);
  }
}
