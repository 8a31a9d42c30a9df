/**
 * `kdsim triage <dump|dir|glob>... [--json|--jsonl|--csv] [--jobs N]`: analyse many dumps and print one row each (bugcheck,
 * overflow verdict, culprit and its share of the kernel stack, thread, process), then the dumps grouped by
 * culprit. Dumps are opened one at a time per job, so memory stays bounded; each has a time budget (--timeout)
 * after which its row says `timed out` and the batch goes on. `--jsonl` streams one JSON line per dump as it
 * finishes. Exit 0 when every dump opened, 1 when some did not (their rows say why), 2 on a usage error, 70
 * when a row failed inside kdsim (an internal error).
 */
import type { Argv } from 'yargs';
import { KdsimError } from '../common/errors';
import type { TriageInput } from './triage/inputs';
import type { TriageRow } from './triage/triageModel';
import { EXIT_INTERNAL, TRIAGE_DUMP_BUDGET_MS } from '../common/limits';
import { symbolPathDirs, symbolPathOption } from './symbolPathArg';

export interface TriageArgs { dumps?: string[]; json?: boolean; jsonl?: boolean; csv?: boolean; jobs?: number; symbols?: string[]; y?: string; timeout?: number; html?: string; force?: boolean }

/** More jobs than this gains nothing on a dump-sized workload and only multiplies the page caches. */
export const MAX_JOBS = 16;

export function configure(y: Argv): Argv {
  return symbolPathOption(y)
    .positional('dumps', { type: 'string', array: true, describe: 'crash dumps, directories (their *.dmp files) or quoted globs' })
    .option('json', { type: 'boolean', default: false, describe: 'print the triage models as one JSON document at the end' })
    .option('jsonl', { type: 'boolean', default: false, describe: 'stream JSON lines: one row per dump as it finishes, then the culprit summary' })
    .option('csv', { type: 'boolean', default: false, describe: 'print one CSV row per dump (RFC 4180, with a header row)' })
    .option('timeout', { type: 'number', default: TRIAGE_DUMP_BUDGET_MS / 1000, describe: 'seconds of analysis per dump before its row says "timed out"' })
    .option('jobs', { type: 'number', default: 1, describe: `dumps analysed at once (1-${MAX_JOBS}; each job its own worker thread)` })
    .option('symbols', { type: 'string', array: true, describe: 'directory of ISF symbol files (searched before the shipped ones)' })
    .option('html', { type: 'string', nargs: 1, describe: 'also write the queue as one HTML page (- for stdout), each dump\'s report in it' })
    .option('force', { type: 'boolean', default: false, describe: 'overwrite an existing --html file' });
}

const usage = (message: string): never => { throw new KdsimError('E_USAGE', `kdsim: ${message}`, 2); };

export function parseJobs(value: unknown): number {
  const n = Number(value ?? 1);
  if (!Number.isInteger(n) || n < 1 || n > MAX_JOBS) usage(`bad --jobs '${String(value)}': expected an integer 1..${MAX_JOBS}`);
  return n;
}

/**
 * The queue page: each dump the triage opened is opened once more for its report model (one at a time, so
 * memory stays bounded); a dump the triage could not open keeps its triage error.
 */
async function writeQueuePage(out: string, inputs: TriageInput[], rows: TriageRow[], args: TriageArgs): Promise<void> {
  if (out === '') usage('--html needs a file name (or - for stdout)');
  const { loadReportModel } = require('./report/reportData') as typeof import('./report/reportData');
  const { renderTriageHtml } = require('./report/triageHtml') as typeof import('./report/triageHtml');
  const { writeOutput } = require('./report/writeOutput') as typeof import('./report/writeOutput');
  const { isKdsimError } = require('../common/errors') as typeof import('../common/errors');
  const { shortError } = require('./triage/render') as typeof import('./triage/render');
  const entries: import('./report/triageHtml').QueueEntry[] = [];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (row.error) { entries.push({ file: row.file, error: shortError(row) }); continue; }
    try {
      entries.push({ file: row.file, model: await loadReportModel(inputs[i].path, row.file, { symbolPaths: args.symbols ?? [], symbolPath: symbolPathDirs(args.y) }) });
    } catch (e) {
      entries.push({ file: row.file, error: isKdsimError(e) ? e.message : String(e) });
    }
  }
  writeOutput(out, renderTriageHtml(entries), { force: args.force });
}

export async function run(args: TriageArgs): Promise<number> {
  const jobs = parseJobs(args.jobs);
  const given = (args.dumps ?? []).filter((d) => d !== '');
  if (!given.length) usage('triage needs at least one dump, directory or glob');
  const { expandInputs } = require('./triage/inputs') as typeof import('./triage/inputs');
  const { triageAll } = require('./triage/pool') as typeof import('./triage/pool');
  const timeout = Number(args.timeout ?? TRIAGE_DUMP_BUDGET_MS / 1000);
  if (!(timeout > 0) || timeout > 86400) usage(`bad --timeout '${String(args.timeout)}': expected seconds, more than 0`);
  const render = require('./triage/render') as typeof import('./triage/render');
  if ([args.json, args.jsonl, args.csv].filter(Boolean).length > 1) usage('--json, --jsonl and --csv are different outputs: name one');
  const inputs = expandInputs(given);
  // The bar is for a person watching a terminal: machine-readable output and pipes get none.
  const { startProgress } = require('./triage/progress') as typeof import('./triage/progress');
  const progress = startProgress(inputs.length, process.stderr, !args.json && !args.jsonl && !args.csv && args.html !== '-');
  const stream = args.jsonl && args.html !== '-';
  const onRow = (_i: number, row: TriageRow) => {
    progress.tick(!!row.error);
    if (stream) process.stdout.write(`${JSON.stringify(render.triageJson([row]).dumps[0])}\n`);
  };
  let rows: TriageRow[];
  try {
    rows = await triageAll(inputs, { jobs, symbolPaths: args.symbols ?? [], symbolPath: symbolPathDirs(args.y), budgetMs: timeout * 1000, onRow });
  } finally {
    progress.stop();
  }
  if (args.html !== undefined) await writeQueuePage(args.html, inputs, rows, args);
  if (args.html === '-') return rows.some((r) => r.error) ? 1 : 0;
  if (args.jsonl) {
    const { byCulprit, byBucket } = render.triageJson(rows);
    process.stdout.write(`${JSON.stringify({ byCulprit, byBucket })}\n`);
  } else if (args.csv) {
    process.stdout.write(render.triageCsv(rows));
  } else {
    const text = args.json ? JSON.stringify(render.triageJson(rows), null, 2) : render.renderTriage(rows).join('\n');
    process.stdout.write(`${text}\n`);
  }
  // A row that failed inside kdsim (a bug, not a bad dump) makes the exit 70, as everywhere (docs/limits.md).
  if (rows.some((r) => r.error?.code === 'E_INTERNAL')) return EXIT_INTERNAL;
  return rows.some((r) => r.error) ? 1 : 0;
}
