/**
 * Is this double fault a kernel-stack overflow? Yes when the interrupted task's ESP sits in the guard page
 * just below StackLimit, or CR2 (the last faulting address) is in that guard page while ESP is still on
 * this thread's stack. A double fault with ESP far from the stack (a corrupt ESP, KB 842465's single-bit
 * flip) is not an overflow, and no driver's stack use is to blame for it.
 */
import { PAGE_SIZE, u32 } from '../../common/hex';
import type { StackBounds } from '../stackwalk/reconstructor';

export interface OverflowVerdict {
  overflow: boolean;
  esp: number;
  /** limit − esp when ESP is below the limit (0x1c on the blog's dump). */
  espBelowLimit: number;
  cr2?: number;
  cr2InGuardPage: boolean;
  /** One plain sentence, for the [kdsim] summary. */
  reason: string;
}

const h = (v: number) => u32(v).toString(16).padStart(8, '0');

export function overflowVerdict(stack: StackBounds, esp: number, cr2: number | undefined): OverflowVerdict {
  const limit = u32(stack.limit);
  const guardLo = limit - PAGE_SIZE;
  esp = u32(esp);
  const inGuard = (a: number) => a >= guardLo && a < limit;
  const cr2InGuardPage = cr2 !== undefined && inGuard(u32(cr2));
  const espInGuard = inGuard(esp);
  const espOnStack = esp >= guardLo && esp < u32(stack.base);
  const overflow = espInGuard || (cr2InGuardPage && espOnStack);
  const espBelowLimit = esp < limit ? limit - esp : 0;
  let reason: string;
  if (overflow) {
    reason = espInGuard
      ? `ESP ${h(esp)} is 0x${espBelowLimit.toString(16)} bytes below StackLimit ${h(limit)}, in the guard page`
      : `CR2 ${h(cr2!)} is in the guard page below StackLimit ${h(limit)}`;
  } else {
    reason = espOnStack
      ? `ESP ${h(esp)} is inside the stack [${h(limit)}, ${h(stack.base)}) and CR2 is not in its guard page`
      : `ESP ${h(esp)} is outside the stack [${h(limit)}, ${h(stack.base)}) and its guard page`;
  }
  return { overflow, esp, espBelowLimit, cr2, cr2InGuardPage, reason };
}
