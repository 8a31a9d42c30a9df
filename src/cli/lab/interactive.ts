/**
 * The lab at a terminal (or driven by piped lines, which it reads the same way): for each step, its goal and
 * the command to type; the learner types it at the debugger prompt (any spelling WinDbg reads the same way),
 * the lab runs it in the real session, shows the output and points at the values to notice, then asks the
 * step's questions (Part 2), whose typed answers it checks. A wrong command is not run (it could change the
 * context the next steps rely on); the learner gets a hint instead. `hint`, `skip`, `quit` do what they say;
 * `explore` opens a free debugger session on the same dump (`back` returns, the lab's context untouched).
 */
import * as readline from 'readline';
import { commandRegistry, runLineText } from '../../analyzer';
import { isRightAnswer, showAnswer } from './answers';
import type { LabSession, StepOutcome } from './labSession';
import type { LabStep, Question } from './labStep';
import { matchCommand } from './matcher';
import type { ProgressSink } from './progress';

export interface LabIo { input: NodeJS.ReadableStream; output: NodeJS.WritableStream; terminal?: boolean }

const INTRO = [
  'kdsim lab: "Got Stack? No. We ran out of Kernel Mode Stack and kv won\'t tell me why!" (NTDebugging blog, Parts 1 and 2)',
  'Type each step\'s command at the prompt, and answer its questions. Also: hint, skip (the lab types it for you),',
  'explore (a free debugger session on the same dump; back returns), quit.',
];

/** Lines of one step's header: number, goal, command. */
export function stepHeader(step: LabStep, last: number): string[] {
  return ['', `Step ${step.n} of ${last}`, `  ${step.goal}`, `  Type: ${step.command}`];
}

/** What the lab says after a step ran: the values to notice, and any difference from the blog's lines. */
export function afterStep(o: StepOutcome): string[] {
  const out = o.notices.length ? ['', '  Notice:'] : [];
  for (const { notice, line } of o.notices) out.push(line ? `    ${line.trim()}   <- ${notice.says}` : `    (not in the output: ${notice.line})`);
  if (o.problem) out.push(`  This output differs from the blog's: ${o.problem}`);
  return out;
}

/** What to say to a line that is not the step's command. */
export function wrongCommandReply(step: LabStep, typed: string, misses: number): string[] {
  const m = matchCommand(typed, [step.command, ...(step.accept ?? [])], commandRegistry());
  const first = m.kind === 'args' ? `  Right command, other arguments. ${step.hint}` : `  Not this step's command. ${step.hint}`;
  return misses >= 2 ? [first, `  The command is: ${step.command}`] : [first];
}

/** What to say to a wrong answer: the question's hint, and after the second miss how to move on. */
export function wrongAnswerReply(q: Question, misses: number): string[] {
  return misses >= 2 ? [`  Not that. ${q.hint}`, '  (`skip` shows the answer.)'] : [`  Not that. ${q.hint}`];
}

/** Line reader over an input stream; `next()` resolves to undefined once the input closes. */
function lineReader(io: LabIo) {
  const rl = readline.createInterface({ input: io.input, output: io.output, terminal: io.terminal ?? false, historySize: 200 });
  const queue: string[] = [];
  const waiting: ((l: string | undefined) => void)[] = [];
  let closed = false;
  rl.on('line', (l) => { const w = waiting.shift(); if (w) w(l); else queue.push(l); });
  rl.on('close', () => { closed = true; for (const w of waiting.splice(0)) w(undefined); });
  // Ctrl-C leaves the lab like `quit` (readline would otherwise only pause the input and wait forever).
  rl.on('SIGINT', () => { io.output.write('^C\n'); rl.close(); });
  return {
    next(prompt: string): Promise<string | undefined> {
      rl.setPrompt(prompt);
      rl.prompt();
      // Piped lines are not echoed by a terminal: write them after the prompt, so the transcript reads as typed.
      const echo = (l: string | undefined) => { if (!io.terminal && l !== undefined) io.output.write(`${l}\n`); return l; };
      if (queue.length) return Promise.resolve(echo(queue.shift()));
      if (closed) return Promise.resolve(undefined);
      return new Promise((resolve) => waiting.push((l) => resolve(echo(l))));
    },
    close: () => rl.close(),
  };
}

export interface LabRunOptions {
  startAt?: number;
  /** Told about every finished step (`--progress FILE`). */
  progress?: ProgressSink;
  /** The clock, for the time spent per step (tests pass a fixed one). */
  now?: () => number;
}

type Reader = ReturnType<typeof lineReader>;

/** `explore`: a free session on the same dump until `back` (or the end of input). */
async function explore(lab: LabSession, reader: Reader, say: (l: string[]) => void): Promise<'back' | 'eof'> {
  const free = lab.openExplore();
  say(['  A free debugger session on the same dump; the lab\'s own context is left as it was. `back` returns.']);
  try {
    for (;;) {
      const line = await reader.next(`explore ${free.prompt()}`);
      if (line === undefined) return 'eof';
      if (/^\s*back\s*$/i.test(line)) { say(['  Back in the lab.']); return 'back'; }
      if (!line.trim()) continue;
      say(await runLineText(free, line));
    }
  } finally {
    free.dump.close();
  }
}

/** Runs the lab from step `startAt` to the end; resolves to the number of steps completed. */
export async function runInteractive(lab: LabSession, io: LabIo, opts: LabRunOptions | number = {}): Promise<number> {
  const o: LabRunOptions = typeof opts === 'number' ? { startAt: opts } : opts;
  const startAt = o.startAt ?? 1;
  const now = o.now ?? Date.now;
  const say = (lines: string[]) => { if (lines.length) io.output.write(`${lines.join('\n')}\n`); };
  const registry = commandRegistry();
  await lab.replayTo(startAt);
  const reader = lineReader(io);
  say(INTRO);
  let completed = 0;
  const stopped = (n: number) => { say(['', `Stopped at step ${n}; \`kdsim lab --step ${n}\` starts here again.`]); return completed; };
  try {
    for (const step of lab.steps.filter((s) => s.n >= startAt)) {
      say(stepHeader(step, lab.lastStep));
      const began = now();
      let misses = 0;
      let hints = 0;
      let skipped = false;
      let ran = false;
      for (let cmdMisses = 0; !ran;) {
        const typed = await reader.next(lab.prompt());
        if (typed === undefined || /^\s*(quit|exit)\s*$/i.test(typed)) return stopped(step.n);
        const word = typed.trim().toLowerCase();
        if (!word) continue;
        if (word === 'hint') { hints++; say([`  ${step.hint}`]); continue; }
        if (word === 'explore') { if (await explore(lab, reader, say) === 'eof') return stopped(step.n); continue; }
        if (word === 'skip') { skipped = true; say([`${lab.prompt()}${step.command}`]); }
        else if (matchCommand(typed, [step.command, ...(step.accept ?? [])], registry).kind !== 'same') {
          misses++;
          say(wrongCommandReply(step, typed, ++cmdMisses));
          continue;
        }
        const outcome = await lab.run(step);
        say([...outcome.lines, ...afterStep(outcome)]);
        ran = true;
      }
      for (const q of step.questions ?? []) {
        say(['', `  Question: ${q.ask}`]);
        for (let qMisses = 0; ;) {
          const typed = await reader.next('  answer> ');
          if (typed === undefined || /^\s*(quit|exit)\s*$/i.test(typed)) return stopped(step.n);
          const word = typed.trim().toLowerCase();
          if (!word) continue;
          if (word === 'hint') { hints++; say([`  ${q.hint}`]); continue; }
          if (word === 'explore') { if (await explore(lab, reader, say) === 'eof') return stopped(step.n); say([`  Question: ${q.ask}`]); continue; }
          if (word === 'skip') { skipped = true; say([`  The answer: ${showAnswer(q)}. ${q.says}.`]); break; }
          if (isRightAnswer(q, typed)) { say([`  Right: ${q.says}.`]); break; }
          misses++;
          say(wrongAnswerReply(q, ++qMisses));
        }
      }
      o.progress?.record(step, { done: true, skipped, misses, hints, seconds: Math.round((now() - began) / 1000) });
      completed++;
    }
    say(['', 'Lab complete: you rebuilt the stack by hand and !stackusage agreed. Try `!analyze -v` for kdsim\'s full verdict.']);
    return completed;
  } finally {
    reader.close();
  }
}
