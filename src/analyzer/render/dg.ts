import { hex4, hex8 } from '../../common/hex';
import type { GdtEntry } from '../objects/descriptors';
import { segmentTypeText } from '../objects/segmentType';

export interface DgRow { selector: number; descriptor: GdtEntry | null }

/** The L (64-bit code) bit as it lands in the Flags column (Flags2 bit 5 shifted left by 4). */
const LONG_FLAG = 0x200;

/** WinDbg's x86 `dg` table (windbg-output.md §10.2). */
export function renderDg(rows: DgRow[]): string[] {
  return [
    `${' '.repeat(34)}P Si Gr Pr Lo`,
    'Sel    Base     Limit     Type    l ze an es ng Flags',
    '---- -------- -------- ---------- - -- -- -- -- --------',
    ...rows.map(({ selector, descriptor: d }) => (d === null
      ? `${hex4(selector)} Unable to get descriptor`
      : `${hex4(selector)} ${hex8(d.base)} ${hex8(d.limit)} ${segmentTypeText(d.type)} ${d.dpl} ${d.big ? 'Bg' : 'Nb'} `
        + `${d.granularity ? 'Pg' : 'By'} ${d.present ? 'P ' : 'Np'} ${d.flags & LONG_FLAG ? 'Lo' : 'Nl'} ${hex8(d.flags)}`)),
  ];
}
