/**
 * WinDbg's own x86 stack walk (the `k` family, `!thread`, `!analyze`'s STACK_TEXT in WinDbg form). Per
 * frame, strategies are tried in order and the first that proposes a caller wins:
 *   trap frame / TSS (trap handlers) → FPO data → frame pointer (validated) → windowed scan;
 * then one shared check decides whether the walk goes on (rust-minidump's shape). It stops when the
 * caller's eip is below 0x1000 (a zeroed trap frame gives 0), when esp does not strictly increase (except
 * across a task switch, which changes stacks), when esp leaves the thread's stack, or at the frame cap.
 */
import type { X86Registers } from '../../common/x86Registers';
import { PAGE_SIZE } from '../../common/hex';
import { argsAt, contextFrame } from './contextFrame';
import type { CallerCandidate, Frame, Unwinder, WalkEnvironment } from './frame';
import { fpoUnwinder } from './fpoUnwinder';
import { framePointerUnwinder } from './framePointerUnwinder';
import { scanUnwinder } from './scanUnwinder';
import { trapFrameUnwinder } from './trapFrameUnwinder';
import { tssUnwinder } from './tssUnwinder';

/** Best first. Trap and TSS frames are authoritative for trap handlers; the scan takes whatever is left. */
export const UNWINDERS: readonly Unwinder[] = [trapFrameUnwinder, tssUnwinder, fpoUnwinder, framePointerUnwinder, scanUnwinder];

/** WinDbg 6.x prints 20 frames unless told otherwise (`kL200`, `kb 100`). */
export const DEFAULT_FRAME_COUNT = 0x14;
/** A hard ceiling whatever the user asks (`kL ffffffff` must not loop for ever). */
export const MAX_FRAME_COUNT = 0x10000;
/** Below this an "instruction pointer" is a null pointer, not code. */
export const MIN_CODE_ADDRESS = 0x1000;

export interface WalkOptions {
  maxFrames?: number;
  /** TSS selector of the task the start registers belong to (the `.tss` selector, else TR). */
  task?: number;
}

export function walkStack(env: WalkEnvironment, start: X86Registers, opts: WalkOptions = {}): Frame[] {
  const max = Math.max(1, Math.min(opts.maxFrames ?? DEFAULT_FRAME_COUNT, MAX_FRAME_COUNT));
  const frames: Frame[] = [contextFrame(start, env.symbols, opts.task)];
  const tasksSeen = new Set<number | undefined>([opts.task]);
  for (;;) {
    const frame = frames[frames.length - 1];
    const caller = proposeCaller(frame, env);
    settle(frame, caller, env);
    if (!caller || frames.length >= max || !continues(frame, caller, env, tasksSeen)) break;
    const exact = caller.trust === 'trap'; // an interrupted eip, not a return address
    frames.push({
      index: frames.length, regs: caller.regs, trust: caller.trust, childEbp: caller.regs.ebp, retAddr: null,
      args: [null, null, null], frameData: env.symbols.frameDataAt(exact ? caller.regs.eip : caller.regs.eip - 1),
      task: caller.task ?? frame.task,
    });
  }
  return frames;
}

function proposeCaller(frame: Frame, env: WalkEnvironment): CallerCandidate | null {
  // The thread's bounds hold only for frames on the thread's stack. The bugcheck context of a double fault runs
  // on the double-fault task's own stack (f773a3c0..f773d3c0 on the blog's dump): there the frame-pointer and
  // scan rules still apply (EBP above ESP, increasing), without the thread's limits.
  const here = onStack(env, frame.regs.esp) ? env : { ...env, stack: undefined };
  for (const unwind of env.unwinders ?? UNWINDERS) {
    const c = unwind(frame, here);
    if (c) return c;
  }
  return null;
}

/** Inside the thread's stack; the guard page below the limit counts (a trap taken at the limit pushes there). */
function onStack(env: WalkEnvironment, esp: number): boolean {
  const s = env.stack;
  return s !== undefined && esp >= s.limit - PAGE_SIZE && esp < s.base;
}

/** Fills the frame's WinDbg columns once its caller is known (or known not to be found). */
function settle(frame: Frame, caller: CallerCandidate | null, env: WalkEnvironment): void {
  if (caller) {
    frame.retAddr = caller.regs.eip >>> 0;
    frame.retAddrSlot = caller.retAddrSlot;
    frame.note = caller.note;
    if (caller.retAddrSlot !== undefined) frame.childEbp = (caller.retAddrSlot - 4) >>> 0;
  } else {
    frame.retAddr = env.vm.readU32((frame.childEbp + 4) >>> 0);
  }
  frame.args = argsAt(env.vm, frame.childEbp);
}

function continues(frame: Frame, caller: CallerCandidate, env: WalkEnvironment, tasksSeen: Set<number | undefined>): boolean {
  if (caller.regs.eip < MIN_CODE_ADDRESS) return false;
  if (caller.task !== undefined) {
    // A task switch moves to another stack; only a loop of backlinks ends it.
    if (tasksSeen.has(caller.task)) return false;
    tasksSeen.add(caller.task);
    return true;
  }
  if (caller.regs.esp <= frame.regs.esp) return false;
  return !(onStack(env, frame.regs.esp) && !onStack(env, caller.regs.esp));
}
