/**
 * `kdsim lab class --students N --seed-base S -o DIR [--scenario NAME] [--ram 16M] [--force]`: one simulated dump
 * per student (seeds S, S+1, …) and `answer-key.md` for the trainer; nothing existing is replaced without
 * --force, and every target is checked before the first dump is written.
 * `kdsim lab report <progress files..> [--json | --csv]`: the class table (classReport.ts).
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Argv } from 'yargs';
import { KdsimError } from '../../common/errors';
import { checkOutputTarget, commitAll } from '../../common/outputFiles';
import { disagreements, renderKey, type KeyEntry } from './answerKey';
import { renderCsv, renderReport, reportRow } from './classReport';
import { readFacts } from './labFacts';
import { readProgress } from './progress';

const usage = (message: string): never => { throw new KdsimError('E_USAGE', `kdsim: ${message}`, 2); };

export function configureClass(y: Argv): Argv {
  return y
    .option('students', { type: 'number', demandOption: true, describe: 'how many students (one dump each)' })
    .option('seed-base', { type: 'string', default: '1000', describe: 'the first student\'s seed; the next get +1, +2, …' })
    .option('output', { alias: 'o', type: 'string', demandOption: true, describe: 'the class folder (made when missing)' })
    .option('scenario', { type: 'string', default: 'got-stack', describe: 'the overflow scenario (kdsim simulate --list)' })
    .option('ram', { type: 'string', describe: 'physical memory of each machine, e.g. 16M (smaller dumps)' })
    .option('force', { type: 'boolean', default: false, describe: 'replace dumps and key that exist' });
}

export function configureReport(y: Argv): Argv {
  return y
    .positional('files', { type: 'string', array: true, describe: 'progress files (kdsim lab --progress FILE)' })
    .option('json', { type: 'boolean', describe: 'the rows as JSON' })
    .option('csv', { type: 'boolean', describe: 'the rows as CSV' })
    .conflicts('json', 'csv');
}

/** The student's name and dump file for index i (0-based) of n: student-01 … student-30. */
export function studentName(i: number, n: number): string {
  return `student-${String(i + 1).padStart(Math.max(2, String(n).length), '0')}`;
}

export interface ClassOptions { students: number; seedBase: number; dir: string; scenario: string; ramBytes?: number; force: boolean }

/** Writes the class; answers the key's entries (the CLI prints a summary, tests compare them with the truth). */
export async function writeClass(o: ClassOptions): Promise<KeyEntry[]> {
  const { simulate } = require('../../simulator/simulate') as typeof import('../../simulator/simulate');
  if (!Number.isInteger(o.students) || o.students < 1 || o.students > 1000) usage(`bad --students '${o.students}': expected 1..1000`);
  fs.mkdirSync(o.dir, { recursive: true });
  const names = Array.from({ length: o.students }, (_, i) => studentName(i, o.students));
  const keyTarget = checkOutputTarget(path.join(o.dir, 'answer-key.md'), o.force, '-o');
  for (const n of names) checkOutputTarget(path.join(o.dir, `${n}.dmp`), o.force, '-o');
  const entries: KeyEntry[] = [];
  for (const [i, student] of names.entries()) {
    const dump = path.join(o.dir, `${student}.dmp`);
    const seed = (o.seedBase + i) >>> 0;
    const r = await simulate({ scenario: o.scenario, output: dump, seed, ramBytes: o.ramBytes, force: o.force });
    const t = r.truth as { culprit?: { module?: string }; modules?: { module: string; bytes: number }[] };
    entries.push({ student, dump: path.basename(dump), seed, facts: await readFacts(dump), truth: { culprit: t.culprit?.module, modules: t.modules ?? [] } });
  }
  const text = renderKey(entries, o.scenario);
  await commitAll([{ target: keyTarget, write: (tmp) => fs.promises.writeFile(tmp, text, { flag: 'wx' }) }]);
  return entries;
}

export async function runClass(args: Record<string, unknown>): Promise<number> {
  const { parseSeed, parseSize } = require('../simulateCommand') as typeof import('../simulateCommand');
  const dir = String(args.output);
  const entries = await writeClass({
    students: Number(args.students), seedBase: parseSeed(String(args['seed-base'])), dir,
    scenario: String(args.scenario), ramBytes: args.ram === undefined ? undefined : parseSize(String(args.ram)), force: Boolean(args.force),
  });
  const off = entries.filter((e) => disagreements(e).length);
  process.stdout.write(`${entries.length} student dumps and answer-key.md in ${dir}`
    + `${off.length ? `; the analysis differs from the truth for ${off.map((e) => e.student).join(', ')} (see the key)` : ''}\n`
    + `Each student runs: kdsim lab ${path.join(dir, `${studentName(0, entries.length)}.dmp`)} --progress ${studentName(0, entries.length)}.progress.json\n`);
  return 0;
}

export async function runReport(args: Record<string, unknown>): Promise<number> {
  const files = (args.files as string[] | undefined) ?? usage('lab report needs progress files');
  const rows = files.map((f) => reportRow(readProgress(f)));
  if (args.json) process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
  else if (args.csv) process.stdout.write(renderCsv(rows));
  else process.stdout.write(renderReport(rows));
  return 0;
}
