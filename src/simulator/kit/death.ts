/**
 * How the crashing thread dies, as the scenario's stack builder reports it. The kit turns it into the crash
 * processor's state and the bugcheck (doubleFault.ts). Today's one way: the thread ran its kernel stack into the
 * guard page, the page-fault handler's own push faulted again, and the CPU switched to the double-fault task
 * (BugCheck 0x7F, Arg1 8). A trap frame death (0x7F with Arg1 0xD/6/0) is another member of this union, with its
 * own file beside doubleFault.ts.
 */
import type { X86Registers } from '../../common/x86Registers';

export interface DoubleFaultDeath {
  kind: 'double-fault';
  /** The task that faulted: its registers as the CPU saved them in its TSS at the task switch. */
  tss28: X86Registers;
  /** The faulting address (the push into the guard page). */
  cr2: number;
  /** fs:[0] of the thread when it faulted. */
  exceptionList: number;
  /** KTHREAD.InitialStack: the top of the call-frame area, below the NPX save area. */
  initialStack: number;
}

export type Death = DoubleFaultDeath;

export interface Bugcheck { code: number; args: [number, number, number, number] }
