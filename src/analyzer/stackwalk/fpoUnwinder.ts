/**
 * Functions compiled without a frame pointer (frame data kind 'fpo'): after the prologue (`sub esp,L; push
 * regs`), the return address sits above the locals and the saved registers, at esp + localsBytes + 4*savedRegs.
 * Inside the prologue only part of that has been pushed, so the unwinder declines and lets the scan find it.
 * The callee pops its own parameters (stdcall), so the caller's esp is past them too (FPO cdwParams).
 * An FPO function leaves EBP alone unless it uses EBP as a general register (FPO fUseBP); then the caller's EBP
 * is in the slot of its `push ebp`, which the frame data's push order locates.
 */
import type { FunctionFrameData } from '../../symbols/isf';
import type { VirtualMemory } from '../memory/types';
import { callerRegs, type CallerCandidate, type Frame, type WalkEnvironment } from './frame';

export function fpoUnwinder(frame: Frame, env: WalkEnvironment): CallerCandidate | null {
  const fd = frame.frameData;
  if (fd?.kind !== 'fpo') return null;
  const start = env.symbols.lookup(frame.regs.eip)?.symbol?.address;
  if (start !== undefined && frame.regs.eip - start < fd.prologBytes) return null;
  const slot = (frame.regs.esp + fd.localsBytes + 4 * fd.savedRegs) >>> 0;
  const ra = env.vm.readU32(slot);
  if (ra === null) return null;
  const ebp = savedCallerEbp(env.vm, fd, slot);
  if (ebp === null) return null;
  return { regs: callerRegs(frame, ra, slot + 4 + fd.paramBytes, ebp ?? frame.regs.ebp), trust: 'fpo', retAddrSlot: slot };
}

/**
 * The caller's EBP saved by an FPO function's `push ebp`, given its return slot: undefined when the function
 * does not push EBP (EBP is still the caller's), null when it does but the slot is unreadable.
 */
export function savedCallerEbp(vm: VirtualMemory, fd: FunctionFrameData, retSlot: number): number | null | undefined {
  const k = fd.savedRegisters?.indexOf('ebp') ?? -1;
  if (k < 0) return undefined;
  return vm.readU32((retSlot - fd.localsBytes - 4 * (k + 1)) >>> 0);
}
