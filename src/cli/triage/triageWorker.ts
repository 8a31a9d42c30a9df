/**
 * A `--jobs` worker thread: triages the dumps the pool sends it, one at a time, and posts each row back.
 * Rows are plain data (numbers and strings), so they cross the thread boundary as they are.
 */
import { parentPort, workerData } from 'worker_threads';
import { triageDump } from './triageModel';

export interface WorkerJob { index: number; path: string; label: string }

const data = (workerData as { symbolPaths?: string[]; symbolPath?: string[] } | null) ?? {};
const symbolPaths = data.symbolPaths ?? [];
const symbolPath = data.symbolPath;

parentPort?.on('message', (job: WorkerJob) => {
  void triageDump(job.path, job.label, { symbolPaths, symbolPath }).then((row) => parentPort!.postMessage({ index: job.index, row }));
});
