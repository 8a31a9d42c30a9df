/**
 * What the evaluator needs from a debugger session. Kept small so expressions are testable over a fake,
 * and implemented by the session (src/analyzer/commands/session.ts).
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
}

/** A value with, for `sel:offset` forms, the parts the memory commands print (`0030:00000040`). */
export interface ExprValue {
  value: number;
  segment?: { selector: number; offset: number };
}
