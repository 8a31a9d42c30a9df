/**
 * Test helper: runs `!stackusage` (the reconstruction and its accounting, default context) on a simulated dump
 * and lines its --json model up against the simulator's ground truth (docs/simulator.md, "Ground truth").
 * Both use the same names and conventions, so the comparison is field for field. Test-only.
 */
import { openSession } from '../analyzer/session/debugSession';
import { stackUsageJson, stackUsageModel } from '../analyzer/commands/stackusage.cmd';

export interface TruthFrame { childEbp: string; retAddr: string; symbol: string; frameBytes: number; kind: 'trap' | 'ebp' | 'fpo' }
export interface TruthRegion { start: string; end: string; bytes: number }
export interface GroundTruth {
  seed: number;
  frames: TruthFrame[];
  modules: { module: string; bytes: number }[];
  npxBytes: number;
  regions: { trapResidue: TruthRegion; callFrames: TruthRegion; npx: TruthRegion };
  firstFault: { kCommand: string };
  staleReturnAddresses: { at: string; value: string; symbol: string }[];
}

export type StackUsageJson = ReturnType<typeof stackUsageJson>;

export async function stackUsageOf(dumpPath: string): Promise<StackUsageJson> {
  const session = openSession(dumpPath);
  try {
    return stackUsageJson(await stackUsageModel(session, ''));
  } finally {
    session.dump.close();
  }
}

/** How the frame above a truth frame of this kind is found: its caller's trust. */
export const CALLER_TRUST: Record<TruthFrame['kind'], string> = { trap: 'trap', ebp: 'frame_pointer', fpo: 'fpo' };

/** The compared fields of each frame, truth and reconstruction side by side. */
export const frameFields = (f: { childEbp: string; retAddr: string | null; symbol: string; frameBytes: number }) =>
  ({ childEbp: f.childEbp, retAddr: f.retAddr, symbol: f.symbol, frameBytes: f.frameBytes });

/** Return-address slots of a chain (childEbp + 4) of its EBP/FPO frames; trap frames have none. */
export const returnSlots = (frames: { childEbp: string; kind: string | null }[]): Set<string> =>
  new Set(frames.filter((f) => f.kind !== 'trap').map((f) => ((parseInt(f.childEbp, 16) + 4) >>> 0).toString(16).padStart(8, '0')));
