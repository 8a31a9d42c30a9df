/**
 * The report page of the blog's dump, checked as a model and as text: one chart segment per reconstructed
 * frame, heights proportional to bytes and stacked without gaps, per-module totals equal to what
 * `kdsim analyze -c "!stackusage" --json` prints, no external reference of any kind, and the size budget.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { PX_PER_BYTE } from './chart';
import { renderReportHtml } from './html';
import { loadReportModel } from './reportData';
import type { ReportModel } from './reportModel';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const DUMP = path.join(ROOT, 'fixtures', 'dumps', 'got-stack.dmp');
const built = fs.existsSync(path.join(ROOT, 'dist', 'cli', 'main.js'));

/** Every attribute of every tag matching `re`, as a record. */
function tags(html: string, re: RegExp): Record<string, string>[] {
  return [...html.matchAll(re)].map((m) => Object.fromEntries([...m[0].matchAll(/([\w-]+)="([^"]*)"/g)].map((a) => [a[1], a[2]])));
}

let model: ReportModel;
let html: string;
beforeAll(async () => {
  model = await loadReportModel(DUMP, 'fixtures/dumps/got-stack.dmp');
  html = renderReportHtml(model);
});

describe('kdsim report of the blog\'s dump', () => {
  it('says the verdict in one sentence naming StackHog.sys and the numbers behind it', () => {
    const verdict = /<p class="verdict"[^>]*>([^<]*)<\/p>/.exec(html)![1];
    expect(verdict).toBe('Kernel stack overflow (BugCheck 0x7F/8): thread 87d68438 (StackHog.exe) ran out of its 12 KB kernel stack, ' +
      'and StackHog.sys used the most of it (0x1194 bytes, 36.6%; blamed frame StackHog!ShBuildRequestPath+2c).');
    expect(model.verdict.kind).toBe('kernel stack overflow');
  });

  it('draws one segment per reconstructed frame, each as tall as its bytes, stacked from InitialStack down without gaps', () => {
    const segs = tags(html, /<rect class="seg[^>]*>/g);
    const frames = model.stack!.frames;
    expect(segs).toHaveLength(frames.length);
    expect(frames.length).toBe(57);
    segs.forEach((s, i) => {
      expect(Number(s['data-frame'])).toBe(frames[i].index);
      expect(Number(s['data-bytes'])).toBe(frames[i].usedBytes);
      expect(Math.abs(Number(s.height) - frames[i].usedBytes * PX_PER_BYTE)).toBeLessThan(0.002);
      if (i > 0) expect(Math.abs(Number(s.y) + Number(s.height) - Number(segs[i - 1].y))).toBeLessThan(0.002);
    });
    // The outermost frame ends at InitialStack, the innermost (the trap-frame residue) starts at StackLimit.
    expect(segs[segs.length - 1]['data-to']).toBe('b8ae8df0');
    expect(segs[0]['data-from']).toBe('b8ae6000');
    expect(segs[0].class).toContain('residue');
  });

  it('marks the guard page, the NPX area and the trap-frame residue apart from the modules', () => {
    const regions = tags(html, /<rect class="region [^>]*>/g);
    expect(regions.map((r) => [r.class, Number(r['data-bytes'])])).toEqual([['region npx', 0x210], ['region guard', 0x1000]]);
    expect(html).toContain('trap-frame residue 0x58');
    expect(html).toContain('ESP b8ae5fe4');
  });

  (built ? it : it.skip)('gives the same per-module totals as !stackusage --json', () => {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'kdsim'), 'analyze', DUMP, '--json', '-c', '!stackusage'], { encoding: 'utf8' });
    const su = JSON.parse(r.stdout)[0].model as { frames: unknown[]; modules: { module: string; bytes: number }[] };
    const rows = tags(html, /<tr class="modrow"[^>]*>/g).map((t) => ({ module: t['data-module'], bytes: Number(t['data-bytes']) }));
    expect(rows).toEqual(su.modules.map((m) => ({ module: m.module, bytes: m.bytes })));
    expect(tags(html, /<rect class="seg[^>]*>/g)).toHaveLength(su.frames.length);
  });

  it('names the WinDbg command behind each fact', () => {
    for (const c of ['!analyze -v', 'vertarget', '.tss 0x28', '.trap b8ae5fe4', 'kf = b8ae60ec b8ae6058 808813d8', 'dps b8ae6000 b8ae9000', '!thread', 'rcr2']) {
      expect(html).toContain(`<code class="cmd" title="WinDbg command that shows this">kd&gt; ${c}</code>`);
    }
    // vertarget's crash time is in the host's zone (as WinDbg shows it), so only its form and the zone-free parts are fixed.
    expect(html).toMatch(/<dt>Crash time<\/dt><dd>\w{3} Nov [ \d]\d \d\d:\d\d:57\.312 2009 \(GMT[+-][\d:]+\)<\/dd>/);
    expect(html).toContain('3 days 4:12:08.625');
    expect(html).toContain('Arg1: 00000008, EXCEPTION_DOUBLE_FAULT');
  });

  it('summarises the bounce between StackHog and ShFilter from the frame list', () => {
    expect(html).toContain('<strong>ShFilter</strong> ⇄ <strong>StackHog</strong>: 5 calls ShFilter → StackHog, 4 StackHog → ShFilter (through <code>nt!IofCallDriver</code>)');
  });

  it('refers to nothing outside the file, and stays under 200 KB', () => {
    expect(html).not.toMatch(/https?:|\/\/[a-z]/i);
    expect(html).not.toMatch(/\ssrc=|<link|<iframe|<object|<embed|@import/i);
    expect([...html.matchAll(/url\(([^)]*)\)/g)].every((m) => m[1].startsWith('#'))).toBe(true);
    expect(html).toContain('Content-Security-Policy" content="default-src \'none\'');
    expect(Buffer.byteLength(html)).toBeLessThan(200 * 1024);
  });

  it('keeps every segment reachable by keyboard, with its details in a <title>', () => {
    const segs = [...html.matchAll(/<rect class="seg[^>]*>(<title>[^<]*<\/title>)<\/rect>/g)];
    expect(segs).toHaveLength(57);
    expect(segs.every((m) => m[0].includes('tabindex="0"'))).toBe(true);
    expect(segs[10][1]).toBe('<title>frame 0a: StackHog!ShBuildRequestPath+0x2c (StackHog), 0x228 = 552 bytes, trust frame_pointer, fpo frame, [b8ae6af0, b8ae6d18)</title>');
  });
});
