/** The renderer on hand-made models: what the page says when there is no stack, a confidence, or a hostile name. */
import { renderReportHtml } from './html';
import type { ReportModel } from './reportModel';
import { verdictSentence } from './verdict';

const base = (): ReportModel => ({
  file: 'crash.dmp',
  verdict: { kind: 'other', summary: [] },
  bugcheck: { code: 0xd1, title: 'DRIVER_IRQL_NOT_LESS_OR_EQUAL (d1)', args: [0, 2, 0, 0xba6b10e8], argLines: ['Arg1: 00000000'], description: [], bugcheckStr: '0xD1' },
  contexts: [],
  problems: [],
});

describe('report renderer', () => {
  it('renders a dump without a reconstruction: no chart, and says why', () => {
    const html = renderReportHtml(base());
    expect(html).not.toContain('<svg');
    expect(html).toContain('No stack reconstruction');
    expect(verdictSentence(base())).toBe('BugCheck 0xD1 DRIVER_IRQL_NOT_LESS_OR_EQUAL (d1).');
  });

  it('renders the confidence when the analysis carries one', () => {
    const m = base();
    m.verdict.confidence = { level: 'medium', reasons: ['lead over ShFilter.sys is 4.5 points', 'ShCore.sys has no symbols'] };
    expect(renderReportHtml(m)).toContain('Confidence: <strong class="level level-medium">medium</strong> — lead over ShFilter.sys is 4.5 points; ShCore.sys has no symbols');
  });

  it('escapes every name that comes from the dump', () => {
    const m = base();
    m.file = '<img src=x onerror=alert(1)>.dmp';
    m.culprit = { module: 'Evil"<b>', imageName: '<script>alert(1)</script>.sys', symbol: 'Evil!x&y' };
    const html = renderReportHtml(m);
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;.sys');
    expect(html).toContain('Evil!x&amp;y');
  });

  it('says "unknown" plainly for a double fault it could not test', () => {
    const m = base();
    m.verdict.kind = 'unknown';
    m.bugcheck.code = 0x7f;
    m.bugcheck.args = [8, 0, 0, 0];
    expect(verdictSentence(m)).toBe('Double fault (BugCheck 0x7F/8), but the interrupted task or its thread\'s stack could not be read, so whether the stack overflowed is unknown.');
  });
});
