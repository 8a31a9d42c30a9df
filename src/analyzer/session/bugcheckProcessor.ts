/**
 * Which processor bugchecked (the prompt's `3:`). The dump header holds only that processor's CONTEXT, not its
 * number, so the engine matches the context against each processor's state, best evidence first:
 *  1. KPRCB.ProcessorState.ContextFrame equals the header CONTEXT (eip and esp), when captured (ContextFlags ≠ 0).
 *     The blog's dump has ContextFlags = 0 there (walkthrough puzzle 9), so this alone is not enough.
 *  2. The header esp lies on a stack the processor owns: the 12 KB below its current TSS's Esp0 (for a double
 *     fault KiTrap08 points KPCR.TSS at the double-fault TSS, whose stack KeBugCheckEx runs on), or its current
 *     thread's kernel stack [StackLimit, InitialStack].
 *  3. Processor 0.
 */
import type { SessionApi } from './types';
import { TypedView } from '../objects/typedView';
import { kpcrView, prcbView, savedContext } from './processorState';

const KERNEL_STACK_SIZE = 0x3000;
const attempt = <T>(f: () => T): T | undefined => { try { return f(); } catch { return undefined; } };

export function findBugcheckProcessor(session: SessionApi): number {
  const ctx = session.dump.header.context;
  const n = session.processorCount;
  for (let p = 0; p < n; p++) {
    const saved = savedContext(session, p);
    if (saved && saved.eip === ctx.eip && saved.esp === ctx.esp) return p;
  }
  for (let p = 0; p < n; p++) {
    if (stacksOf(session, p).some(([lo, hi]) => ctx.esp >= lo && ctx.esp <= hi)) return p;
  }
  return 0;
}

/** [low, high] ranges of the stacks processor p was running on. */
function stacksOf(session: SessionApi, p: number): [number, number][] {
  const out: [number, number][] = [];
  const types = session.ntTypes;
  const pcr = kpcrView(session, p);
  if (!types || !pcr) return out;
  const tss = attempt(() => pcr.value('TSS'));
  const esp0 = tss ? attempt(() => new TypedView(session.dump.kernelVm, types, '_KTSS', tss).value('Esp0')) : undefined;
  if (esp0) out.push([esp0 - KERNEL_STACK_SIZE, esp0]);
  const thread = attempt(() => prcbView(session, p)?.value('CurrentThread'));
  if (thread) {
    const t = new TypedView(session.dump.kernelVm, types, '_KTHREAD', thread);
    const lo = attempt(() => t.value('StackLimit'));
    const hi = attempt(() => t.value('InitialStack'));
    if (lo && hi && lo < hi) out.push([lo, hi]);
  }
  return out;
}
