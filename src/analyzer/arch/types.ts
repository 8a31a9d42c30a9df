/**
 * The architecture seam: what differs between target architectures, carried by the session (session.arch) so
 * that a second architecture is a new file beside x86.ts rather than branches through the analyzer.
 *
 * Values inside the debugger are 64-bit, as in WinDbg's MASM evaluator (expr/ computes in BigInt modulo 2^64);
 * an arch says how such a value becomes one of its virtual addresses and how it is printed.
 */
import type { PagingMode } from '../memory/pagingModes';
import type { Unwinder } from '../stackwalk/frame';

export type ArchName = 'x86' | 'x64';

export interface TargetArch {
  readonly name: ArchName;
  /** Bytes of a pointer (4 on x86, 8 on x64): `dps`, `poi`, KiProcessorBlock slots. */
  readonly pointerSize: 4 | 8;
  /** The register context's names, as `r` lists them (lowercase). */
  readonly registers: readonly string[];
  /** Instruction, stack and frame pointer register names (eip/esp/ebp; rip/rsp/rbp on x64). */
  readonly pc: string;
  readonly sp: string;
  readonly fp: string;
  /** Address translation of the dump (PAE or non-PAE on x86; 4-level on x64). */
  readonly paging: PagingMode;
  /** The `k` walker's strategies, tried in order for each frame. */
  readonly unwinders: readonly Unwinder[];
  /** Decoder bitness for `u` and the call-site check. */
  readonly disasmBitness: 16 | 32 | 64;
  /** A 64-bit debugger value as a virtual address of this target (x86: its low 32 bits). */
  toVirtualAddress(value: bigint): number;
  /** A virtual address as WinDbg prints it: 8 hex digits on x86, `ffff8000`00000000` on x64. */
  formatAddress(va: number | bigint): string;
  /**
   * A 64-bit debugger value as `?` prints it: signed decimal and hex. On a 32-bit target a value that is the
   * sign extension of a 32-bit one (or fits in 32 bits) prints as 8 digits; anything wider as 64 bits.
   */
  formatValue(value: bigint): { decimal: string; hex: string };
}
