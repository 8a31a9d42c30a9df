/**
 * A page-table walker for one DTB over a dump's physical memory, matching volatility3's WindowsIntelPAE
 * (and WindowsIntel for non-PAE dumps) entry for entry:
 *  - an entry leads on when present or in transition (entryLeadsOn), at every level;
 *  - a PDE with PS set maps a 2 MiB (PAE) / 4 MiB (x86) page; frames are masked to MAXPHYADDR so NX and
 *    the software bits never reach the address;
 *  - a table whose 4 KiB are one repeated entry (an all-zero page table, say) is treated as no table at all,
 *    as volatility3's _get_valid_table does, so both readers agree on what is readable.
 * Deviation kept on purpose: a PAE PDPTE's bit 7 is reserved on real hardware; volatility3 would read it as
 * a 1 GiB page, kdsim ignores it (Windows never sets it).
 * Every failure is a PageFault naming the level, the entry index, where the entry sits and its value.
 */
import type { PhysicalMemory, Translation } from './types';
import { PAE_PAGING, entryFrame, entryIsLarge, entryLeadsOn, type PagingMode } from './pagingModes';

const TABLE_BYTES = 0x1000;
const hex = (v: number | bigint): string => `0x${v.toString(16)}`;

export class PageTranslator {
  /** Verdicts on table pages (uniform or not), per PA; bounded so long sessions stay small. */
  private readonly tableVerdicts = new Map<number, string | null>();

  constructor(readonly phys: PhysicalMemory, readonly dtb: number, readonly mode: PagingMode) {}

  /** PA of the first table (the PDPT with PAE). */
  get rootTable(): number {
    return entryFrame(this.dtb, 0, this.mode, this.mode.dtbLowBit);
  }

  translate(va: number): Translation {
    const mode = this.mode;
    let table = this.rootTable;
    for (let i = 0; i < mode.levels.length; i++) {
      const lv = mode.levels[i];
      const index = Math.floor(va / 2 ** lv.shift) % 2 ** lv.bits;
      const problem = this.tableProblem(table);
      if (problem !== null) {
        return { ok: false, fault: { va, level: lv.level, index, pa: table, reason: `${lv.table} at PA ${hex(table)} ${problem}` } };
      }
      const entryPa = table + index * mode.entrySize;
      const raw = this.phys.read(entryPa, mode.entrySize)!;
      const lo = (raw[0] | (raw[1] << 8) | (raw[2] << 16) | (raw[3] << 24)) >>> 0;
      const hi = mode.entrySize === 8 ? (raw[4] | (raw[5] << 8) | (raw[6] << 16) | (raw[7] << 24)) >>> 0 : 0;
      if (!entryLeadsOn(lo)) {
        const entry = (BigInt(hi) << 32n) | BigInt(lo);
        return { ok: false, fault: { va, level: lv.level, index, entryPa, entry, reason: `${lv.level} ${hex(entry)} at PA ${hex(entryPa)} (index ${hex(index)}) is not present` } };
      }
      const last = i === mode.levels.length - 1;
      if (last || (lv.largePage && entryIsLarge(lo))) {
        const frame = entryFrame(lo, hi, mode, lv.shift);
        return { ok: true, pa: frame + (va % 2 ** lv.shift), large: !last };
      }
      table = entryFrame(lo, hi, mode, 12);
    }
    throw new Error('unreachable: paging mode has no levels');
  }

  /** Why the 4 KiB at `pa` cannot serve as a table, or null when it can. */
  private tableProblem(pa: number): string | null {
    const known = this.tableVerdicts.get(pa);
    if (known !== undefined) return known;
    const bytes = this.phys.read(pa, TABLE_BYTES);
    let verdict: string | null = null;
    if (!bytes) verdict = 'is not in the dump';
    else if (isUniform(bytes, this.mode.entrySize)) {
      const e = Buffer.from(bytes.subarray(0, this.mode.entrySize));
      const v = this.mode.entrySize === 8 ? e.readBigUInt64LE(0) : BigInt(e.readUInt32LE(0));
      verdict = `holds one repeated entry (${hex(v)}): not a page table`;
    }
    if (this.tableVerdicts.size >= 4096) this.tableVerdicts.clear();
    this.tableVerdicts.set(pa, verdict);
    return verdict;
  }
}

function isUniform(bytes: Uint8Array, entrySize: number): boolean {
  for (let i = entrySize; i < bytes.length; i++) if (bytes[i] !== bytes[i - entrySize]) return false;
  return true;
}

/** The PAE walker (3 levels, 8-byte entries). */
export class PaeTranslator extends PageTranslator {
  constructor(phys: PhysicalMemory, dtb: number) {
    super(phys, dtb, PAE_PAGING);
  }
}
