import { renderTriageHtml, type QueueEntry } from './triageHtml';
import type { ReportModel } from './reportModel';

const dump = (file: string, culprit: string | undefined, bucket: string, percent: number, confidence?: string): QueueEntry => {
  const model: ReportModel = {
    file,
    verdict: { kind: 'kernel stack overflow', summary: [], ...(confidence ? { confidence: { level: confidence, reasons: [] } } : {}) },
    bugcheck: { code: 0x7f, title: 'UNEXPECTED_KERNEL_MODE_TRAP (7f)', args: [8, 0, 0, 0], argLines: [], description: [], bugcheckStr: '0x7f_8', bucketId: bucket },
    contexts: [],
    problems: [],
  };
  if (culprit) model.culprit = { module: culprit.replace(/\.sys$/, ''), imageName: culprit, symbol: `${culprit.replace(/\.sys$/, '')}!F+2c`, stackBytes: percent * 100, percent };
  return { file, model };
};

describe('triage --html page', () => {
  const entries: QueueEntry[] = [
    dump('a.dmp', 'ShFilter.sys', '0x7f_8_ShFilter!F+2c', 30),
    { file: 'bad.dmp', error: 'not a crash dump' },
    dump('b.dmp', 'StackHog.sys', '0x7f_8_StackHog!F+2c', 36.6, 'high'),
    dump('c.dmp', 'StackHog.sys', '0x7f_8_StackHog!G+10', 31),
    dump('d.dmp', undefined, '0x7f_8', 0),
  ];
  const html = renderTriageHtml(entries);

  it('groups by culprit (most dumps first) and bucket, no culprit and errors last', () => {
    const order = [...html.matchAll(/<tr class="(group|dumprow)"[^>]*><td[^>]*>(?:<a href="#([^"]+)">)?([^<]*)/g)].map((m) => m[2] ?? m[3].trim());
    expect(order).toEqual([
      'StackHog.sys —', 'dump-2', 'StackHog.sys —', 'dump-3', 'ShFilter.sys —', 'dump-0', '(no culprit) —', 'dump-4', '(not opened) (1 dump)', 'dump-1',
    ]);
  });

  it('links each row to its dump\'s section, which the page holds', () => {
    for (let i = 0; i < entries.length; i++) {
      expect(html).toContain(`<a href="#dump-${i}">`);
      expect(html).toContain(`<section class="dump" id="dump-${i}"`);
    }
  });

  it('shows the confidence when there is one, and sortable columns with numeric sort keys', () => {
    expect(html).toContain('<td data-v="high">high</td>');
    expect(html).toContain('<td class="num" data-v="36.6">36.6%</td>');
    expect(html).toContain('<th scope="col" data-sort="num" data-col="6">% of stack</th>');
    expect(html).toContain('<td colspan="6" class="note">error: not a crash dump</td>');
  });
});
