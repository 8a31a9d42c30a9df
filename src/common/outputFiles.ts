/**
 * Files are sacred: how kdsim writes what the user names (`simulate -o`, `--truth`). Only regular files are
 * written (a device, FIFO or socket is refused, even with --force); a symbolic link is written through (its
 * target, which must be a regular file or not exist yet, is replaced; the link stays); every file is written
 * to a temp file beside its target and renamed into place only when all of them were written; errors name
 * the user's path and the cause in words, never the temp file or an errno code. docs/simulator.md says the same.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as util from 'util';
import { KdsimError } from './errors';

/** Temp files are `.kdsim-tmp-<pid>-<random>-<name>`: a pattern no user file is likely to have. */
const TMP_PREFIX = '.kdsim-tmp-';
const TMP_NAME = /^\.kdsim-tmp-(\d+)-[0-9a-z]+-/;
/** A temp file of a live process is left alone unless it is older than this (the pid was reused). */
const STALE_AFTER_MS = 24 * 3600 * 1000;

const fileError = (shown: string, cause: string): KdsimError => new KdsimError('E_FILE', `kdsim: cannot write ${shown}: ${cause}`, 1);

/** The cause of a failed system call in words ("no space left on device"), without the code or the path. */
export function causeInWords(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  if (typeof err?.errno === 'number') {
    const entry = util.getSystemErrorMap?.().get(err.errno);
    if (entry) return entry[1];
  }
  const words: Record<string, string> = {
    ENOSPC: 'no space left on device', EACCES: 'permission denied', EPERM: 'operation not permitted',
    EROFS: 'read-only file system', EISDIR: 'is a directory', ENOENT: 'no such file or directory',
    EDQUOT: 'disk quota exceeded', EFBIG: 'file too large', EIO: 'input/output error',
  };
  return (err?.code && words[err.code]) || 'the system refused the write';
}

function describeType(st: fs.Stats): string | undefined {
  if (st.isFile()) return undefined;
  if (st.isDirectory()) return 'it is a directory';
  if (st.isFIFO()) return 'it is a FIFO, not a regular file';
  if (st.isSocket()) return 'it is a socket, not a regular file';
  if (st.isCharacterDevice()) return 'it is a character device, not a regular file';
  if (st.isBlockDevice()) return 'it is a block device, not a regular file';
  return 'it is not a regular file';
}

export interface OutputTarget {
  /** What the user typed (every message names this). */
  shown: string;
  /** The file that will be replaced: the absolute path, symbolic links resolved. */
  real: string;
}

/**
 * Checks one output path before anything is built or written: not empty, not `-`, a regular file or nothing
 * (through symbolic links), in an existing directory; an existing file needs `force`.
 */
export function checkOutputTarget(shown: string, force: boolean, option = '-o'): OutputTarget {
  if (shown === '') throw new KdsimError('E_USAGE', `kdsim: ${option} '': an empty file name`, 2);
  if (shown === '-') {
    throw new KdsimError('E_USAGE', `kdsim: ${option} -: kdsim does not write to standard output (a dump is written sparsely and renamed into place); name a file`, 2);
  }
  let real = path.resolve(shown);
  let st: fs.Stats | undefined;
  try {
    st = fs.lstatSync(real);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw fileError(shown, causeInWords(e));
  }
  if (st?.isSymbolicLink()) {
    try {
      real = fs.realpathSync(real);
      st = fs.statSync(real);
    } catch {
      // A dangling link: write through to where it points, if that directory exists.
      real = path.resolve(path.dirname(real), fs.readlinkSync(real));
      st = undefined;
    }
  }
  if (st) {
    const wrongType = describeType(st);
    if (wrongType) throw fileError(shown, `${wrongType}; kdsim writes only regular files`);
    if (!force) throw new KdsimError('E_EXISTS', `kdsim: ${shown} exists (use --force to overwrite)`, 1);
  }
  const dir = path.dirname(real);
  let dirSt: fs.Stats | undefined;
  try { dirSt = fs.statSync(dir); } catch { dirSt = undefined; }
  if (!dirSt?.isDirectory()) throw fileError(shown, `directory ${path.dirname(shown) || '.'} does not exist`);
  return { shown, real };
}

/** Refuses two outputs that are the same file (after resolving paths and links). */
export function checkDistinct(a: OutputTarget, b: OutputTarget, what: string): void {
  if (a.real === b.real) throw new KdsimError('E_USAGE', `kdsim: ${what}: ${b.shown} and ${a.shown} are the same file`, 2);
}

/** A temp path beside `target` (same file system, so the final rename is atomic). */
export function tempPathFor(target: OutputTarget): string {
  const rnd = Math.floor(Math.random() * 36 ** 6).toString(36);
  return path.join(path.dirname(target.real), `${TMP_PREFIX}${process.pid}-${rnd}-${path.basename(target.real)}`);
}

const alive = (pid: number): boolean => {
  try { process.kill(pid, 0); return true; } catch (e) { return (e as NodeJS.ErrnoException).code === 'EPERM'; }
};

/**
 * Removes kdsim's own temp files left in `dir` by a killed run: names matching `.kdsim-tmp-<pid>-…` whose
 * process is gone (or that are older than a day). Returns the names removed. Never fails.
 */
export function removeStaleTemps(dir: string, now = Date.now()): string[] {
  const removed: string[] = [];
  let names: string[];
  try { names = fs.readdirSync(dir); } catch { return removed; }
  for (const name of names) {
    const m = TMP_NAME.exec(name);
    if (!m) continue;
    const full = path.join(dir, name);
    try {
      const st = fs.lstatSync(full);
      if (!st.isFile()) continue;
      const pid = Number(m[1]);
      if (pid === process.pid || (alive(pid) && now - st.mtimeMs < STALE_AFTER_MS)) continue;
      fs.unlinkSync(full);
      removed.push(name);
    } catch { /* raced with another cleaner: fine */ }
  }
  return removed;
}

export interface PendingWrite {
  target: OutputTarget;
  /** Writes the whole content to `tmp` (created exclusively). */
  write(tmp: string): Promise<void>;
}

/**
 * Writes every file to its temp path; only when all succeeded are they renamed into place, in order. On any
 * failure every temp file is removed, no target is touched, and the error names the user's path.
 */
export async function commitAll(writes: PendingWrite[]): Promise<void> {
  const temps = writes.map((w) => tempPathFor(w.target));
  const cleanup = () => temps.forEach((t) => { try { fs.unlinkSync(t); } catch { /* not created */ } });
  for (let i = 0; i < writes.length; i++) {
    try {
      await writes[i].write(temps[i]);
    } catch (e) {
      cleanup();
      if (e instanceof KdsimError) throw e;
      throw fileError(writes[i].target.shown, causeInWords(e));
    }
  }
  for (let i = 0; i < writes.length; i++) {
    try {
      fs.renameSync(temps[i], writes[i].target.real);
    } catch (e) {
      cleanup();
      throw fileError(writes[i].target.shown, causeInWords(e));
    }
  }
}
