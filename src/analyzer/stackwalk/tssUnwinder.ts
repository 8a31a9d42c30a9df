/**
 * Task-gate handlers (frame data kind 'tss', nt!_KiTrap08) run on their own task: the interrupted task is
 * the one named by the current TSS's backlink, and its registers are saved in that TSS. On the blog's dump,
 * `.tss 0x50` starts in _KiTrap08 on the double-fault stack; the backlink 0x28 leads to _KiTrap0E+0x5c on
 * the thread's stack (kv: `(FPO: TSS 28:0)`).
 */
import type { CallerCandidate, Frame, WalkEnvironment } from './frame';

export function tssUnwinder(frame: Frame, env: WalkEnvironment): CallerCandidate | null {
  if (frame.frameData?.kind !== 'tss' || !env.tasks || frame.task === undefined) return null;
  const selector = env.tasks.backlink(frame.task);
  if (!selector) return null;
  const regs = env.tasks.registers(selector);
  if (!regs) return null;
  return { regs: { ...regs }, trust: 'trap', note: { kind: 'tss', selector }, task: selector };
}
