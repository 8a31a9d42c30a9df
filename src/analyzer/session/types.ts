import type { X86Registers, ContextSource } from '../../common/x86Registers';
import type { CrashDump } from '../dump/types';
import type { VirtualMemory } from '../memory/types';
import type { SymbolResolverApi } from '../symbols/types';
import type { TypeTableApi } from '../../symbols/typeTable.api';
import type { TargetArch } from '../arch/types';
import type { ExprValue } from '../expr';

/**
 * What every command sees. Implemented by the debugger session (src/analyzer/session/debugSession.ts).
 * Commands read state through this and change it only through the setters, so REPL and batch behave alike.
 */
export interface SessionApi {
  readonly dump: CrashDump;
  /** The target's architecture (pointer width, registers, paging, unwinders, address formatting). */
  readonly arch: TargetArch;
  /** Address space of the current context (its CR3 when .tss/.process set one, else the kernel DTB). */
  readonly vm: VirtualMemory;
  readonly symbols: SymbolResolverApi;
  /** The kernel's types ('nt'), or null when no symbols matched the kernel. */
  readonly ntTypes: TypeTableApi | null;
  readonly processorCount: number;
  /** Current processor (the prompt's number). */
  readonly processor: number;
  /** Current register context and where it came from. */
  readonly regs: X86Registers;
  readonly contextSource: ContextSource;
  /** Default radix for expressions (16 unless `n` changed it). */
  readonly radix: number;
  /** Current thread / process (ETHREAD / EPROCESS VAs) for `!thread`, `!process`, `$thread`. */
  readonly currentThread: number | undefined;
  readonly currentProcess: number | undefined;

  /** MASM expression → a virtual address of the target (the 64-bit value through arch.toVirtualAddress). */
  evaluate(expr: string): number;
  /** MASM expression → the full 64-bit value, and that address (`?`, physical addresses above 4 GiB). */
  evaluateFull(expr: string): ExprValue;
  /**
   * Evaluates the expression at the start of `text` and returns what follows it (WinDbg reads `dps a1 a2`,
   * `u . L1`, `dd fs:0 L0x54` this way); `segment` is set for `sel:offset` forms. Optional: test doubles may lack it.
   */
  evaluatePrefix?(text: string): { value: number; rest: string; segment?: { selector: number; offset: number } };
  setContext(regs: X86Registers, source: ContextSource): void;
  resetContext(): void;
  setProcessor(n: number): void;
  setRadix(r: number): void;
  /** Remembered state for commands that continue (bare `dd`, `u`): per command family. */
  memo: Map<string, unknown>;
}
