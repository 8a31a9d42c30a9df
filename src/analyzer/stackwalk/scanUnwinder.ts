/**
 * Last resort: look up the stack for a word that could be a return address. WinDbg's window is 40 dwords
 * (160 from the context frame, where the function may have a large frame we know nothing about). A word
 * qualifies when it points into a loaded module and, when a call-site decoder is available, a near CALL
 * ends exactly there (trust scan_callsite); else any module address (trust scan).
 * If the slot right above the current EBP holds the return address, EBP pointed at a real frame, and the
 * caller's EBP is the saved one (rust-minidump's rule); otherwise EBP is left as is.
 */
import { callerRegs, type CallerCandidate, type Frame, type WalkEnvironment } from './frame';

export const SCAN_WORDS = 40;
export const SCAN_WORDS_CONTEXT = 160;

export function scanUnwinder(frame: Frame, env: WalkEnvironment): CallerCandidate | null {
  const { vm, symbols, stack, isCallSite } = env;
  const words = frame.index === 0 ? SCAN_WORDS_CONTEXT : SCAN_WORDS;
  const from = frame.regs.esp >>> 0;
  for (let i = 0; i < words; i++) {
    const slot = (from + 4 * i) >>> 0;
    if (stack && slot + 4 > stack.base) break;
    const ra = vm.readU32(slot);
    if (ra === null || ra < 0x1000 || !symbols.moduleAt(ra)) continue;
    if (isCallSite && !isCallSite(ra)) continue;
    let ebp = frame.regs.ebp;
    if (ebp === slot - 4) ebp = vm.readU32(ebp) ?? ebp;
    return { regs: callerRegs(frame, ra, slot + 4, ebp), trust: isCallSite ? 'scan_callsite' : 'scan', retAddrSlot: slot };
  }
  return null;
}
