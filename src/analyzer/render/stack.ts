/**
 * The `k` family's text (windbg-output.md §9): the context banner, the header of the chosen columns,
 * WinDbg's warnings, then one line per frame. Trust is in the model (for --json) but never printed here.
 */
import type { StackColumns, StackFrameRow, StackModel } from '../model/stackModel';


export const CONTEXT_BANNER = '  *** Stack trace for last set context - .thread/.cxr resets it';
export const WARN_IP = 'WARNING: Frame IP not in any known module. Following frames may be wrong.';
export const WARN_UNWIND = 'WARNING: Stack unwind information not available. Following frames may be wrong.';

export function stackHeader(c: StackColumns): string {
  const num = c.numbers ? ' # ' : '';
  if (c.clean) return `${num}Call Site`;
  const mem = c.memory ? '  Memory  ' : '';
  return `${num}${mem}ChildEBP RetAddr  ${c.args ? 'Args to Child              ' : ''}`;
}

export function stackFrameLine(r: StackFrameRow, c: StackColumns): string {
  const num = c.numbers ? `${r.frame.toString(16).padStart(2, '0')} ` : '';
  if (c.clean) return `${num}${r.callSite}`;
  // Right-aligned in 9 columns, then one space (real kf: `01        3c 01003068`); empty before frame 0's pair.
  const mem = c.memory ? `${(r.memory === undefined ? '' : r.memory.toString(16)).padStart(9)} ` : '';
  const args = c.args ? `${r.args.join(' ')} ` : '';
  const fpo = c.fpo && r.fpo ? ` (${r.fpo})` : '';
  return `${num}${mem}${r.childEbp} ${r.retAddr} ${args}${r.symbol}${fpo}`;
}

export function renderStack(m: StackModel): string[] {
  const out: string[] = [];
  if (m.lastSetContext) out.push(CONTEXT_BANNER);
  out.push(stackHeader(m.columns));
  if (m.ipNotInModule) out.push(WARN_IP);
  for (const r of m.frames) {
    if (r.unwindWarning) out.push(WARN_UNWIND);
    out.push(stackFrameLine(r, m.columns));
  }
  return out;
}

/** `kd`: raw stack dwords from esp, dds-style. */
export interface RawStackRow { address: string; value: string | null; symbol?: string }
export function renderRawStack(rows: RawStackRow[], lastSetContext: boolean): string[] {
  return [
    ...(lastSetContext ? [CONTEXT_BANNER] : []),
    ...rows.map((r) => `${r.address}  ${r.value ?? '????????'}${r.symbol ? `  ${r.symbol}` : ''}`),
  ];
}
