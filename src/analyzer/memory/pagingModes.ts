/**
 * x86 paging modes as data (after volatility3's intel.py): the levels a walk goes through, how many VA bits
 * index each table, which entries may map a large page, and how frames are masked out of entries.
 * One generic walker (pageTranslator.ts) runs either mode.
 */
import type { PagingLevel } from './types';

export interface LevelSpec {
  /** Name of the entry read at this level, as faults report it. */
  level: PagingLevel;
  /** Name of the table the entry sits in ('PD', 'PT'...). */
  table: string;
  /** Lowest VA bit of this level's index, and how many bits it has. */
  shift: number;
  bits: number;
  /** An entry at this level with PS (bit 7) set maps a large page of 2^shift bytes. */
  largePage: boolean;
}

export interface PagingMode {
  name: 'PAE' | 'x86';
  pae: boolean;
  entrySize: 4 | 8;
  /** MAXPHYADDR: frame bits above it are dropped (NX, software bits 62:52 of a PAE entry). */
  maxPhysBits: number;
  /** The first table's address: CR3 bits (maxPhysBits−1):dtbLowBit. */
  dtbLowBit: number;
  levels: LevelSpec[];
}

/** PAE: 32-byte PDPT (CR3 bits 39:5), 512-entry PD and PT, 2 MiB pages at the PDE; frames bits 39:12. */
export const PAE_PAGING: PagingMode = {
  name: 'PAE', pae: true, entrySize: 8, maxPhysBits: 40, dtbLowBit: 5,
  levels: [
    { level: 'PDPTE', table: 'PDPT', shift: 30, bits: 2, largePage: false },
    { level: 'PDE', table: 'PD', shift: 21, bits: 9, largePage: true },
    { level: 'PTE', table: 'PT', shift: 12, bits: 9, largePage: false },
  ],
};

/** Classic two-level paging: 1024-entry PD (CR3 bits 31:12) and PT, 4 MiB pages at the PDE. */
export const X86_PAGING: PagingMode = {
  name: 'x86', pae: false, entrySize: 4, maxPhysBits: 32, dtbLowBit: 12,
  levels: [
    { level: 'PDE (non-PAE)', table: 'PD', shift: 22, bits: 10, largePage: true },
    { level: 'PTE (non-PAE)', table: 'PT', shift: 12, bits: 10, largePage: false },
  ],
};

/**
 * Whether an entry leads on, as volatility3's WindowsMixin._page_is_valid decides at every level:
 * present (bit 0), or a transition entry (bit 11 set, prototype bit 10 clear) — a page Windows took out of
 * the working set but that is still in RAM, so its frame is still good in a dump.
 */
export const entryLeadsOn = (lo: number): boolean => (lo & 1) !== 0 || ((lo & 0x800) !== 0 && (lo & 0x400) === 0);

/** Whether the entry has PS (bit 7) set. */
export const entryIsLarge = (lo: number): boolean => (lo & 0x80) !== 0;

/** Frame address of an entry: bits (maxPhysBits−1):lowBit, as a number (PAE frames may lie above 4 GiB). */
export function entryFrame(lo: number, hi: number, mode: PagingMode, lowBit: number): number {
  const lowMask = lowBit >= 32 ? 0 : (0xffffffff << lowBit) >>> 0;
  const loPart = (lo & lowMask) >>> 0;
  if (mode.maxPhysBits <= 32) return loPart;
  const hiMask = 2 ** (mode.maxPhysBits - 32) - 1;
  return (hi & hiMask) * 2 ** 32 + loPart;
}
