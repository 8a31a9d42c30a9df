import { hex4, hex8 } from '../../common/hex';
import { segmentTypeText, SegmentDescriptor } from '../commands/structures/descriptor';

export interface DgRow { selector: number; descriptor: SegmentDescriptor | null }

/** WinDbg's x86 `dg` table (windbg-output.md §10.2). */
export function renderDg(rows: DgRow[]): string[] {
  return [
    `${' '.repeat(34)}P Si Gr Pr Lo`,
    'Sel    Base     Limit     Type    l ze an es ng Flags',
    '---- -------- -------- ---------- - -- -- -- -- --------',
    ...rows.map(({ selector, descriptor: d }) => (d === null
      ? `${hex4(selector)} Unable to get descriptor`
      : `${hex4(selector)} ${hex8(d.base)} ${hex8(d.limit)} ${segmentTypeText(d.type5)} ${d.dpl} ${d.big ? 'Bg' : 'Nb'} `
        + `${d.granular ? 'Pg' : 'By'} ${d.present ? 'P ' : 'Np'} ${d.long ? 'Lo' : 'Nl'} ${hex8(d.flags)}`)),
  ];
}
