/**
 * One frame of a walk, as the `k` family and `!thread`/`!analyze` consume it. The registers are the
 * frame's own (eip inside the function, esp/ebp as they were there); ChildEBP, RetAddr and the three
 * argument slots are WinDbg's columns. Unreadable slots are null here and print as 00000000 in `k`.
 */
import type { X86Registers } from '../../common/x86Registers';
import type { FunctionFrameData } from '../../symbols/isf';
import type { FrameTrust } from './trust';
import type { VirtualMemory } from '../memory/types';
import type { SymbolResolverApi } from '../symbols/types';

/** How the caller of this frame was reached when that is special (drives kv's annotation). */
export type FrameNote =
  /** Through a KTRAP_FRAME; `address` null when the frame could not be read (WinDbg: `TrapFrame-EDITED @ 00000000`). */
  | { kind: 'trap'; address: number | null; edited: boolean }
  /** Through a task gate: the TSS backlink (WinDbg: `TSS 28:0`). */
  | { kind: 'tss'; selector: number };

export interface Frame {
  index: number;
  regs: X86Registers;
  trust: FrameTrust;
  /** WinDbg's ChildEBP: the frame's EBP, or for frames without one, 4 bytes below the return-address slot. */
  childEbp: number;
  /** The caller's instruction pointer (next frame's eip); null when it could not be read. */
  retAddr: number | null;
  /** Where the return address was read, when it came from the stack. */
  retAddrSlot?: number;
  /** The dwords at ChildEBP+8, +0xc, +0x10. */
  args: [number | null, number | null, number | null];
  frameData?: FunctionFrameData;
  note?: FrameNote;
  /** Task (TSS selector) the frame runs in, when known. */
  task?: number;
}

/** A proposed caller, as an unwinder returns it; the walker's one shared check accepts or ends the walk. */
export interface CallerCandidate {
  regs: X86Registers;
  trust: FrameTrust;
  retAddrSlot?: number;
  note?: FrameNote;
  /** Set by a task switch: the stack changes, so "esp must increase" does not apply to this step. */
  task?: number;
}

/*
 * What every unwinding strategy sees and returns. A strategy proposes the caller of one frame, or declines
 * (null) and lets the next strategy try; the walker, not the strategy, decides whether the walk goes on.
 */
/** Registers saved in a KTRAP_FRAME, and whether the kernel marked it edited (SegCs & FRAME_EDITED == 0). */
export interface TrapFrameRegisters { regs: X86Registers; edited: boolean }

/** Task-state segments of the processor, for task-gate frames (the double fault's task 0x50). */
export interface TaskStateApi {
  /** Backlink (previous task's selector) stored in the TSS of `selector`; null when unreadable or not a TSS. */
  backlink(selector: number): number | null;
  /** Registers saved in the TSS of `selector` (with its CR3). */
  registers(selector: number): X86Registers | null;
}

export interface WalkEnvironment {
  vm: VirtualMemory;
  symbols: SymbolResolverApi;
  /** Reads a whole KTRAP_FRAME at `address`; null when any byte of it is unreadable (WinDbg reads it in one go). */
  readTrapFrame?(address: number): TrapFrameRegisters | null;
  tasks?: TaskStateApi;
  /** The current thread's kernel stack [limit, base), for validation and the stop rule. */
  stack?: { limit: number; base: number };
  /** "Does a near CALL end exactly at `ra`?" (disasm/callSite.ts); scans prefer such words. */
  isCallSite?(ra: number): boolean;
  /** The architecture's strategies, in order (session.arch.unwinders); the x86 list when absent. */
  unwinders?: readonly Unwinder[];
}

export type Unwinder = (frame: Frame, env: WalkEnvironment) => CallerCandidate | null;

/** The caller's registers: the callee's, with the unwound ones replaced (volatile registers are unknown anyway). */
export const callerRegs = (frame: Frame, eip: number, esp: number, ebp: number): X86Registers =>
  ({ ...frame.regs, eip: eip >>> 0, esp: esp >>> 0, ebp: ebp >>> 0 });
