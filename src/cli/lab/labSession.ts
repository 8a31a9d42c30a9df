/**
 * The lab's debugger: one real session over the dump, in which the steps run in the blog's order (so the
 * `.tss 0x28` of step 2 is in effect later, as on the blog). Jumping to step N replays the steps before it
 * without showing them, which puts the session in the state the blog had at that point.
 */
import { openDump, runLine, type Session } from '../../analyzer';
import { checkLines, findLine } from './expect';
import type { LabStep, Notice } from './labStep';
import { PART_ONE_START } from './partOneSteps';
import { PART_ONE_END } from './partOneEnd';

export const LAB_STEPS: LabStep[] = [...PART_ONE_START, ...PART_ONE_END];

export interface StepOutcome {
  step: LabStep;
  /** The output, as `kdsim analyze` prints it after the prompt line. */
  lines: string[];
  /** undefined when every expected line is there. */
  problem?: string;
  /** Each notice with the output line it matched (undefined when absent). */
  notices: { notice: Notice; line?: string }[];
}

export class LabSession {
  private nextIndex = 0;

  constructor(readonly session: Session) {}

  static open(dumpPath: string, symbolPaths: string[] = []): LabSession {
    return new LabSession(openDump(dumpPath, { symbolPaths }));
  }

  prompt(): string { return this.session.prompt(); }

  /** Runs one step's command (its lab form) and checks the output. */
  async run(step: LabStep): Promise<StepOutcome> {
    const done = await runLine(this.session, step.run ?? step.command);
    const lines = done.flatMap((d) => d.lines);
    const internal = done.find((d) => d.internal);
    this.nextIndex = LAB_STEPS.indexOf(step) + 1;
    return {
      step, lines,
      problem: internal ? `kdsim internal error: ${internal.lines.join(' ')}` : checkLines(step.expect, step.rule ?? '', lines),
      notices: step.notice.map((notice) => ({ notice, line: findLine(notice.line, lines) })),
    };
  }

  /** Runs, unseen, the steps before step `n` that have not run yet. */
  async replayTo(n: number): Promise<void> {
    for (const step of LAB_STEPS.slice(this.nextIndex).filter((s) => s.n < n)) await this.run(step);
  }

  close(): void { this.session.dump.close(); }
}

export function stepByNumber(n: number): LabStep | undefined {
  return LAB_STEPS.find((s) => s.n === n);
}

/** `--check`: runs every step (or only step `only`, after replaying the ones before it) and checks each. */
export async function checkLab(lab: LabSession, only?: number): Promise<StepOutcome[]> {
  const steps = only === undefined ? LAB_STEPS : LAB_STEPS.filter((s) => s.n === only);
  const out: StepOutcome[] = [];
  for (const step of steps) {
    await lab.replayTo(step.n);
    out.push(await lab.run(step));
  }
  return out;
}

/** The check report: one line per step, like check_walkthrough.py, then the count. */
export function renderCheck(outcomes: StepOutcome[]): string[] {
  const width = Math.max(...outcomes.map((o) => o.step.command.length));
  const rows = outcomes.map((o) => `step ${String(o.step.n).padStart(2)}  ${o.step.command.padEnd(width)}  ${o.problem ?? 'ok'}`);
  const ok = outcomes.filter((o) => !o.problem).length;
  return [...rows, `walkthrough Part 1 lab: ${ok}/${outcomes.length} steps as expected`];
}
