/**
 * The lab at a terminal: for each step, its goal and the command to type; the learner types it at the
 * debugger prompt (any spelling WinDbg reads the same way), the lab runs it in the real session, shows the
 * output and points at the values to notice. A wrong command is not run (it could change the context the
 * next steps rely on); the learner gets a hint instead. `hint`, `skip` and `quit` do what they say.
 */
import * as readline from 'readline';
import { commandRegistry } from '../../analyzer';
import { LAB_STEPS, type LabSession, type StepOutcome } from './labSession';
import type { LabStep } from './labStep';
import { matchCommand } from './matcher';

export interface LabIo { input: NodeJS.ReadableStream; output: NodeJS.WritableStream; terminal?: boolean }

const INTRO = [
  'kdsim lab: "Got Stack? No. We ran out of Kernel Mode Stack and kv won\'t tell me why!" (NTDebugging blog, Part 1)',
  'Type each step\'s command at the prompt. Also: hint, skip (the lab types it for you), quit.',
];

/** Lines of one step's header: number, goal, command. */
export function stepHeader(step: LabStep): string[] {
  return ['', `Step ${step.n} of ${LAB_STEPS[LAB_STEPS.length - 1].n}`, `  ${step.goal}`, `  Type: ${step.command}`];
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
      if (queue.length) return Promise.resolve(queue.shift());
      if (closed) return Promise.resolve(undefined);
      return new Promise((resolve) => waiting.push(resolve));
    },
    close: () => rl.close(),
  };
}

/** Runs the lab from step `startAt` to the end; resolves to the number of steps completed. */
export async function runInteractive(lab: LabSession, io: LabIo, startAt = 1): Promise<number> {
  const say = (lines: string[]) => { if (lines.length) io.output.write(`${lines.join('\n')}\n`); };
  const registry = commandRegistry();
  await lab.replayTo(startAt);
  const reader = lineReader(io);
  say(INTRO);
  let completed = 0;
  try {
    for (const step of LAB_STEPS.filter((s) => s.n >= startAt)) {
      say(stepHeader(step));
      for (let misses = 0; ;) {
        const typed = await reader.next(lab.prompt());
        if (typed === undefined || /^\s*(quit|exit)\s*$/i.test(typed)) {
          say(['', `Stopped at step ${step.n}; \`kdsim lab --step ${step.n}\` starts here again.`]);
          return completed;
        }
        const word = typed.trim().toLowerCase();
        if (!word) continue;
        if (word === 'hint') { say([`  ${step.hint}`]); continue; }
        if (word === 'skip') say([`${lab.prompt()}${step.command}`]);
        else if (matchCommand(typed, [step.command, ...(step.accept ?? [])], registry).kind !== 'same') {
          say(wrongCommandReply(step, typed, ++misses));
          continue;
        }
        const outcome = await lab.run(step);
        say([...outcome.lines, ...afterStep(outcome)]);
        completed++;
        break;
      }
    }
    say(['', 'Lab complete. Part 2 of the blog rebuilds the stack by hand; !stackusage above is that result.',
      'Try `kf = <ebp> <esp> <eip>` with its last line in `kdsim analyze`, or `!analyze -v` for kdsim\'s full verdict.']);
    return completed;
  } finally {
    reader.close();
  }
}
