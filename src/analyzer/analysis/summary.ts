/**
 * kdsim's plain-words verdict under `!analyze -v` ([kdsim] lines): what happened, in the order an engineer
 * would explain it, with the numbers from the reconstruction. Wording is kdsim's own (walkthrough.md step 1).
 */
import { u32 } from '../../common/hex';
import type { StackUse } from '../stackwalk/stackUse';
import type { Blame } from './culprit';
import type { Confidence } from './confidence';
import { recursionLines, type Recursion } from './recursion';
import type { OverflowVerdict } from './overflow';
import type { ThreadFacts } from './target';

const h8 = (v: number) => u32(v).toString(16).padStart(8, '0');
const hx = (v: number) => `0x${v.toString(16)}`;
const kb = (bytes: number) => (bytes % 1024 === 0 ? `${bytes / 1024} KB` : `${(bytes / 1024).toFixed(1)} KB`);

export function overflowSummary(
  thread: ThreadFacts, verdict: OverflowVerdict, use: StackUse, blame: Blame | undefined, firstSymbol: string | undefined,
  extra: { confidence?: Confidence; tieWith?: string; recursion?: Recursion } = {},
): string[] {
  const { limit, base } = use.bounds;
  const who = `thread ${h8(thread.thread)}${thread.processName ? ` (${thread.processName})` : ''}`;
  const out = [
    `[kdsim] Kernel stack overflow: ${who} ran out of its ${kb(use.stackBytes)} kernel stack [${h8(limit)}, ${h8(base)}).`,
    `[kdsim] ${verdict.reason}${verdict.cr2 !== undefined ? `; CR2 = ${h8(verdict.cr2)}` : ''}.`,
  ];
  if (use.trapResidue && firstSymbol) {
    out.push(`[kdsim] ${firstSymbol} touched the guard page while building a trap frame: the fault could not be delivered, hence the double fault.`);
    out.push(`[kdsim] It is not the culprit: only ${hx(use.trapResidue.bytes)} bytes of stack were left when the first fault came.`);
  }
  const parts = use.modules.map((m) => `${m.module} ${hx(m.bytes)} (${m.percent.toFixed(1)}%)`);
  out.push(`[kdsim] Stack use by module: ${parts.join(', ')}.`);
  const apart = [
    use.trapResidue ? `trap frame residue ${hx(use.trapResidue.bytes)} (${use.trapResidue.percent.toFixed(1)}%)` : undefined,
    `NPX save area ${hx(use.npx.bytes)} (${use.npx.percent.toFixed(1)}%, the thread's own, no driver's)`,
  ].filter(Boolean);
  out.push(`[kdsim] Reported apart: ${apart.join('; ')}.`);
  if (blame) {
    const m = use.modules.find((x) => x.module === blame.module);
    const top = use.modules[0];
    const most = top && top.module !== blame.module
      ? `${top.module} used the most stack (${top.percent.toFixed(1)}%), as the path drivers drove; of the drivers, ${blame.imageName} used the most`
      : `${blame.imageName} used the most stack`;
    out.push(`[kdsim] ${most}${m ? ` (${m.percent.toFixed(1)}% of it)` : ''}; blamed frame ${blame.frameIndex.toString(16)}: ${blame.symbol}, its innermost frame.`);
    if (extra.tieWith) {
      const t = use.modules.find((x) => x.module === extra.tieWith);
      out.push(`[kdsim] Near-tie: ${extra.tieWith}${t ? ` (${t.percent.toFixed(1)}%)` : ''} used almost as much; both ${blame.module} and ${extra.tieWith} drove this overflow.`);
    }
  }
  if (extra.recursion) out.push(...recursionLines(extra.recursion));
  if (extra.confidence) out.push(`[kdsim] Confidence: ${extra.confidence.level} (${extra.confidence.reasons.join('; ')}).`);
  out.push(`[kdsim] WinDbg's own walk from the rebuilt start: kf = ${h8(use.kStart.ebp)} ${h8(use.kStart.esp)} ${h8(use.kStart.eip)}`);
  return out;
}

export function notOverflowSummary(verdict: OverflowVerdict, stackCommand: string): string[] {
  return [
    `[kdsim] Double fault, but not a kernel-stack overflow: ${verdict.reason}.`,
    `[kdsim] No driver is blamed for stack use; look at the interrupted task with ${stackCommand}.`,
  ];
}
