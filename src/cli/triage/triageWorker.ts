/**
 * A `--jobs` worker thread: triages the dumps the pool sends it, one at a time, and posts each row back.
 * Rows are plain data (numbers and strings), so they cross the thread boundary as they are.
 */
import { parentPort, workerData } from 'worker_threads';
import { triageDump } from './triageModel';

export interface WorkerJob { index: number; path: string; label: string }

const symbolPaths = (workerData as { symbolPaths?: string[] } | null)?.symbolPaths ?? [];

parentPort?.on('message', (job: WorkerJob) => {
  void triageDump(job.path, job.label, { symbolPaths }).then((row) => parentPort!.postMessage({ index: job.index, row }));
});
