/**
 * What `!analyze` needs from the debugger, as one port. The command layer implements it over the session
 * (KPCR, GDT, TSS, thread and walker helpers live there); the analysis here stays pure and testable with fakes.
 */
import type { X86Registers } from '../../common/x86Registers';
import type { VirtualMemory } from '../memory/types';
import type { SymbolResolverApi } from '../symbols/types';
import type { TypeTableApi } from '../../symbols/typeTable.api';
import type { Frame } from '../stackwalk/frame';
import type { StackBounds } from '../stackwalk/reconstructor';

export interface ThreadFacts {
  thread: number;
  process?: number;
  /** EPROCESS.ImageFileName, e.g. 'StackHog.exe'. */
  processName?: string;
  /** KTHREAD StackLimit, StackBase and InitialStack. */
  stack?: StackBounds;
}

export interface AnalysisTarget {
  readonly bugcheck: { code: number; args: [number, number, number, number] };
  readonly symbols: SymbolResolverApi;
  readonly ntTypes: TypeTableApi | null;
  /** Kernel address space. */
  readonly vm: VirtualMemory;
  /** The bugcheck processor's context (the dump header's CONTEXT). */
  readonly defaultContext: X86Registers;
  /** The TSS the processor runs on now (KPCR.TSS) and its Backlink selector; undefined when unreadable. */
  currentTss(): { base: number; backlink: number } | undefined;
  /** Registers saved in the TSS of a GDT selector; undefined when it is not a readable TSS. */
  taskRegisters(selector: number): X86Registers | undefined;
  cr2(): number | undefined;
  irql(): number | undefined;
  /** The thread that was running on the bugcheck processor. */
  currentThread(): ThreadFacts | undefined;
  /** WinDbg's own walk from `regs` (the k family's walker); undefined when no walker is available. */
  walk?(regs: X86Registers, task?: number): Frame[] | undefined;
}
