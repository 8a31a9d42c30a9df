/**
 * `kdsim triage … --html`: the queue as one page (model → HTML string, pure). One row per dump (verdict,
 * culprit, confidence, stack share), grouped by culprit and failure bucket, sortable by any column (the inline
 * script of page.ts), each row linking to the dump's own section further down, the same section
 * `kdsim report` writes for a single dump.
 */
import { renderDumpSection } from './dumpSection';
import { esc } from './escape';
import { renderPage } from './page';
import type { ReportModel } from './reportModel';

export interface QueueEntry {
  file: string;
  model?: ReportModel;
  /** The one-line error of a dump that could not be opened or analysed. */
  error?: string;
}

const NO_CULPRIT = '(no culprit)';
const NOT_OPENED = '(not opened)';

/** Grouping key: culprit image, then failure bucket; dumps with neither, and errors, in their own groups last. */
function groupOf(e: QueueEntry): { culprit: string; bucket: string; rank: number } {
  if (!e.model) return { culprit: NOT_OPENED, bucket: '', rank: 2 };
  const c = e.model.culprit?.imageName;
  return { culprit: c ?? NO_CULPRIT, bucket: e.model.bugcheck.bucketId ?? e.model.bugcheck.bugcheckStr, rank: c ? 0 : 1 };
}

export const sectionId = (i: number): string => `dump-${i}`;

function cells(e: QueueEntry, i: number): string {
  const link = `<td data-v="${esc(e.file)}"><a href="#${sectionId(i)}">${esc(e.file)}</a></td>`;
  if (!e.model) return `${link}<td colspan="6" class="note">error: ${esc(e.error ?? 'not analysed')}</td>`;
  const m = e.model;
  const c = m.culprit;
  const bc = `0x${m.bugcheck.code.toString(16).toUpperCase()}${m.bugcheck.code === 0x7f ? `/${m.bugcheck.args[0].toString(16).toUpperCase()}` : ''}`;
  const conf = m.verdict.confidence?.level;
  return link +
    `<td>${esc(bc)}</td><td>${esc(m.verdict.kind)}</td>` +
    `<td>${c ? `${esc(c.imageName)}<br><code>${esc(c.symbol)}</code>` : '-'}</td>` +
    `<td data-v="${esc(conf ?? '')}">${conf ? esc(conf) : '<span title="the analysis carries no confidence yet">-</span>'}</td>` +
    `<td class="num" data-v="${c?.stackBytes ?? -1}">${c?.stackBytes !== undefined ? `0x${c.stackBytes.toString(16)}` : '-'}</td>` +
    `<td class="num" data-v="${c?.percent ?? -1}">${c?.percent !== undefined ? `${c.percent.toFixed(1)}%` : '-'}</td>`;
}

export function renderTriageHtml(entries: QueueEntry[]): string {
  const order = entries.map((e, i) => ({ e, i, g: groupOf(e) }));
  const counts = new Map<string, number>();
  for (const o of order) counts.set(o.g.culprit, (counts.get(o.g.culprit) ?? 0) + 1);
  order.sort((a, b) => a.g.rank - b.g.rank || (counts.get(b.g.culprit)! - counts.get(a.g.culprit)!) ||
    a.g.culprit.localeCompare(b.g.culprit) || a.g.bucket.localeCompare(b.g.bucket) || a.i - b.i);
  const rows: string[] = [];
  let last = '';
  for (const o of order) {
    const key = `${o.g.culprit}\u0000${o.g.bucket}`;
    if (key !== last) {
      const n = order.filter((x) => `${x.g.culprit}\u0000${x.g.bucket}` === key).length;
      rows.push(`<tr class="group"><td colspan="7">${esc(o.g.culprit)}${o.g.bucket ? ` — <code>${esc(o.g.bucket)}</code>` : ''} ` +
        `(${n} dump${n === 1 ? '' : 's'})</td></tr>`);
      last = key;
    }
    rows.push(`<tr class="dumprow" data-index="${o.i}">${cells(o.e, o.i)}</tr>`);
  }
  const analysed = entries.filter((e) => e.model).length;
  const head = [['dump', 'text'], ['bugcheck', 'text'], ['verdict', 'text'], ['culprit', 'text'], ['confidence', 'text'], ['stack bytes', 'num'], ['% of stack', 'num']]
    .map(([h, kind], col) => `<th scope="col" data-sort="${kind}" data-col="${col}">${h}</th>`).join('');
  const queue = `<h1>Crash dump queue</h1>
<p>${entries.length} dump${entries.length === 1 ? '' : 's'}, ${analysed} analysed${entries.length - analysed ? `, ${entries.length - analysed} not opened` : ''}.
<span class="queue-only">Grouped by culprit and failure bucket; click or press Enter on a column heading to sort; each dump links to its section below.</span></p>
<table class="queue"><thead><tr>${head}</tr></thead><tbody>
${rows.join('\n')}
</tbody></table>`;
  const sections = entries.map((e, i) => e.model
    ? renderDumpSection(e.model, sectionId(i))
    : `<section class="dump" id="${sectionId(i)}"><h2>${esc(e.file)}</h2><p class="note">error: ${esc(e.error ?? '')}</p></section>`);
  return renderPage(`kdsim triage: ${entries.length} dumps`, `<section class="queue-page">${queue}</section>\n${sections.join('\n')}`,
    'Written by kdsim triage --html from the dumps alone; every number can be checked with the kd&gt; command beside it.');
}
