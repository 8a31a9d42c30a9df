/**
 * What the evaluator needs from a debugger session. Kept small so expressions are testable over a fake,
 * and implemented by the session (src/analyzer/session/debugSession.ts). Values are 64-bit inside (MASM);
 * the target's registers, symbols and reads come in as its own (32-bit on x86) unsigned numbers.
 */
export interface ExprEnv {
  readonly radix: number;
  /** Lowercase register name (32-bit, segment, cr*, tr...) → value; undefined when the context lacks it. */
  register(name: string): number | undefined;
  /** Lowercase pseudo-register with its `$` ('$ip', '$bug_param1') → value; undefined when unknown here. */
  pseudo(name: string): number | undefined;
  /** Symbol as typed (`nt!_KiTrap0E`, `KiTrap0E`, `StackHog!Fn`) → address. */
  symbol(name: string): number | undefined;
  /** Reads of the current address space; null = unreadable. */
  readU8(va: number): number | null;
  readU16(va: number): number | null;
  readU32(va: number): number | null;
  readU64(va: number): bigint | null;
  /** Base of the GDT descriptor `selector` (for `0030:00000040`, `fs:0x1c`); undefined when it cannot be read. */
  segmentBase(selector: number): number | undefined;
  /** Width of the target's pointers: what `poi` reads, and the width a value's sign is taken at (`>>>`). */
  readonly pointerBits: 32 | 64;
  /** A 64-bit value as a virtual address of the target (the session's arch: the low 32 bits on x86). */
  toAddress(value: bigint): number;
}

/** A value with, for `sel:offset` forms, the parts the memory commands print (`0030:00000040`). */
export interface ExprValue {
  /** As a virtual address of the target (env.toAddress of `full`). */
  value: number;
  /** The full 64-bit value (`?` prints it; physical addresses above 4 GiB need it). */
  full: bigint;
  segment?: { selector: number; offset: number };
}
