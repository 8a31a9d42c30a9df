/**
 * Functions compiled without a frame pointer (frame data kind 'fpo'): after the prologue, the return
 * address sits above the locals and the saved registers, at esp + localsBytes + 4*savedRegs. Inside the
 * prologue only part of that has been pushed, so the unwinder declines and lets the scan find it.
 * EBP is not touched by an FPO function, so the caller's EBP is the current one.
 */
import { callerRegs, type CallerCandidate, type Frame, type WalkEnvironment } from './frame';

export function fpoUnwinder(frame: Frame, env: WalkEnvironment): CallerCandidate | null {
  const fd = frame.frameData;
  if (fd?.kind !== 'fpo') return null;
  const start = env.symbols.lookup(frame.regs.eip)?.symbol?.address;
  if (start !== undefined && frame.regs.eip - start < fd.prologBytes) return null;
  const slot = (frame.regs.esp + fd.localsBytes + 4 * fd.savedRegs) >>> 0;
  const ra = env.vm.readU32(slot);
  if (ra === null) return null;
  return { regs: callerRegs(frame, ra, slot + 4, frame.regs.ebp), trust: 'fpo', retAddrSlot: slot };
}
