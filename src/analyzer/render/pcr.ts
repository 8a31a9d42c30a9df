import { hex8 } from '../../common/hex';
import type { PcrModel, PcrValue } from '../model/pcrModel';

const val = (v: PcrValue): string => (v === null ? '????????' : hex8(v));
/** One `!pcr` line: a tab, the label right-aligned in 19 columns, `: `, 8 hex digits. */
const line = (label: string, v: PcrValue): string => `\t${label.padStart(19)}: ${val(v)}`;

/** WinDbg's x86 `!pcr` (windbg-output.md §5; the DpcQueue layout of kdexts' DumpPcrX86). */
export function renderPcr(m: PcrModel): string[] {
  const out = [
    `KPCR for Processor ${m.processor} at ${hex8(m.kpcr)}:`,
    `    Major ${m.major} Minor ${m.minor ?? '?'}`,
    line('NtTib.ExceptionList', m.tib.ExceptionList),
    line('NtTib.StackBase', m.tib.StackBase),
    line('NtTib.StackLimit', m.tib.StackLimit),
    line('NtTib.SubSystemTib', m.tib.SubSystemTib),
    line('NtTib.Version', m.tib.Version),
    line('NtTib.UserPointer', m.tib.UserPointer),
    line('NtTib.SelfTib', m.tib.SelfTib),
    '',
    ...(['SelfPcr', 'Prcb', 'Irql', 'IRR', 'IDR', 'InterruptMode', 'IDT', 'GDT', 'TSS'] as const).map((k) => line(k, m.pcr[k])),
    '',
    ...(['CurrentThread', 'NextThread', 'IdleThread'] as const).map((k) => line(k, m.threads[k])),
    '',
  ];
  // `DpcQueue: ` then, per DPC, ` 0x<KDPC> 0x<routine> <symbol>` on its own continuation line.
  let dpcLine = `\t${'DpcQueue'.padStart(18)}: `;
  for (const d of m.dpcQueue) {
    out.push(`${dpcLine} 0x${hex8(d.dpc)} 0x${d.routine === null ? '????????' : hex8(d.routine)} ${d.symbol}`);
    dpcLine = `\t${' '.repeat(20)}`;
  }
  out.push(dpcLine);
  return out;
}
