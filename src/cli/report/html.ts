/** `kdsim report`'s page: one dump, model → HTML string (pure; reportCommand.ts writes it). */
import { renderDumpSection } from './dumpSection';
import { renderPage } from './page';
import type { ReportModel } from './reportModel';
import { esc } from './escape';

export function renderReportHtml(m: ReportModel, generator = 'kdsim report'): string {
  const title = `kdsim report: ${m.file}${m.culprit ? ` — ${m.culprit.imageName}` : ''}`;
  return renderPage(title, `<h1>Crash dump report</h1>\n${renderDumpSection(m, 'dump-0')}`,
    `Written by ${esc(generator)} from the dump alone; every number above can be checked with the kd&gt; command beside it.`);
}
