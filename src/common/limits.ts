/**
 * Bounds on what hostile input can make kdsim do: every cap in one place, each with why it has its value.
 * docs/limits.md is the user-facing form of this table; change both together. A dump, a command line or an
 * argument that would exceed one of these gets WinDbg's error text (or a warning), never a hang, an
 * unbounded allocation or a JS stack overflow.
 */

/** x86 KiProcessorBlock has 32 slots (MAXIMUM_PROCESSORS on 32-bit NT); a larger header NumberProcessors is
 *  damage: the session uses 32 and the open prints a warning. */
export const MAX_PROCESSORS_X86 = 32;

/** Longest expression text the MASM parser reads (WinDbg's command buffer is 4 KB). Longer: `Syntax error`. */
export const EXPR_MAX_LENGTH = 4096;
/** Deepest nesting of `( )`, `[ ]` and unary operators (`-`, `poi`, `not`…). Deeper: `Syntax error`. */
export const EXPR_MAX_NESTING = 64;
/** Deepest expression tree (a chain `1+1+…` is as deep as it has terms): the evaluator recurses per level. */
export const EXPR_MAX_TREE_DEPTH = 512;

/** WinDbg's own sanity limit for a display range given without `L?` (256 MB). */
export const WINDBG_RANGE_LIMIT = 0x10000000;
/**
 * kdsim's cap on the memory one display command (`d*`, `dps`, `dds`…) covers, with or without `L?`: 256 KiB is
 * 16 Ki lines of `dd` or 64 Ki lines of `dps` (a few MB of text, under a second). Above it: `Range error`, as
 * WinDbg gives above its own limit. (A kernel stack is 12 KB; a display of more is rarely read by a person.)
 */
export const DISPLAY_MAX_BYTES = 0x40000;
/** Most instructions one `u addr L n` / `ub addr L n` lists; above it: `Range error`. */
export const DISASM_MAX_INSTRUCTIONS = 0x400;

/**
 * Widest stack range the reconstruction (`!stackusage`, `!analyze -v`) scans. x86 kernel stacks are 12 KB
 * (KERNEL_STACK_SIZE) or 60 KB (KERNEL_LARGE_STACK_SIZE); a damaged StackLimit or ESP must not make it read
 * gigabytes: the scan keeps the 64 KB below the stack's top.
 */
export const STACK_SCAN_MAX_BYTES = 0x10000;

/** Width of `!stackusage` bars: a share is clamped to 0..100 % before it is drawn. */
export const BAR_WIDTH = 40;

/** Per-dump time budget of `kdsim triage` (ms); a dump over it becomes a `timed out` row and the batch goes on. */
export const TRIAGE_DUMP_BUDGET_MS = 60_000;

/** Exit status of an internal error (BSD sysexits EX_SOFTWARE). */
export const EXIT_INTERNAL = 70;
