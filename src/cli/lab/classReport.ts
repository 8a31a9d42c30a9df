/**
 * `kdsim lab report`: one row per student's progress file — steps done of the lab's total, misses, hints,
 * skipped steps, minutes spent — as a cli-table3 table (plain characters, as triage's), JSON or CSV.
 */
import Table from 'cli-table3';
import type { LabProgress } from './progress';

export interface ReportRow { student: string; dump: string; done: number; total: number; misses: number; hints: number; skipped: number; minutes: number; lastStep: number | null }

export function reportRow(p: LabProgress): ReportRow {
  const done = p.steps.filter((s) => s.done);
  const sum = (k: 'misses' | 'hints' | 'seconds') => p.steps.reduce((a, s) => a + s[k], 0);
  return {
    student: p.student, dump: p.dump, done: done.length, total: p.totalSteps, misses: sum('misses'), hints: sum('hints'),
    skipped: p.steps.filter((s) => s.skipped).length, minutes: Math.round(sum('seconds') / 6) / 10,
    lastStep: done.length ? Math.max(...done.map((s) => s.n)) : null,
  };
}

const HEAD = ['student', 'dump', 'steps done', 'misses', 'hints', 'skipped', 'minutes', 'last step'];

export function renderReport(rows: ReportRow[]): string {
  const t = new Table({ head: HEAD, style: { head: [], border: [], compact: true }, colAligns: ['left', 'left', 'right', 'right', 'right', 'right', 'right', 'right'] });
  for (const r of rows) t.push([r.student, r.dump, `${r.done}/${r.total}`, r.misses, r.hints, r.skipped, r.minutes.toFixed(1), r.lastStep ?? '-']);
  return `${t.toString()}\n`;
}

const csvCell = (v: string | number | null): string => {
  const s = v === null ? '' : String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export function renderCsv(rows: ReportRow[]): string {
  const keys: (keyof ReportRow)[] = ['student', 'dump', 'done', 'total', 'misses', 'hints', 'skipped', 'minutes', 'lastStep'];
  return `${[keys.join(','), ...rows.map((r) => keys.map((k) => csvCell(r[k])).join(','))].join('\n')}\n`;
}
