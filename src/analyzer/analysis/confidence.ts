/**
 * How sure the overflow blame is (issue 10): `high`, `medium` or `low`, with the reasons an engineer would check.
 *   - the lead of the blamed module over the next one: under TIE_MARGIN_BYTES it is a near-tie, both are named;
 *   - how many frames of the chain were validated by the ladder (a CALL ending at the return address that
 *     enters the next-inner function, or a saved EBP / FPO frame size landing exactly on the slot);
 *   - which modules on the stack had no symbols (function starts and frame sizes then come from code bytes).
 * Tie margin 0x100 bytes (2.1% of a 12 KB stack): below one typical driver frame (locals + saved registers +
 * arguments of a small IRP handler are 0x40-0x200), and above the few dwords a boundary can move when a
 * frame without symbols is cut at the wrong side of its pushed arguments. A lead smaller than that does not
 * separate two modules honestly.
 */
import type { ChainFrame } from '../stackwalk/reconstructor';
import type { ModuleUse } from '../stackwalk/stackUse';

export const TIE_MARGIN_BYTES = 0x100;

export type ConfidenceLevel = 'high' | 'medium' | 'low';
export interface Confidence { level: ConfidenceLevel; reasons: string[] }

const hx = (v: number) => `0x${v.toString(16)}`;
const KERNEL = new Set(['nt', 'hal']);
export const isKernelModule = (name: string): boolean => KERNEL.has(name);

/** A frame whose return address the ladder confirmed (CALL enters the inner function) or geometry re-synced. */
export function isValidatedFrame(f: ChainFrame): boolean {
  if (f.retAddr === null || f.retAddr === undefined) return false;
  return f.evidence?.entersInner === true || f.trust === 'frame_pointer' || f.trust === 'fpo' || f.trust === 'trap';
}

export interface ConfidenceInput {
  /** Bytes per module, most first (the reconstruction's accounting). */
  modules: ModuleUse[];
  /** The module blamed (never the kernel or HAL when a driver is on the stack). */
  blamed: string;
  chain: ChainFrame[];
  /** Module names on the chain that have no symbol file loaded. */
  withoutSymbols: string[];
}

export interface BlameAssessment { confidence: Confidence; tieWith?: string }

export function assessBlame(input: ConfidenceInput): BlameAssessment {
  const reasons: string[] = [];
  let score = 2; // 2 high, 1 medium, 0 low
  const drivers = input.modules.filter((m) => !isKernelModule(m.module) && m.module !== '(no module)');
  const blamed = drivers.find((m) => m.module === input.blamed);
  const next = drivers.find((m) => m.module !== input.blamed);
  let tieWith: string | undefined;
  if (blamed && next) {
    const lead = blamed.bytes - next.bytes;
    if (lead < TIE_MARGIN_BYTES) {
      tieWith = next.module;
      score = 0;
      reasons.push(`near-tie: ${blamed.module} ${hx(blamed.bytes)} and ${next.module} ${hx(next.bytes)} are ${hx(lead)} bytes apart (tie margin ${hx(TIE_MARGIN_BYTES)})`);
    } else {
      reasons.push(`${blamed.module} leads ${next.module} by ${hx(lead)} bytes`);
    }
  } else if (blamed) {
    reasons.push(`${blamed.module} is the only driver on the stack`);
  }
  const kernelTop = input.modules[0] && isKernelModule(input.modules[0].module) ? input.modules[0] : undefined;
  if (kernelTop && blamed) {
    score = Math.min(score, 1);
    reasons.push(`${kernelTop.module} itself used the most (${hx(kernelTop.bytes)}); ${blamed.module} is the driver that brought the thread there`);
  }
  const withRa = input.chain.filter((f) => f.retAddr !== null && f.retAddr !== undefined);
  const validated = withRa.filter(isValidatedFrame).length;
  const share = withRa.length ? validated / withRa.length : 0;
  reasons.push(`${validated} of ${withRa.length} return addresses validated (CALL into the next frame, or saved EBP / frame size re-sync)`);
  if (share < 0.7) score = 0;
  else if (share < 0.9) score = Math.min(score, 1);
  if (input.withoutSymbols.length) {
    reasons.push(`no symbols for ${input.withoutSymbols.join(', ')}: frames rebuilt from code bytes`);
    score = Math.min(score, 1);
  } else {
    reasons.push('symbols for every module on the stack');
  }
  const level: ConfidenceLevel = score >= 2 ? 'high' : score === 1 ? 'medium' : 'low';
  return { confidence: { level, reasons }, tieWith };
}
