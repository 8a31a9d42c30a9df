/**
 * Walker frames → the `k` family's display model: WinDbg's symbol text per frame, kc's bare names, kv's
 * annotation, kf's Memory distances and where WinDbg's warnings go.
 */
import { hex8 } from '../../common/hex';
import type { SymbolResolverApi } from '../symbols/types';
import type { Frame } from '../stackwalk/frame';
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

export function buildStackModel(
  frames: Frame[], symbols: SymbolResolverApi, columns: StackColumns, lastSetContext: boolean,
): StackModel {
  let warned = false;
  const rows = frames.map((f, i): StackFrameRow => {
    const eip = f.regs.eip >>> 0;
    const hit = symbols.lookup(eip);
    const noSymbols = hit !== undefined && hit.module.symbolStatus !== 'loaded';
    const unwindWarning = noSymbols && !warned ? (warned = true) : undefined;
    const prev = frames[i - 1];
    const memory = prev && f.childEbp >= prev.childEbp ? f.childEbp - prev.childEbp : undefined;
    return {
      frame: i,
      childEbp: hex8(f.childEbp),
      retAddr: hex8(f.retAddr ?? 0),
      args: f.args.map((a) => hex8(a ?? 0)) as [string, string, string],
      symbol: symbols.format(eip) ?? `0x${eip.toString(16)}`,
      callSite: hit?.symbol ? `${hit.module.name}!${hit.symbol.name}` : symbols.format(eip) ?? `0x${eip.toString(16)}`,
      fpo: fpoAnnotation(f, hit?.symbol !== undefined),
      memory: i === 0 ? undefined : memory,
      trust: f.trust,
      unwindWarning,
    };
  });
  const ipNotInModule = frames.length > 0 && symbols.moduleAt(frames[0].regs.eip) === undefined;
  return { columns, lastSetContext, ipNotInModule, frames: rows };
}

/** kv's `FPO: …` text: trap frames and task gates first, then the frame data's FPO record, else Non-Fpo. */
export function fpoAnnotation(f: Frame, hasSymbol: boolean): string | undefined {
  const fd = f.frameData;
  const params = fd ? fd.paramBytes / 4 : 0;
  const locals = fd ? fd.localsBytes / 4 : 0;
  if (f.note?.kind === 'trap') {
    return `FPO: [${params},${locals}] TrapFrame${f.note.edited ? '-EDITED' : ''} @ ${hex8(f.note.address ?? 0)}`;
  }
  if (f.note?.kind === 'tss') return `FPO: TSS ${f.note.selector.toString(16)}:0`;
  if (fd?.kind === 'fpo') return `FPO: [${params},${locals},${fd.savedRegs}]`;
  if (fd?.kind === 'trap') return `FPO: [${params},${locals}] TrapFrame-EDITED @ 00000000`;
  return hasSymbol ? 'FPO: [Non-Fpo]' : undefined;
}
