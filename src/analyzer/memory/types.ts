/**
 * Read contracts of the memory layers (volatility3-style: each layer has one read contract, and a failure
 * says where it happened). Unreadable memory is never a silent zero.
 */

/** Which step of a read failed: a paging level (PAE: PDPTE → PDE → PTE) or the dump's physical runs. */
export type PagingLevel = 'PDPTE' | 'PDE' | 'PTE' | 'PDE (non-PAE)' | 'PTE (non-PAE)' | 'physical';

export interface PageFault {
  va: number;
  level: PagingLevel;
  /** Index of the entry within its table, and the entry's PA and raw value, when the entry itself was read. */
  index?: number;
  entryPa?: number;
  entry?: bigint;
  /** PA that was not in the dump (level 'physical'). */
  pa?: number;
  /** One line, e.g. "PTE 0x0 at PA 0x1a3f028 (index 0x1e5) is not present". */
  reason: string;
}

export type Translation =
  | { ok: true; pa: number; large: boolean }
  | { ok: false; fault: PageFault };

/** Physical address space of a dump: only the pages its runs hold are readable. PAs may exceed 2^32. */
export interface PhysicalMemory {
  /** True when the whole page of `pa` is in the dump. */
  has(pa: number): boolean;
  /** All bytes, or null when any byte of the range is not in the dump. */
  read(pa: number, length: number): Uint8Array | null;
}

/** Bytes of a virtual range with a per-byte readable mask (1 = read from the dump, 0 = gap). */
export interface SparseBytes {
  bytes: Uint8Array;
  readable: Uint8Array;
  /** The first fault met, for `????????` explanations and `!pte`-style messages. */
  firstFault?: PageFault;
}

/** A virtual address space (one DTB). 32-bit VAs; reads wrap nothing: a range past 0xffffffff is a gap. */
export interface VirtualMemory {
  readonly dtb: number;
  readonly pae: boolean;
  translate(va: number): Translation;
  readSparse(va: number, length: number): SparseBytes;
  /** All bytes, or null when any byte is unreadable. */
  read(va: number, length: number): Uint8Array | null;
  readU8(va: number): number | null;
  readU16(va: number): number | null;
  readU32(va: number): number | null;
  readU64(va: number): bigint | null;
  /** The same physical memory through another DTB (process CR3, TSS CR3). */
  withDtb(dtb: number): VirtualMemory;
}
