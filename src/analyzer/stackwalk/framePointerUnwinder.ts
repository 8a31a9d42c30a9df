/**
 * The saved-EBP chain: [ebp] is the caller's EBP and [ebp+4] the return address. A readable EBP is not
 * enough: the step is taken only when the frame pointer is at or above the stack pointer, the saved EBP is
 * above the current one (or 0, the end of the chain), both stay inside the thread's stack when it is known,
 * (unless the caller is an FPO function, whose EBP need not be a frame pointer), and the return address is
 * inside a loaded module. Otherwise the scan gets its chance.
 * At a function's first instruction (frame data says we are before `mov ebp,esp`) the return address is
 * still at [esp] (offset 0) or [esp+4] after `push ebp`. The callee pops its own parameters (stdcall), so the
 * caller's esp is past them (frame data paramBytes).
 */
import { PAGE_SIZE } from '../../common/hex';
import { callerRegs, type CallerCandidate, type Frame, type WalkEnvironment } from './frame';

export function framePointerUnwinder(frame: Frame, env: WalkEnvironment): CallerCandidate | null {
  const { vm, symbols, stack } = env;
  const { eip, esp, ebp } = frame.regs;
  const fd = frame.frameData;
  if (fd && fd.kind !== 'ebp') return null;
  const params = fd?.paramBytes ?? 0;

  const start = symbols.lookup(eip)?.symbol?.address;
  const intoProlog = fd && start !== undefined ? eip - start : undefined;
  if (intoProlog !== undefined && intoProlog < Math.min(fd!.prologBytes, 3)) {
    // push ebp (1 byte) / mov ebp,esp (2 bytes) not yet done: EBP is still the caller's.
    const slot = intoProlog === 0 ? esp : (esp + 4) >>> 0;
    const ra = vm.readU32(slot);
    const callerEbp = intoProlog === 0 ? ebp : vm.readU32(esp);
    if (ra === null || callerEbp === null || !symbols.moduleAt(ra)) return null;
    return { regs: callerRegs(frame, ra, slot + 4 + params, callerEbp), trust: 'frame_pointer', retAddrSlot: slot };
  }

  if (ebp < esp) return null;
  // The thread's stack bounds the chain only while the frame runs on it (not on the double-fault or DPC stack).
  const bounded = stack && esp >= stack.limit - PAGE_SIZE && esp < stack.base ? stack : undefined;
  if (bounded && (ebp < bounded.limit || ebp + 8 > bounded.base)) return null;
  const savedEbp = vm.readU32(ebp);
  const ra = vm.readU32((ebp + 4) >>> 0);
  if (savedEbp === null || ra === null) return null;
  if (!symbols.moduleAt(ra)) return null;
  // A caller without a frame pointer (FPO) may hold anything in EBP (fUseBP: the IRP, a counter): only a
  // caller with an EBP frame must have saved a frame pointer above this one.
  const callerIsFpo = symbols.frameDataAt((ra - 1) >>> 0)?.kind === 'fpo';
  if (!callerIsFpo && savedEbp !== 0 && savedEbp <= ebp) return null;
  if (!callerIsFpo && savedEbp !== 0 && bounded && savedEbp >= bounded.base) return null;
  return { regs: callerRegs(frame, ra, ebp + 8 + params, savedEbp), trust: 'frame_pointer', retAddrSlot: (ebp + 4) >>> 0 };
}
