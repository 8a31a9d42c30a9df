/**
 * A student's progress through the lab, kept in a JSON file (`kdsim lab --progress FILE`): for each step,
 * whether it was done, skipped, the misses (wrong commands and wrong answers), the hints asked and the time
 * spent. The file is rewritten (temp file + rename) after every step, so a closed terminal loses nothing; an
 * existing file is continued only when it is a lab progress file for the same dump, never overwritten blind.
 */
import * as fs from 'fs';
import * as path from 'path';
import { KdsimError } from '../../common/errors';
import { checkOutputTarget, commitAll } from '../../common/outputFiles';

export const PROGRESS_FORMAT = 'kdsim-lab-progress/1';

export interface StepRecord {
  n: number;
  command: string;
  done: boolean;
  skipped: boolean;
  misses: number;
  hints: number;
  seconds: number;
}

export interface LabProgress {
  format: typeof PROGRESS_FORMAT;
  student: string;
  /** The dump's file name (not its directory: the class folder may move). */
  dump: string;
  /** How many steps the lab has for this dump (the report's "of N"). */
  totalSteps: number;
  steps: StepRecord[];
  started: string;
  updated: string;
}

/** What the interactive lab reports as the learner works; `ProgressFile` keeps it on disk. */
export interface ProgressSink {
  record(step: { n: number; command: string }, r: Omit<StepRecord, 'n' | 'command'>): void;
}

export function isProgress(x: unknown): x is LabProgress {
  const p = x as LabProgress;
  return p?.format === PROGRESS_FORMAT && typeof p.student === 'string' && Array.isArray(p.steps);
}

export function readProgress(file: string): LabProgress {
  let parsed: unknown;
  try { parsed = JSON.parse(fs.readFileSync(file, 'utf8')); } catch (e) {
    throw new KdsimError('E_USAGE', `kdsim: ${file}: not a lab progress file (${(e as Error).message.split('\n')[0]})`, 2);
  }
  if (!isProgress(parsed)) throw new KdsimError('E_USAGE', `kdsim: ${file}: not a lab progress file (no "${PROGRESS_FORMAT}" format)`, 2);
  return parsed;
}

export class ProgressFile implements ProgressSink {
  private writing: Promise<void> = Promise.resolve();

  private constructor(private readonly file: string, readonly progress: LabProgress) {}

  /** Opens `file`: continues it when it is this dump's progress, starts it when it does not exist, refuses otherwise. */
  static open(file: string, dump: string, student: string | undefined, totalSteps: number, now = new Date()): ProgressFile {
    const name = path.basename(dump);
    if (fs.existsSync(file)) {
      const p = readProgress(file);
      if (p.dump !== name) throw new KdsimError('E_EXISTS', `kdsim: ${file} is the progress of ${p.dump}, not of ${name} (name another file)`, 1);
      checkOutputTarget(file, true, '--progress');
      return new ProgressFile(file, p);
    }
    checkOutputTarget(file, false, '--progress');
    const stamp = now.toISOString();
    return new ProgressFile(file, { format: PROGRESS_FORMAT, student: student ?? path.basename(file).replace(/\.progress\.json$|\.json$/, ''), dump: name, totalSteps, steps: [], started: stamp, updated: stamp });
  }

  record(step: { n: number; command: string }, r: Omit<StepRecord, 'n' | 'command'>): void {
    const steps = this.progress.steps.filter((s) => s.n !== step.n);
    steps.push({ n: step.n, command: step.command, ...r });
    this.progress.steps = steps.sort((a, b) => a.n - b.n);
    this.progress.updated = new Date().toISOString();
    const text = `${JSON.stringify(this.progress, null, 2)}\n`;
    const target = checkOutputTarget(this.file, true, '--progress');
    this.writing = this.writing.then(() => commitAll([{ target, write: (tmp) => fs.promises.writeFile(tmp, text, { flag: 'wx' }) }]));
  }

  /** Waits for the last write (the lab calls it before it exits). */
  flush(): Promise<void> { return this.writing; }
}
