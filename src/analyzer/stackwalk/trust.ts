/**
 * How a frame was found, best first (rust-minidump's FrameTrust, plus x86 kernel trap/TSS frames). Shown by
 * kdsim's own commands and `--json`, never inside WinDbg-exact `k` output.
 */
export type FrameTrust = 'context' | 'trap' | 'fpo' | 'frame_pointer' | 'scan_callsite' | 'scan';

export const TRUST_ORDER: readonly FrameTrust[] = ['context', 'trap', 'fpo', 'frame_pointer', 'scan_callsite', 'scan'];

/** Human wording, for kdsim's explanations. */
export const TRUST_DESCRIPTION: Record<FrameTrust, string> = {
  context: 'given by the register context',
  trap: 'restored from a trap frame or task-state segment',
  fpo: 'unwound with the function\'s FPO data',
  frame_pointer: 'followed the saved EBP chain',
  scan_callsite: 'found by scanning the stack; a CALL ends at the return address',
  scan: 'found by scanning the stack',
};

/** True when `a` is at least as trustworthy as `b`. */
export const trustAtLeast = (a: FrameTrust, b: FrameTrust): boolean => TRUST_ORDER.indexOf(a) <= TRUST_ORDER.indexOf(b);
