/**
 * Who to blame for a stack overflow (walkthrough.md puzzles 3 and 15). Not the frame that touched the guard
 * page: on the blog's dump that is nt's page-fault handler, which only needed 0x74 bytes when 0x58 were left.
 * The culprit is the module whose frames used the most of the stack, and the frame blamed is that module's
 * innermost frame, whose stack use brought ESP down to the guard page.
 */
import type { ModuleInfo, SymbolResolverApi } from '../symbols/types';
import type { FrameUse, StackUse } from '../stackwalk/stackUse';

export interface Blame {
  /** Index of the blamed frame in STACK_TEXT (SYMBOL_STACK_INDEX). */
  frameIndex: number;
  pc: number;
  /** `!analyze` spelling, offset without 0x: `StackHog+10e2`, `nt!_KiTrap0E+5c`. */
  symbol: string;
  module: string;
  imageName: string;
  timeDateStamp?: number;
}

/** WinDbg's `!analyze` symbol text: the `k` text with the offset's `0x` dropped. */
export const analyzeSymbol = (symbols: SymbolResolverApi, pc: number): string =>
  (symbols.format(pc) ?? `0x${pc.toString(16)}`).replace(/\+0x([0-9a-f]+)$/, '+$1');

export function blameFrame(symbols: SymbolResolverApi, frameIndex: number, pc: number): Blame | undefined {
  const m: ModuleInfo | undefined = symbols.moduleAt(pc);
  if (!m) return undefined;
  return { frameIndex, pc, symbol: analyzeSymbol(symbols, pc), module: m.name, imageName: m.imageName, timeDateStamp: m.timeDateStamp };
}

/**
 * The module that used the most stack, blamed at its innermost frame (the leading trap frame excluded). The
 * kernel and HAL are blamed only when no driver is on the stack: their frames on an overflowed stack are the
 * dispatch path (IofCallDriver, the trap handler) that drivers drove, innocent by the same reasoning.
 */
export function stackUseCulprit(use: StackUse, symbols: SymbolResolverApi): Blame | undefined {
  const known = use.modules.filter((m) => symbols.moduleByName(m.module));
  const top = known.find((m) => m.module !== 'nt' && m.module !== 'hal') ?? known[0];
  if (!top) return undefined;
  const skip = use.trapResidue ? 1 : 0;
  const frame: FrameUse | undefined = use.frames.slice(skip).find((f) => f.module === top.module);
  return frame && blameFrame(symbols, frame.index, frame.pc);
}

/** WinDbg's own choice on a walked stack: the first frame outside the kernel and HAL, else frame 0. */
export function walkCulprit(frames: { index: number; pc: number }[], symbols: SymbolResolverApi): Blame | undefined {
  const isKernel = (pc: number) => {
    const m = symbols.moduleAt(pc);
    return !m || m.name === 'nt' || m.name === 'hal';
  };
  const pick = frames.find((f) => !isKernel(f.pc)) ?? frames[0];
  return pick && blameFrame(symbols, pick.index, pick.pc);
}
