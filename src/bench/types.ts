/**
 * One benchmark (bench-contract.md). `command`: argv of a child process timed end to end, reported as a
 * ratio to `node -e 0`, with its peak RSS. `fn`: in-process work, reported in ms and as a ratio to the
 * baseline's ms, with the process's peak RSS after it ran.
 */
export interface Bench {
  name: string;
  setup?(): Promise<void> | void;
  command?: () => string[];
  fn?: () => Promise<void> | void;
  /** Timed repetitions (default 5); the table shows the median. */
  runs?: number;
  /** One line shown beside the figures, computed after the runs. */
  note?(): string;
  /**
   * Issue 14's goals: CPU-time ratio to `node -e 0` (command benches, measured in pairs with it), peak RSS, or
   * a rate the note computes; a goal not met is flagged under the table.
   */
  goal?: { ratio?: number; rssMiB?: number; check?: (r: Measured) => string | undefined };
}

/** One bench's figures: median wall and CPU ms (user + system, children included), peak RSS. */
export interface Measured { ms: number; cpuMs?: number; ratio: number; rssMiB?: number }
