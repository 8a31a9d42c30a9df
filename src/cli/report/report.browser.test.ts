/**
 * The reports in a real browser (Debian's chromium through playwright-core): the page of the blog's dump and of
 * two simulated dumps with other seeds. Asserts what a reader sees: the verdict naming the culprit, one chart
 * segment per reconstructed frame, segment heights proportional to bytes within a pixel, per-module totals
 * equal to `!stackusage --json`, keyboard focus showing a frame's details, no console error, no request other
 * than the file itself, one printed page, and a screenshot that is not blank.
 * Without /usr/bin/chromium the suite says it skipped and passes. KDSIM_SCREENSHOT_DIR=<dir> keeps the screenshots
 * there as report-<case>.png.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Browser } from 'playwright-core';

/** Debian's chromium; KDSIM_CHROMIUM names another build (or a missing one, to see the suite skip). */
const CHROMIUM = process.env.KDSIM_CHROMIUM ?? '/usr/bin/chromium';
const ROOT = path.resolve(__dirname, '..', '..', '..');
const KDSIM = path.join(ROOT, 'bin', 'kdsim');
const BLOG = path.join(ROOT, 'fixtures', 'dumps', 'got-stack.dmp');
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];

const haveChromium = fs.existsSync(CHROMIUM);
const built = fs.existsSync(path.join(ROOT, 'dist', 'cli', 'main.js'));
if (!haveChromium) console.log(`report.browser.test: skipped, no Chromium at ${CHROMIUM} (Debian: apt-get install -y chromium)`);
else if (!built) console.log('report.browser.test: skipped, dist/ is missing (npm run test:browser builds first)');
const describeBrowser = haveChromium && built ? describe : describe.skip;

function kdsim(args: string[]): string {
  const r = spawnSync(process.execPath, [KDSIM, ...args], { encoding: 'utf8', timeout: 120000 });
  if (r.status !== 0) throw new Error(`kdsim ${args.join(' ')}: exit ${r.status}: ${r.stderr}`);
  return r.stdout;
}

/** The few browser globals the screenshot probe uses. */
interface BrowserGlobals {
  Image: new () => { src: string; width: number; height: number; decode(): Promise<void> };
  document: { createElement(tag: 'canvas'): { width: number; height: number; getContext(kind: '2d'): {
    drawImage(img: unknown, x: number, y: number): void; getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } } | null } };
}

interface Case { name: string; dump: string; culprit: string }

describeBrowser('kdsim report in Chromium', () => {
  let dir: string;
  let browser: Browser;
  const cases: Case[] = [{ name: 'got-stack', dump: BLOG, culprit: 'StackHog.sys' }];

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kdsim-browser-'));
    for (const seed of [3, 4]) {
      const dump = path.join(dir, `seed${seed}.dmp`);
      const truth = path.join(dir, `seed${seed}.json`);
      kdsim(['simulate', '--scenario', 'got-stack', '--seed', String(seed), '-o', dump, '--truth', truth]);
      cases.push({ name: `seed${seed}`, dump, culprit: JSON.parse(fs.readFileSync(truth, 'utf8')).culprit.image });
    }
    const { chromium } = require('playwright-core') as typeof import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
  });

  afterAll(async () => {
    await browser?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it.each(['got-stack', 'seed3', 'seed4'])('%s: verdict, segments, proportions, totals, focus, no requests, one printed page, a non-blank screenshot', async (name) => {
    const c = cases.find((x) => x.name === name)!;
    const html = path.join(dir, `${c.name}.html`);
    kdsim(['report', c.dump, '-o', html]);
    const su = JSON.parse(kdsim(['analyze', c.dump, '--json', '-c', '!stackusage']))[0].model as
      { frames: { usedBytes: number }[]; modules: { module: string; bytes: number }[] };

    const page = await browser.newPage({ viewport: { width: 1200, height: 1000 } });
    const requests: string[] = [];
    const errors: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`file://${html}`);

    expect(await page.locator('.verdict').first().innerText()).toContain(`${c.culprit} used the most of it`);

    const segs = page.locator('svg.stack-chart rect.seg');
    expect(await segs.count()).toBe(su.frames.length);
    // Rendered pixels per byte, from the whole bar (StackBase down to the bottom of the guard page).
    const scale = await page.locator('svg.stack-chart').first().evaluate((svg) => {
      const box = svg.getBoundingClientRect();
      return box.height / (svg as unknown as { viewBox: { baseVal: { height: number } } }).viewBox.baseVal.height * Number(svg.getAttribute('data-px-per-byte'));
    });
    const heights = await segs.evaluateAll((els) => els.map((e) => ({ h: e.getBoundingClientRect().height, bytes: Number(e.getAttribute('data-bytes')) })));
    heights.forEach((s, i) => {
      expect(s.bytes).toBe(su.frames[i].usedBytes);
      expect(Math.abs(s.h - s.bytes * scale)).toBeLessThanOrEqual(1);
    });

    const totals = await page.locator('table.modules tr.modrow').evaluateAll((rows) =>
      rows.map((r) => ({ module: r.getAttribute('data-module'), bytes: Number(r.children[2].textContent) })));
    expect(totals).toEqual(su.modules.map((m) => ({ module: m.module, bytes: m.bytes })));

    // The verdict, the facts and the chart down to the guard page (the top 1750 px of the page).
    const shot = await page.screenshot({ fullPage: true, clip: { x: 0, y: 0, width: 1200, height: 1750 } });
    if (process.env.KDSIM_SCREENSHOT_DIR) fs.writeFileSync(path.join(process.env.KDSIM_SCREENSHOT_DIR, `report-${c.name}.png`), shot);
    // Keyboard: focusing a segment shows its frame in the details panel.
    const seg = page.locator('svg.stack-chart rect.seg:not(.blamed)').nth(5);
    const title = await seg.locator('title').textContent();
    expect(await page.locator('.detail').first().textContent()).not.toBe(title);
    await seg.focus();
    expect(await page.locator('.detail').first().textContent()).toBe(title);
    expect(await seg.evaluate((e) => e === e.ownerDocument.activeElement)).toBe(true);

    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    await page.close();

    expect(errors).toEqual([]);
    expect(requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:'))).toEqual([]);
    expect(pages).toBe(1);

    // Not blank: decode the PNG in a blank page and measure the spread of its pixel values.
    const probe = await browser.newPage();
    // In-page code: the DOM types are not in this project's (Node) lib, so the page's globals are reached untyped.
    const variance = await probe.evaluate(async (b64) => {
      const { Image, document } = globalThis as unknown as BrowserGlobals;
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const cv = document.createElement('canvas');
      cv.width = img.width; cv.height = img.height;
      const ctx = cv.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const d = ctx.getImageData(0, 0, cv.width, cv.height).data;
      let sum = 0, sq = 0, n = 0;
      for (let i = 0; i < d.length; i += 4) { const v = (d[i] + d[i + 1] + d[i + 2]) / 3; sum += v; sq += v * v; n++; }
      return sq / n - (sum / n) ** 2;
    }, shot.toString('base64'));
    await probe.close();
    expect(variance).toBeGreaterThan(100);
  });

  it('triage --html: rows sort by a column heading (mouse and keyboard) and link to their dump\'s section', async () => {
    const html = path.join(dir, 'queue.html');
    spawnSync(process.execPath, [KDSIM, 'triage', cases[0].dump, cases[1].dump, cases[2].dump, '--html', html], { encoding: 'utf8' });
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const requests: string[] = [];
    const errors: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`file://${html}`);
    const percents = () => page.locator('table.queue tr.dumprow').evaluateAll((rows) => rows.map((r) => Number(r.children[6].getAttribute('data-v'))));
    expect(await percents()).toHaveLength(3);
    const heading = page.locator('table.queue th', { hasText: '% of stack' });
    await heading.click();
    const up = await percents();
    expect(up).toEqual([...up].sort((a, b) => a - b));
    await heading.focus();
    await page.keyboard.press('Enter');
    const down = await percents();
    expect(down).toEqual([...up].reverse());
    expect(await heading.getAttribute('aria-sort')).toBe('descending');

    const first = page.locator('table.queue tr.dumprow a').first();
    const target = (await first.getAttribute('href'))!;
    await first.click();
    expect(new URL(page.url()).hash).toBe(target);
    expect(await page.locator(`section${target} rect.seg`).count()).toBeGreaterThan(0);
    await page.close();
    expect(errors).toEqual([]);
    expect(requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:'))).toEqual([]);
  });
});
