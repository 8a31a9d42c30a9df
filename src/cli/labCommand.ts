/**
 * `kdsim lab [dump] [--seed N | --scenario NAME] [--step N] [--check] [--progress FILE]`: the walkthrough (Part 1,
 * then Part 2 by hand) as a hands-on lab over a stack-overflow dump, every checked value read from that dump.
 * At a terminal, or with piped lines (read the same way), it waits for each step's command and answers
 * (interactive.ts); with --check it runs every step (or only step N) and reports which print what they should.
 * `kdsim lab class` writes a class's dumps and answer key, `kdsim lab report` tabulates progress files (lab/class.ts).
 * Exit: 0 all steps done (--check: as expected), 1 stopped early or a step off, 2 usage error.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Argv } from 'yargs';
import { KdsimError } from '../common/errors';
import { SYMPATH_DESCRIBE, symbolPathDirs } from './symbolPathArg';

export interface LabArgs {
  dump?: string; step?: number; check?: boolean; symbols?: string[]; y?: string;
  seed?: string; scenario?: string; ram?: string; progress?: string; student?: string;
}

const FIXTURE = path.join('fixtures', 'dumps', 'got-stack.dmp');

/** `setExit` receives the exit code of the `class` and `report` subcommands (their handlers replace lab's own). */
export function configure(y: Argv, setExit: (code: number) => void = () => undefined): Argv {
  return y
    .command('class', 'write one dump per student and the trainer\'s answer key',
      (c) => require('./lab/classCommand').configureClass(c),
      async (args) => { setExit(await require('./lab/classCommand').runClass(args)); })
    .command('report <files..>', 'a class table from students\' progress files (--json, --csv)',
      (c) => require('./lab/classCommand').configureReport(c),
      async (args) => { setExit(await require('./lab/classCommand').runReport(args)); })
    .positional('dump', { type: 'string', describe: `the overflow dump (default: ${FIXTURE} of the kdsim checkout)` })
    .option('seed', { type: 'string', describe: 'simulate a dump with this seed for the lab (values differ per seed)' })
    .option('scenario', { type: 'string', describe: 'the overflow scenario to simulate (default got-stack; see kdsim simulate --list)' })
    .option('ram', { type: 'string', describe: 'with --seed/--scenario: physical memory size of the simulated machine, e.g. 16M' })
    .option('step', { type: 'number', describe: 'start at this step (with --check: check only this step)' })
    .option('check', { type: 'boolean', default: false, describe: 'run every step and check its output, no prompts' })
    .option('progress', { type: 'string', describe: 'keep the student\'s progress in this JSON file (continued when it exists)' })
    .option('student', { type: 'string', describe: 'the student\'s name in the progress file (default: the file name)' })
    .option('symbols', { type: 'string', array: true, describe: 'directory of ISF symbol files (searched before the shipped ones)' })
    .option('y', { alias: 'sympath', type: 'string', describe: SYMPATH_DESCRIBE });
}

const usage = (message: string): never => { throw new KdsimError('E_USAGE', `kdsim: ${message}`, 2); };

/** The fixture from the current directory or from the kdsim checkout this CLI runs from (src/, dist/ or dist/cli/). */
export function defaultDump(): string | undefined {
  const roots = [process.cwd(), ...[1, 2, 3].map((up) => path.resolve(__dirname, ...Array(up).fill('..')))];
  return roots.map((r) => path.join(r, FIXTURE)).find((p) => fs.existsSync(p));
}

/** With --seed or --scenario: a dump simulated into a temp folder the lab removes when it ends. */
async function simulatedDump(args: LabArgs): Promise<{ dump: string; cleanup: () => void }> {
  const { parseSeed, parseSize } = require('./simulateCommand') as typeof import('./simulateCommand');
  const { simulate } = require('../simulator/simulate') as typeof import('../simulator/simulate');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kdsim-lab-'));
  const cleanup = () => fs.rmSync(dir, { recursive: true, force: true });
  try {
    const dump = path.join(dir, `${args.scenario ?? 'got-stack'}.dmp`);
    await simulate({
      scenario: args.scenario ?? 'got-stack', output: dump,
      seed: args.seed === undefined ? undefined : parseSeed(args.seed),
      ramBytes: args.ram === undefined ? undefined : parseSize(args.ram),
    });
    return { dump, cleanup };
  } catch (e) {
    cleanup();
    throw e;
  }
}

export async function run(args: LabArgs): Promise<number> {
  if (args.dump !== undefined && (args.seed !== undefined || args.scenario !== undefined)) {
    usage('lab takes a dump or --seed/--scenario (which simulate one), not both');
  }
  const sim = args.seed !== undefined || args.scenario !== undefined ? await simulatedDump(args) : undefined;
  try {
    const dump = sim?.dump ?? args.dump ?? defaultDump()
      ?? usage('lab needs an overflow dump: kdsim lab --seed N simulates one, or kdsim simulate --scenario got-stack -o got-stack.dmp, then kdsim lab got-stack.dmp');
    return await runOn(dump, args);
  } finally {
    sim?.cleanup();
  }
}

async function runOn(dump: string, args: LabArgs): Promise<number> {
  const { LabSession, checkLab, renderCheck } = require('./lab/labSession') as typeof import('./lab/labSession');
  const lab = await LabSession.open(dump, args.symbols ?? [], symbolPathDirs(args.y)).catch((e: Error) => {
    throw e instanceof KdsimError ? e : new KdsimError('E_USAGE', `kdsim: ${dump}: ${e.message.replace(/^lab: /, '')}`, 1);
  });
  try {
    const numbers = lab.steps.map((s) => s.n);
    if (args.step !== undefined && !numbers.includes(args.step)) {
      usage(`bad --step '${args.step}': the lab has steps ${numbers[0]} to ${numbers[numbers.length - 1]}`);
    }
    if (args.check) {
      const outcomes = await checkLab(lab, args.step);
      process.stdout.write(`${renderCheck(outcomes).join('\n')}\n`);
      return outcomes.every((o) => !o.problem) ? 0 : 1;
    }
    const { runInteractive } = require('./lab/interactive') as typeof import('./lab/interactive');
    const { ProgressFile } = require('./lab/progress') as typeof import('./lab/progress');
    const progress = args.progress === undefined ? undefined : ProgressFile.open(args.progress, dump, args.student, lab.steps.length);
    const terminal = Boolean(process.stdin.isTTY);
    const startAt = args.step ?? 1;
    const done = await runInteractive(lab, { input: process.stdin, output: process.stdout, terminal }, { startAt, progress });
    await progress?.flush();
    // Piped lines are a script: it passes only when it took the lab to the end.
    return terminal || done === lab.steps.filter((s) => s.n >= startAt).length ? 0 : 1;
  } finally {
    lab.close();
  }
}
