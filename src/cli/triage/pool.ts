/**
 * Runs the triage of many dumps with at most `jobs` open at once. One job runs in this thread; more jobs run
 * on worker threads (the analysis is CPU work on synchronous reads, so only threads overlap it), each with
 * one dump open at a time. Rows come back in input order whatever order the jobs finish in.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Worker } from 'worker_threads';
import type { TriageInput } from './inputs';
import { rowFromError, triageDump, type TriageRow } from './triageModel';
import { KdsimError } from '../../common/errors';

export interface PoolOptions { jobs: number; symbolPaths?: string[] }

/** The compiled worker script: beside this file (dist/cli/triage), or under dist/ when running from the bundle. */
export function workerScript(): string | undefined {
  const candidates = [path.join(__dirname, 'triageWorker.js'), path.join(__dirname, 'cli', 'triage', 'triageWorker.js')];
  return candidates.find((p) => fs.existsSync(p));
}

export async function triageAll(inputs: TriageInput[], opts: PoolOptions): Promise<TriageRow[]> {
  const rows: TriageRow[] = new Array(inputs.length);
  const pending: number[] = [];
  inputs.forEach((input, i) => {
    if (input.problem) rows[i] = rowFromError(input.label, new KdsimError('E_FILE', input.problem, 3));
    else pending.push(i);
  });
  const jobs = Math.min(opts.jobs, pending.length);
  const script = jobs > 1 ? workerScript() : undefined;
  if (!script) {
    // One dump at a time in this thread (also the fallback when no compiled worker exists, as under ts-jest).
    for (const i of pending) rows[i] = await triageDump(inputs[i].path, inputs[i].label, opts);
    return rows;
  }
  const { Worker: WorkerClass } = require('worker_threads') as typeof import('worker_threads');
  const spawn = () => new WorkerClass(script, { workerData: { symbolPaths: opts.symbolPaths ?? [] } });
  const queue = [...pending];
  const lane = async () => {
    let worker: Worker = spawn();
    try {
      for (let i = queue.shift(); i !== undefined; i = queue.shift()) {
        try {
          rows[i] = await runOn(worker, i, inputs[i]);
        } catch (e) {
          rows[i] = rowFromError(inputs[i].label, e);
          await worker.terminate();
          worker = spawn(); // a worker that died takes only its own dump with it
        }
      }
    } finally {
      await worker.terminate();
    }
  };
  await Promise.all(Array.from({ length: jobs }, lane));
  return rows;
}

function runOn(worker: Worker, index: number, input: TriageInput): Promise<TriageRow> {
  return new Promise((resolve, reject) => {
    const done = () => { worker.off('message', onMessage); worker.off('error', onError); worker.off('exit', onExit); };
    const onMessage = (m: { index: number; row: TriageRow }) => { if (m.index === index) { done(); resolve(m.row); } };
    const onError = (e: Error) => { done(); reject(e); };
    const onExit = (code: number) => { done(); reject(new Error(`triage worker exited with code ${code}`)); };
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
    worker.postMessage({ index, path: input.path, label: input.label });
  });
}
