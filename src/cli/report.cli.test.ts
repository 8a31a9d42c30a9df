/** `kdsim report` and `kdsim triage --html` as a user runs them, through bin/kdsim (dist/, built by `npm test`). */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..');
const KDSIM = path.join(ROOT, 'bin', 'kdsim');
const DUMP = path.join(ROOT, 'fixtures', 'dumps', 'got-stack.dmp');
const EMPTY = path.join(ROOT, 'fixtures', 'malformed', 'empty.dmp');

function kdsim(args: string[], cwd = ROOT) {
  const r = spawnSync(process.execPath, [KDSIM, ...args], { cwd, encoding: 'utf8', timeout: 60000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const ready = fs.existsSync(path.join(ROOT, 'dist', 'cli', 'main.js')) && fs.existsSync(DUMP);
const itReady = ready ? it : it.skip;

describe('kdsim report', () => {
  let dir: string;
  beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kdsim-report-cli-')); });
  afterEach(() => { fs.rmSync(dir, { recursive: true, force: true }); });

  itReady('-o - writes the page to stdout', () => {
    const r = kdsim(['report', DUMP, '-o', '-']);
    expect(r.code).toBe(0);
    expect(r.out.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(r.out).toContain('StackHog.sys used the most of it');
    expect(r.err).toBe('');
  });

  itReady('writes <dump>.html by default, never overwrites it without --force', () => {
    const first = kdsim(['report', DUMP], dir);
    expect(first.code).toBe(0);
    const out = path.join(dir, 'got-stack.html');
    expect(first.err).toBe(`got-stack.html: ${fs.statSync(out).size} bytes\n`);
    fs.writeFileSync(out, 'my notes');
    expect(kdsim(['report', DUMP], dir)).toEqual({ code: 1, out: '', err: 'kdsim: got-stack.html exists (use --force to overwrite)\n' });
    expect(fs.readFileSync(out, 'utf8')).toBe('my notes');
    expect(kdsim(['report', DUMP, '--force'], dir).code).toBe(0);
    expect(fs.readFileSync(out, 'utf8')).toContain('<!DOCTYPE html>');
    expect(fs.readdirSync(dir)).toEqual(['got-stack.html']);
  });

  itReady('a dump that cannot be opened is one line and no file', () => {
    const r = kdsim(['report', EMPTY, '-o', path.join(dir, 'x.html')]);
    expect(r.code).not.toBe(0);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toContain('the file is empty');
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  itReady('triage --html writes the queue page beside the usual table', () => {
    const out = path.join(dir, 'queue.html');
    const r = kdsim(['triage', DUMP, EMPTY, '--html', out]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('2 dumps, 1 analysed, 1 not opened');
    const html = fs.readFileSync(out, 'utf8');
    expect(html).toContain('<a href="#dump-0">');
    expect(html).toContain('error: the file is empty');
    expect(html.match(/<rect class="seg/g)).toHaveLength(57);
  });

  itReady('triage --html - writes only the page to stdout; --html without a name is a usage error', () => {
    const r = kdsim(['triage', DUMP, '--html', '-']);
    expect(r.code).toBe(0);
    expect(r.out.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(r.out).not.toContain('┌');
    expect(kdsim(['triage', DUMP, '--html'])).toEqual({ code: 2, out: '', err: 'kdsim: Not enough arguments following: html\n' });
  });
});
