/**
 * `kdsim lab [dump] [--step N] [--check]`: walkthrough Part 1 as a hands-on lab over the got-stack dump.
 * At a terminal it waits for each step's command (interactive.ts); with --check, or when stdin is not a
 * terminal, it runs every step (or only step N) and reports which steps print the lines the blog shows:
 * exit 0 when all do, 1 when some do not, 2 on a usage error.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Argv } from 'yargs';
import { KdsimError } from '../common/errors';

export interface LabArgs { dump?: string; step?: number; check?: boolean; symbols?: string[] }

const FIXTURE = path.join('fixtures', 'dumps', 'got-stack.dmp');

export function configure(y: Argv): Argv {
  return y
    .positional('dump', { type: 'string', describe: `the got-stack dump (default: ${FIXTURE} of the kdsim checkout)` })
    .option('step', { type: 'number', describe: 'start at this step (with --check: check only this step)' })
    .option('check', { type: 'boolean', default: false, describe: 'run every step and check its output, no prompts' })
    .option('symbols', { type: 'string', array: true, describe: 'directory of ISF symbol files (searched before the shipped ones)' });
}

const usage = (message: string): never => { throw new KdsimError('E_USAGE', `kdsim: ${message}`, 2); };

/** The fixture from the current directory or from the kdsim checkout this CLI runs from (src/, dist/ or dist/cli/). */
export function defaultDump(): string | undefined {
  const roots = [process.cwd(), ...[1, 2, 3].map((up) => path.resolve(__dirname, ...Array(up).fill('..')))];
  return roots.map((r) => path.join(r, FIXTURE)).find((p) => fs.existsSync(p));
}

export async function run(args: LabArgs): Promise<number> {
  const { LAB_STEPS, LabSession, checkLab, renderCheck } = require('./lab/labSession') as typeof import('./lab/labSession');
  const numbers = LAB_STEPS.map((s) => s.n);
  if (args.step !== undefined && !numbers.includes(args.step)) {
    usage(`bad --step '${args.step}': the lab has steps ${numbers[0]} to ${numbers[numbers.length - 1]}`);
  }
  const dump = args.dump ?? defaultDump()
    ?? usage(`lab needs the got-stack dump: kdsim simulate --scenario got-stack -o got-stack.dmp, then kdsim lab got-stack.dmp`);
  const lab = LabSession.open(dump, args.symbols ?? []);
  try {
    if (args.check || !process.stdin.isTTY) {
      const outcomes = await checkLab(lab, args.step);
      process.stdout.write(`${renderCheck(outcomes).join('\n')}\n`);
      return outcomes.every((o) => !o.problem) ? 0 : 1;
    }
    const { runInteractive } = require('./lab/interactive') as typeof import('./lab/interactive');
    await runInteractive(lab, { input: process.stdin, output: process.stdout, terminal: true }, args.step ?? 1);
    return 0;
  } finally {
    lab.close();
  }
}
