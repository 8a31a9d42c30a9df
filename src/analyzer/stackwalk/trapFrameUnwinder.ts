/**
 * Trap handlers (frame data kind 'trap', e.g. nt!_KiTrap0E) keep EBP pointing at their KTRAP_FRAME once
 * their prologue has run; the interrupted code's registers are in it. WinDbg reads the trap frame whole: if
 * any byte is unreadable it gets zeros and prints `(FPO: [0,0] TrapFrame-EDITED @ 00000000)` with a return
 * address of 00000000, which ends the walk. Folklore: the blog's dump is exactly that case. KiTrap0E's frame
 * at b8ae5fe4 starts 0x1c bytes inside the guard page; its saved Ebp/Eip (b8ae60ec, 808813d8) are readable,
 * yet `kv` shows one frame, and the engineer has to rebuild the stack by hand.
 */
import type { CallerCandidate, Frame, WalkEnvironment } from './frame';

export function trapFrameUnwinder(frame: Frame, env: WalkEnvironment): CallerCandidate | null {
  if (frame.frameData?.kind !== 'trap' || !env.readTrapFrame) return null;
  const address = frame.regs.ebp >>> 0;
  const trap = env.readTrapFrame(address);
  if (!trap) {
    return {
      regs: { ...frame.regs, eip: 0, esp: 0, ebp: 0 }, trust: 'trap', note: { kind: 'trap', address: null, edited: true },
    };
  }
  return { regs: { ...trap.regs }, trust: 'trap', note: { kind: 'trap', address, edited: trap.edited } };
}
