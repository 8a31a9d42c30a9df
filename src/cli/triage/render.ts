/**
 * Triage output: one table row per dump (cli-table3, plain characters and no colours so that the text is
 * the same in a terminal, a pipe and a golden), then the dumps grouped by culprit. `triageJson` is the
 * `--json` form: addresses as 8 lowercase hex digits, byte counts and percentages as numbers.
 */
import Table from 'cli-table3';
import { hex8 } from '../../common/hex';
import { groupByBucket, groupByCulprit, type BucketGroup, type CulpritGroup } from './summary';
import type { TriageRow } from './triageModel';

const PLAIN = { head: [] as string[], border: [] as string[], compact: true };

/** `0x7F/8` for an unexpected-kernel-mode trap (code and trap number), `0xD1` for any other bugcheck. */
export function bugcheckLabel(code: number, arg1: number): string {
  const c = `0x${(code >>> 0).toString(16).toUpperCase()}`;
  return code === 0x7f ? `${c}/${(arg1 >>> 0).toString(16).toUpperCase()}` : c;
}

/** The error line without the `kdsim: <file>: ` the row already shows. */
export function shortError(row: TriageRow): string {
  const m = row.error?.message ?? '';
  const base = row.file.split(/[\\/]/).pop() ?? row.file;
  return m.replace(/^kdsim: /, '').replace(new RegExp(`^(${escape(row.file)}|${escape(base)}): `), '');
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const DASH = '-';

export const TRIAGE_HEAD = ['dump', 'bugcheck', 'verdict', 'culprit', 'stack bytes', '% of stack', 'thread', 'process'];

/** `StackHog.sys (high)`: the culprit with how sure the blame is, `A.sys (low, tie with B.sys)` on a near-tie. */
export function culpritLabel(c: NonNullable<TriageRow['culprit']>): string {
  const notes = [c.confidence?.level, c.tieWith ? `tie with ${c.tieWith}` : undefined].filter(Boolean);
  return notes.length ? `${c.imageName} (${notes.join(', ')})` : c.imageName;
}

/** The cells of one row (an error row is the file and its error across the other columns). */
export function rowCells(r: TriageRow): (string | { content: string; colSpan: number })[] {
  if (r.error) return [r.file, { content: `error: ${shortError(r)}`, colSpan: TRIAGE_HEAD.length - 1 }];
  const c = r.culprit;
  return [
    r.file,
    r.bugcheck ? bugcheckLabel(r.bugcheck.code, r.bugcheck.args[0]) : DASH,
    r.verdict ?? DASH,
    c ? culpritLabel(c) : DASH,
    c?.stackBytes !== undefined ? `0x${c.stackBytes.toString(16)}` : DASH,
    c?.percent !== undefined ? `${c.percent.toFixed(1)}%` : DASH,
    r.thread !== undefined ? hex8(r.thread) : DASH,
    r.processImage ?? DASH,
  ];
}

/**
 * Column widths come from the header and the analysed rows only: an error spans the other columns and wraps
 * inside them, instead of widening every column to the length of one message.
 */
export function renderTriageTable(rows: TriageRow[]): string {
  const cells = rows.map(rowCells);
  const colWidths = TRIAGE_HEAD.map((h, i) =>
    2 + Math.max(h.length, ...cells.map((c) => (c.length === TRIAGE_HEAD.length || i === 0 ? String(c[i]).length : 0))));
  const t = new Table({
    head: TRIAGE_HEAD, style: PLAIN, colWidths, wordWrap: true, wrapOnWordBoundary: true,
    colAligns: ['left', 'left', 'left', 'left', 'right', 'right', 'left', 'left'],
  });
  for (const c of cells) t.push(c);
  return t.toString();
}

export function renderCulpritSummary(groups: CulpritGroup[]): string {
  const t = new Table({ head: ['culprit', 'dumps', 'overflows'], style: PLAIN, colAligns: ['left', 'right', 'right'] });
  for (const g of groups) t.push([g.culprit, String(g.dumpCount), String(g.overflowCount)]);
  return t.toString();
}

export function renderBucketSummary(groups: BucketGroup[]): string {
  const t = new Table({ head: ['FAILURE_BUCKET_ID', 'dumps', 'culprits'], style: PLAIN, colAligns: ['left', 'right', 'left'] });
  for (const g of groups) t.push([g.bucket, String(g.dumpCount), g.culprits.join(', ') || DASH]);
  return t.toString();
}

/** The whole text report: the rows, the culprit and bucket summaries, and a count line. */
export function renderTriage(rows: TriageRow[]): string[] {
  const failed = rows.filter((r) => r.error).length;
  return [
    renderTriageTable(rows),
    '',
    'Dumps by culprit:',
    renderCulpritSummary(groupByCulprit(rows)),
    '',
    'Dumps by bucket:',
    renderBucketSummary(groupByBucket(rows)),
    `${rows.length} dump${rows.length === 1 ? '' : 's'}, ${rows.length - failed} analysed, ${failed} not opened`,
  ];
}

export function rowJson(r: TriageRow) {
  if (r.error) return { file: r.file, error: r.error };
  return {
    file: r.file,
    bugcheck: r.bugcheck
      ? { code: hex8(r.bugcheck.code), args: r.bugcheck.args.map(hex8), label: bugcheckLabel(r.bugcheck.code, r.bugcheck.args[0]) }
      : null,
    verdict: r.verdict ?? null,
    verdictReason: r.verdictReason ?? null,
    bucket: r.bucket ?? null,
    culprit: r.culprit
      ? { module: r.culprit.module, imageName: r.culprit.imageName, symbol: r.culprit.symbol,
        stackBytes: r.culprit.stackBytes ?? null, percent: r.culprit.percent ?? null,
        confidence: r.culprit.confidence?.level ?? null, confidenceReasons: r.culprit.confidence?.reasons ?? [],
        tieWith: r.culprit.tieWith ?? null }
      : null,
    stackSize: r.stackSize ?? null,
    thread: r.thread !== undefined ? hex8(r.thread) : null,
    process: r.process !== undefined ? hex8(r.process) : null,
    processImage: r.processImage ?? null,
  };
}

export function triageJson(rows: TriageRow[]) {
  return {
    dumps: rows.map(rowJson),
    byCulprit: groupByCulprit(rows).map((g) => ({ culprit: g.culprit, dumpCount: g.dumpCount, overflowCount: g.overflowCount, files: g.files })),
    byBucket: groupByBucket(rows).map((g) => ({ bucket: g.bucket, dumpCount: g.dumpCount, culprits: g.culprits, files: g.files })),
  };
}

/** One CSV field, RFC 4180: quoted when it holds a comma, a quote or a line break; quotes doubled. */
export function csvField(v: string | number | null | undefined): string {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const CSV_HEAD = ['file', 'bugcheck', 'verdict', 'bucket', 'culprit', 'confidence', 'symbol', 'stack_bytes', 'percent', 'thread', 'process', 'error'];

/** `--csv`: a header row, then one row per dump (an error row has only its file and error); CRLF line ends. */
export function triageCsv(rows: TriageRow[]): string {
  const lines: (string | number)[][] = [CSV_HEAD];
  for (const r of rows) {
    const c = r.culprit;
    lines.push(r.error
      ? [r.file, '', '', '', '', '', '', '', '', '', '', shortError(r)]
      : [r.file, r.bugcheck ? bugcheckLabel(r.bugcheck.code, r.bugcheck.args[0]) : '', r.verdict ?? '', r.bucket ?? '',
        c?.imageName ?? '', c?.confidence?.level ?? '', c?.symbol ?? '', c?.stackBytes ?? '',
        c?.percent !== undefined ? c.percent.toFixed(1) : '', r.thread !== undefined ? hex8(r.thread) : '', r.processImage ?? '', '']);
  }
  return lines.map((l) => l.map(csvField).join(',')).join('\r\n') + '\r\n';
}
