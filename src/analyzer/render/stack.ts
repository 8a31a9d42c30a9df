/**
 * The `k` family's text (windbg-output.md §9): the context banner, the header of the chosen columns,
 * WinDbg's warnings, then one line per frame. Trust is in the model (for --json) but never printed here.
 */
import type { FrameTrust } from '../stackwalk/trust';

export interface StackColumns {
  /** `b`/`v`: three "Args to Child". */
  args: boolean;
  /** `v`: the FPO/trap/TSS annotation. */
  fpo: boolean;
  /** `n`: frame numbers. */
  numbers: boolean;
  /** `f`: the Memory column (bytes between frames). */
  memory: boolean;
  /** `c`/`C`: module!function only. */
  clean: boolean;
}

/** One frame in display form: hex fields are 8 lowercase digits (the --json convention). */
export interface StackFrameRow {
  frame: number;
  childEbp: string;
  /** `00000000` when the return address could not be read (as WinDbg prints it). */
  retAddr: string;
  args: [string, string, string];
  /** `nt!_KiTrap0E+0x5c`, `StackHog+0x10e2`, or `0xfa1075` outside every module. */
  symbol: string;
  /** kc's `nt!_KiTrap0E`. */
  callSite: string;
  /** kv's `(FPO: …)` text without parentheses, when WinDbg prints one. */
  fpo?: string;
  /** kf: bytes from the previous frame's ChildEBP (absent on the first frame). */
  memory?: number;
  trust: FrameTrust;
  /** Print WinDbg's "Stack unwind information not available" line before this frame. */
  unwindWarning?: boolean;
}

export interface StackModel {
  columns: StackColumns;
  /** `.tss`/`.trap`/`.cxr`/`.thread` context in force: print the "last set context" banner. */
  lastSetContext: boolean;
  /** Frame 0's eip is in no module. */
  ipNotInModule: boolean;
  frames: StackFrameRow[];
}

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
  const mem = c.memory ? `${(r.memory === undefined ? '' : r.memory.toString(16)).padStart(8)}  ` : '';
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
