/**
 * The lab's debugger: one real session over the dump, in which the steps run in the blog's order (so the
 * `.tss` of step 2 is in effect later, as on the blog). The steps are built from the dump's own facts
 * (labFacts.ts), so every value the lab checks is this dump's. Jumping to step N replays the steps before it
 * without showing them, which puts the session in the state the blog had at that point.
 */
import { openDump, runLine, type Session } from '../../analyzer';
import { isRightAnswer } from './answers';
import { checkLines, findLine } from './expect';
import { readFacts, type LabFacts } from './labFacts';
import type { LabStep, Notice } from './labStep';
import { partOneStart } from './partOneSteps';
import { partOneEnd } from './partOneEnd';
import { partTwo } from './partTwo';

/** Every step of the lab for a dump with these facts: Part 1 (1-26), then Part 2 by hand (27-32). */
export function labSteps(f: LabFacts): LabStep[] {
  return [...partOneStart(f), ...partOneEnd(f), ...partTwo(f)];
}

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
  readonly steps: LabStep[];

  /** `symbolPath` is `-y`'s directories (they replace the shipped store); undefined keeps the shipped store. */
  constructor(readonly session: Session, readonly facts: LabFacts, readonly dumpPath: string, private readonly symbolPaths: string[] = [], private readonly symbolPath?: string[]) {
    this.steps = labSteps(facts);
  }

  static async open(dumpPath: string, symbolPaths: string[] = [], symbolPath?: string[]): Promise<LabSession> {
    const facts = await readFacts(dumpPath, symbolPaths, symbolPath);
    return new LabSession(openDump(dumpPath, { symbolPaths, ...(symbolPath ? { symbolPath } : {}) }), facts, dumpPath, symbolPaths, symbolPath);
  }

  /** Another session on the same dump, for `explore`: whatever the learner does there leaves the lab's context alone. */
  openExplore(): Session { return openDump(this.dumpPath, { symbolPaths: this.symbolPaths, ...(this.symbolPath ? { symbolPath: this.symbolPath } : {}) }); }

  prompt(): string { return this.session.prompt(); }

  step(n: number): LabStep | undefined { return this.steps.find((s) => s.n === n); }

  get lastStep(): number { return this.steps[this.steps.length - 1].n; }

  /** Runs one step's command (its lab form) and checks the output. */
  async run(step: LabStep): Promise<StepOutcome> {
    const done = await runLine(this.session, step.run ?? step.command);
    const lines = done.flatMap((d) => d.lines);
    const internal = done.find((d) => d.internal);
    this.nextIndex = this.steps.indexOf(step) + 1;
    return {
      step, lines,
      problem: internal ? `kdsim internal error: ${internal.lines.join(' ')}` : checkLines(step.expect, step.rule ?? '', lines),
      notices: step.notice.map((notice) => ({ notice, line: findLine(notice.line, lines) })),
    };
  }

  /** Runs, unseen, the steps before step `n` that have not run yet. */
  async replayTo(n: number): Promise<void> {
    for (const step of this.steps.slice(this.nextIndex).filter((s) => s.n < n)) await this.run(step);
  }

  close(): void { this.session.dump.close(); }
}

/** `--check`: runs every step (or only step `only`, after replaying the ones before it) and checks each. */
export async function checkLab(lab: LabSession, only?: number): Promise<StepOutcome[]> {
  const steps = only === undefined ? lab.steps : lab.steps.filter((s) => s.n === only);
  const out: StepOutcome[] = [];
  for (const step of steps) {
    await lab.replayTo(step.n);
    const o = await lab.run(step);
    // A question is checked the way the learner's answer is: the dump's answer must pass the answer rules, and
    // the output must show it (a module's return addresses, a module's name), so the question can be answered.
    const shown = (q: { kind: string; answer: string | number }) => (q.kind === 'module' ? o.lines.some((l) => l.includes(String(q.answer))) : true);
    const unanswerable = (step.questions ?? []).find((q) => !shown(q) || !isRightAnswer(q, q.kind === 'number' ? `0x${Number(q.answer).toString(16)}` : String(q.answer)));
    out.push(unanswerable && !o.problem ? { ...o, problem: `question has no answer the lab accepts: ${unanswerable.ask}` } : o);
  }
  return out;
}

/** The check report: one line per step, like check_walkthrough.py, then the count. */
export function renderCheck(outcomes: StepOutcome[]): string[] {
  const width = Math.max(...outcomes.map((o) => o.step.command.length));
  const rows = outcomes.map((o) => `step ${String(o.step.n).padStart(2)}  ${o.step.command.padEnd(width)}  ${o.problem ?? 'ok'}`);
  const ok = outcomes.filter((o) => !o.problem).length;
  return [...rows, `walkthrough lab: ${ok}/${outcomes.length} steps as expected`];
}
