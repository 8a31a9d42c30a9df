/**
 * Runs the triage of many dumps with at most `jobs` open at once, each on a worker thread (the analysis is CPU
 * work on synchronous reads, so only threads overlap it) with one dump open at a time. Each dump has a time
 * budget: a worker still busy after it is terminated, the dump's row says `timed out`, and the batch goes on
 * with a fresh worker. `onRow` hears each row as its dump finishes; the result keeps input order. Without a
 * compiled worker (ts-jest) the dumps run in this thread, one at a time, without a budget.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Worker } from 'worker_threads';
import type { TriageInput } from './inputs';
import { rowFromError, triageDump, type TriageRow } from './triageModel';
import { KdsimError } from '../../common/errors';
import { TRIAGE_DUMP_BUDGET_MS } from '../../common/limits';

export interface PoolOptions {
  jobs: number;
  symbolPaths?: string[];
  /** `-y`: replaces the shipped store; passed on to every worker. */
  symbolPath?: string[];
  /** Per-dump budget in ms (default TRIAGE_DUMP_BUDGET_MS). */
  budgetMs?: number;
  /** Called as each dump finishes (completion order), with its input index. */
  onRow?(index: number, row: TriageRow): void;
}

class DumpTimeout extends Error {}

/** The compiled worker script: beside this file (dist/cli/triage), or under dist/ when running from the bundle. */
export function workerScript(): string | undefined {
  const candidates = [path.join(__dirname, 'triageWorker.js'), path.join(__dirname, 'cli', 'triage', 'triageWorker.js')];
  return candidates.find((p) => fs.existsSync(p));
}

export async function triageAll(inputs: TriageInput[], opts: PoolOptions): Promise<TriageRow[]> {
  const rows: TriageRow[] = new Array(inputs.length);
  const done = (i: number, row: TriageRow) => { rows[i] = row; opts.onRow?.(i, row); };
  const pending: number[] = [];
  inputs.forEach((input, i) => {
    if (input.problem) done(i, rowFromError(input.label, new KdsimError('E_FILE', input.problem, 3)));
    else pending.push(i);
  });
  const jobs = Math.min(opts.jobs, pending.length);
  const script = jobs >= 1 ? workerScript() : undefined;
  const budgetMs = opts.budgetMs ?? TRIAGE_DUMP_BUDGET_MS;
  if (!script) {
    // One dump at a time in this thread (the fallback when no compiled worker exists, as under ts-jest).
    for (const i of pending) done(i, await triageDump(inputs[i].path, inputs[i].label, opts));
    return rows;
  }
  const { Worker: WorkerClass } = require('worker_threads') as typeof import('worker_threads');
  const spawn = () => new WorkerClass(script, { workerData: { symbolPaths: opts.symbolPaths ?? [], symbolPath: opts.symbolPath } });
  const queue = [...pending];
  const lane = async () => {
    let worker: Worker = spawn();
    try {
      for (let i = queue.shift(); i !== undefined; i = queue.shift()) {
        try {
          done(i, await runOn(worker, i, inputs[i], budgetMs));
        } catch (e) {
          const timedOut = e instanceof DumpTimeout;
          done(i, rowFromError(inputs[i].label, timedOut
            ? new KdsimError('E_TIMEOUT', `kdsim: ${inputs[i].label}: timed out after ${budgetMs / 1000} s (the per-dump budget; --timeout)`, 1)
            : e));
          await worker.terminate();
          worker = spawn(); // a worker that died or ran over takes only its own dump with it
        }
      }
    } finally {
      await worker.terminate();
    }
  };
  await Promise.all(Array.from({ length: jobs }, lane));
  return rows;
}

function runOn(worker: Worker, index: number, input: TriageInput, budgetMs: number): Promise<TriageRow> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { done(); reject(new DumpTimeout()); }, budgetMs);
    const done = () => { clearTimeout(timer); worker.off('message', onMessage); worker.off('error', onError); worker.off('exit', onExit); };
    const onMessage = (m: { index: number; row: TriageRow }) => { if (m.index === index) { done(); resolve(m.row); } };
    const onError = (e: Error) => { done(); reject(e); };
    const onExit = (code: number) => { done(); reject(new Error(`triage worker exited with code ${code}`)); };
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
    worker.postMessage({ index, path: input.path, label: input.label });
  });
}
