/**
 * The ground truth of the overflowed stack, in the terms the analyzer's reconstruction is judged by
 * (docs/simulator.md "Ground truth"): frames innermost first with WinDbg's ChildEBP and kf Memory semantics,
 * stack bytes per module over the call-frame area, and the regions that are not call frames.
 */
import { hex8 } from '../../common/hex';

export type TruthKind = 'ebp' | 'fpo' | 'trap';

export interface TruthFrame {
  /** Frame position: the address of the frame's return-address slot − 4 (= EBP for EBP frames and trap frames). */
  childEbp: string;
  /** Where this frame's function returns to (for a trap frame: the interrupted EIP). */
  retAddr: string;
  /** module!function+0xoff of the instruction the frame is executing (or will resume at). */
  symbol: string;
  /** kf's Memory column: this frame's childEbp − the next-inner frame's childEbp (0 for the innermost). */
  frameBytes: number;
  kind: TruthKind;
}

export interface TruthInputFrame { childEbp: number; retAddr: number; eip: number; kind: TruthKind; module: string }

export interface Symbolizer { (va: number): { module: string; text: string } }

export function truthFrames(frames: TruthInputFrame[], symbolize: Symbolizer): TruthFrame[] {
  return frames.map((f, i) => ({
    childEbp: hex8(f.childEbp),
    retAddr: hex8(f.retAddr),
    symbol: symbolize(f.eip).text,
    frameBytes: i === 0 ? 0 : f.childEbp - frames[i - 1].childEbp,
    kind: f.kind,
  }));
}

/**
 * Bytes of the call-frame area [firstFaultEsp, initialStack) per module: frame i (i ≥ 2, innermost first) owns
 * its kf Memory bytes, the frame that took the first page fault owns [firstFaultEsp, its childEbp), and the
 * outermost frame also owns [its childEbp, initialStack). The totals add up to initialStack − firstFaultEsp.
 */
export function moduleBytes(frames: TruthInputFrame[], firstFaultEsp: number, initialStack: number): { module: string; bytes: number }[] {
  const by = new Map<string, number>();
  const add = (m: string, n: number): void => { by.set(m, (by.get(m) ?? 0) + n); };
  add(frames[1].module, frames[1].childEbp - firstFaultEsp);
  for (let i = 2; i < frames.length; i++) add(frames[i].module, frames[i].childEbp - frames[i - 1].childEbp);
  const last = frames[frames.length - 1];
  add(last.module, initialStack - last.childEbp);
  return [...by].map(([module, bytes]) => ({ module, bytes })).sort((a, b) => b.bytes - a.bytes || a.module.localeCompare(b.module));
}
