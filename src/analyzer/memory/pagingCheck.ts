/**
 * Opening-time check of the paging root: the DTB's top table must be in the dump, and (PAE) every PDPTE
 * that leads on must point to a page directory in the dump — else no kernel address could be read, and a
 * one-line error at open says more than `????????` everywhere. Deeper tables are checked lazily by reads.
 */
import { DUMP_HEADER32 } from '../../format/dumpHeader32';
import { offsetOf } from '../../format/layout';
import { entryFrame, entryLeadsOn, type PagingMode } from './pagingModes';
import type { PhysicalMemory } from './types';
import { DumpFormatError } from '../dump/dumpErrors';
import type { PageIndex } from '../dump/types';

const hex = (v: number | bigint): string => `0x${v.toString(16)}`;

export function checkPagingRoot(file: string, dtb: number, mode: PagingMode, phys: PhysicalMemory, index: PageIndex): void {
  const root = entryFrame(dtb, 0, mode, mode.dtbLowBit);
  const rootName = mode.pae ? 'page directory pointer table' : 'page directory';
  const rootBytes = mode.pae ? 32 : 0x1000;
  if (!phys.read(root, rootBytes)) {
    throw new DumpFormatError(file, `DirectoryTableBase ${hex(dtb)} is outside the dump: its ${rootName} at PA ${hex(root)} is in no physical memory run`,
      { fileOffset: offsetOf(DUMP_HEADER32, 'DirectoryTableBase'), field: 'DirectoryTableBase', pa: root });
  }
  if (!mode.pae) return;
  const pdpt = Buffer.from(phys.read(root, 32)!);
  for (let i = 0; i < 4; i++) {
    const lo = pdpt.readUInt32LE(i * 8);
    const hi = pdpt.readUInt32LE(i * 8 + 4);
    if (!entryLeadsOn(lo)) continue;
    const pd = entryFrame(lo, hi, mode, 12);
    if (!phys.has(pd)) {
      const entry = pdpt.readBigUInt64LE(i * 8);
      const entryPa = root + i * 8;
      throw new DumpFormatError(file, `PDPTE ${i} (${hex(entry)} at PA ${hex(entryPa)}) points to a page directory at PA ${hex(pd)} that is in no physical memory run`,
        { fileOffset: index.fileOffsetOf(entryPa), pa: pd, level: 'PDPTE' });
    }
  }
}
