/**
 * One triage row per dump: the `!analyze` model (the reconstructed form, not its text) cut down to what a
 * reader compares across many dumps: bugcheck, overflow verdict, culprit and how much of the kernel stack its
 * frames used, the thread and its process image. A dump that cannot be opened or analysed is a row with its
 * one-line error, so one bad file never stops the others.
 */
import { isKdsimError } from '../../common/errors';
import type { AnalyzeModel } from '../../analyzer';

/**
 * What a support lead sorts a queue by: 'kernel stack overflow' and 'double fault, not an overflow' from the
 * overflow test on a 0x7F/8; 'unknown' when that test could not run (the interrupted task or its thread's
 * stack unreadable); `trap 0xd` and the like for 0x7F with any other Arg1; any other bugcheck by its name
 * (`IRQL_NOT_LESS_OR_EQUAL`).
 */
export type Verdict = string;

/** The verdict from the !analyze model's bugcheck (0x7F's Arg1) and its overflow test. */
export function verdictOf(m: Pick<AnalyzeModel, 'bugcheck' | 'overflow'>): Verdict {
  if (DOUBLE_FAULT(m)) return m.overflow ? (m.overflow.overflow ? 'kernel stack overflow' : 'double fault, not an overflow') : 'unknown';
  if (m.bugcheck.code === 0x7f) return `trap 0x${(m.bugcheck.args[0] >>> 0).toString(16)}`;
  // `IRQL_NOT_LESS_OR_EQUAL (a)` -> its name; a code WinDbg has no name for keeps its hex.
  const name = /^([A-Z0-9_]+) \(/.exec(m.bugcheck.title)?.[1];
  return name ?? `bugcheck 0x${(m.bugcheck.code >>> 0).toString(16)}`;
}

const DOUBLE_FAULT = (m: Pick<AnalyzeModel, 'bugcheck'>) => m.bugcheck.code === 0x7f && m.bugcheck.args[0] === 8;

export interface TriageCulprit {
  /** WinDbg module name ('StackHog') and image ('StackHog.sys'). */
  module: string;
  imageName: string;
  /** The blamed frame, in `!analyze`'s spelling (`StackHog!ShBuildRequestPath+2c`). */
  symbol: string;
  /** Bytes of the kernel stack the module's frames used, and their share of the whole stack (base − limit). */
  stackBytes?: number;
  percent?: number;
  /** How sure the blame is, and why (issue 10); `tieWith` names the other module of a near-tie. */
  confidence?: { level: string; reasons: string[] };
  tieWith?: string;
}

export interface TriageRow {
  file: string;
  /** Set when the dump could not be opened or analysed; nothing else but `file` is then set. */
  error?: { code: string; message: string };
  bugcheck?: { code: number; args: [number, number, number, number] };
  verdict?: Verdict;
  /** The overflow test's own sentence (ESP/CR2 against the guard page), when it ran. */
  verdictReason?: string;
  /** `!analyze`'s FAILURE_BUCKET_ID, when it names one. */
  bucket?: string;
  culprit?: TriageCulprit;
  /** Size of the thread's kernel stack (base − limit), when the reconstruction ran. */
  stackSize?: number;
  thread?: number;
  process?: number;
  processImage?: string;
}

/** The row of an analysed dump. */
export function rowFromAnalysis(file: string, m: AnalyzeModel): TriageRow {
  const row: TriageRow = {
    file,
    bugcheck: { code: m.bugcheck.code, args: m.bugcheck.args },
    verdict: verdictOf(m),
  };
  if (m.failureBucketId) row.bucket = m.failureBucketId;
  if (m.overflow) row.verdictReason = m.overflow.reason;
  else if (DOUBLE_FAULT(m)) row.verdictReason = 'double fault, but the interrupted task or its thread\'s stack could not be read';
  if (m.blame) {
    const use = m.stackUse?.modules.find((x) => x.module === m.blame!.module);
    row.culprit = { module: m.blame.module, imageName: m.blame.imageName, symbol: m.blame.symbol };
    if (use) Object.assign(row.culprit, { stackBytes: use.bytes, percent: use.percent });
    if (m.confidence) row.culprit.confidence = m.confidence;
    if (m.tieWith) row.culprit.tieWith = m.tieWith;
  }
  if (m.stackUse) row.stackSize = m.stackUse.stackBytes;
  if (m.thread) {
    row.thread = m.thread.thread;
    if (m.thread.process !== undefined) row.process = m.thread.process;
    if (m.thread.processName) row.processImage = m.thread.processName;
  }
  return row;
}

/** The row of a dump that failed: a KdsimError's own line, anything else as kdsim's internal-error line. */
export function rowFromError(file: string, e: unknown): TriageRow {
  if (isKdsimError(e)) return { file, error: { code: e.code, message: e.message } };
  const msg = e instanceof Error ? e.message : String(e);
  return { file, error: { code: 'E_INTERNAL', message: `kdsim: internal error: ${msg} (please report this with the dump)` } };
}

export interface TriageOptions { symbolPaths?: string[]; /** `-y`: replaces the shipped store (SessionOptions.symbolPath). */ symbolPath?: string[] }

/**
 * Opens one dump, builds its analysis and closes it again: at most one session (and its page cache) per
 * call, so memory stays bounded however many dumps are triaged. `label` is the file as the row shows it.
 */
export async function triageDump(path: string, label: string, opts: TriageOptions = {}): Promise<TriageRow> {
  // Required here, not at import: the worker and `--help` pay for the analyzer only when a dump is opened.
  const { openDump, analysis } = require('../../analyzer') as typeof import('../../analyzer');
  let session;
  try {
    session = openDump(path, { symbolPaths: opts.symbolPaths ?? [], ...(opts.symbolPath ? { symbolPath: opts.symbolPath } : {}) });
  } catch (e) {
    return rowFromError(label, e);
  }
  try {
    return rowFromAnalysis(label, await analysis(session, 'reconstructed'));
  } catch (e) {
    return rowFromError(label, e);
  } finally {
    session.dump.close();
  }
}
