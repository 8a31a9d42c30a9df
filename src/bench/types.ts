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
}
