/**
 * Triage as a support queue uses it: the verdict a lead sorts by, the culprit's confidence, the bucket summary,
 * `--csv`, the terminal-only progress bar, and one bad or foreign file among good ones (through bin/kdsim).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { verdictOf, type TriageRow } from './triageModel';
import { csvField, culpritLabel, renderTriage, triageCsv, triageJson } from './render';
import { groupByBucket } from './summary';
import { progressLine, startProgress } from './progress';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const KDSIM = path.join(ROOT, 'bin', 'kdsim');
const itBuilt = fs.existsSync(path.join(ROOT, 'dist', 'cli', 'main.js')) ? it : it.skip;

const bc = (code: number, arg1: number, title = 'UNEXPECTED_KERNEL_MODE_TRAP (7f)') =>
  ({ code, args: [arg1, 0, 0, 0] as [number, number, number, number], title, description: [], argLines: [] });
const ov = (overflow: boolean) => ({ overflow, reason: 'r' }) as never;

describe('verdictOf', () => {
  it('tells an overflow, a double fault that is not one, an untested double fault, traps and other bugchecks apart', () => {
    expect(verdictOf({ bugcheck: bc(0x7f, 8), overflow: ov(true) })).toBe('kernel stack overflow');
    expect(verdictOf({ bugcheck: bc(0x7f, 8), overflow: ov(false) })).toBe('double fault, not an overflow');
    expect(verdictOf({ bugcheck: bc(0x7f, 8) })).toBe('unknown');
    expect(verdictOf({ bugcheck: bc(0x7f, 0xd) })).toBe('trap 0xd');
    expect(verdictOf({ bugcheck: bc(0x7f, 6) })).toBe('trap 0x6');
    expect(verdictOf({ bugcheck: bc(0x7f, 0) })).toBe('trap 0x0');
    expect(verdictOf({ bugcheck: bc(0xa, 0, 'IRQL_NOT_LESS_OR_EQUAL (a)') })).toBe('IRQL_NOT_LESS_OR_EQUAL');
    expect(verdictOf({ bugcheck: bc(0x1234, 0, 'Unknown bugcheck code (1234)') })).toBe('bugcheck 0x1234');
  });
});

const row = (file: string, culprit: string | undefined, bucket: string | undefined, verdict = 'kernel stack overflow'): TriageRow => ({
  file, verdict, bugcheck: { code: 0x7f, args: [8, 0, 0, 0] }, ...(bucket ? { bucket } : {}),
  ...(culprit ? { culprit: { module: culprit, imageName: `${culprit}.sys`, symbol: `${culprit}!F+1`, confidence: { level: 'medium', reasons: [] } } } : {}),
});
const bad: TriageRow = { file: 'x, "y".dmp', error: { code: 'E_FORMAT', message: 'kdsim: x, "y".dmp: not a crash dump ("PAGE" signature missing)' } };

describe('culprit confidence and bucket grouping', () => {
  it('shows the confidence (and a near-tie) in the culprit column', () => {
    expect(culpritLabel({ module: 'A', imageName: 'A.sys', symbol: 'A!f', confidence: { level: 'low', reasons: [] }, tieWith: 'B.sys' })).toBe('A.sys (low, tie with B.sys)');
    expect(culpritLabel({ module: 'A', imageName: 'A.sys', symbol: 'A!f' })).toBe('A.sys');
  });

  it('counts dumps per FAILURE_BUCKET_ID, most first, with the culprits each bucket blames; special groups last', () => {
    const rows = [row('1', 'A', 'b1'), row('2', 'B', 'b2'), row('3', 'B', 'b2'), row('4', 'C', 'b2'), row('5', undefined, undefined, 'trap 0xd'), bad];
    expect(groupByBucket(rows).map((g) => [g.bucket, g.dumpCount, g.culprits])).toEqual([
      ['b2', 3, ['B.sys', 'C.sys']], ['b1', 1, ['A.sys']], ['(no bucket)', 1, ['(no culprit)']], ['(not opened)', 1, []]]);
    expect(triageJson(rows).byBucket[0]).toEqual({ bucket: 'b2', dumpCount: 3, culprits: ['B.sys', 'C.sys'], files: ['2', '3', '4'] });
    const text = renderTriage(rows).join('\n');
    expect(text).toContain('Dumps by bucket:');
    expect(text).toMatch(/│ b2 +│ +3 │ B\.sys, C\.sys/);
  });
});

describe('--csv', () => {
  it('quotes per RFC 4180: commas, quotes and line breaks', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('a\nb')).toBe('"a\nb"');
    expect(csvField(null)).toBe('');
    expect(csvField(4500)).toBe('4500');
  });

  it('has a header row and one row per dump, an error row included, CRLF-terminated', () => {
    const csv = triageCsv([row('1.dmp', 'A', 'b1'), bad]);
    const lines = csv.split('\r\n');
    expect(lines).toEqual([
      'file,bugcheck,verdict,bucket,culprit,confidence,symbol,stack_bytes,percent,thread,process,error',
      '1.dmp,0x7F/8,kernel stack overflow,b1,A.sys,medium,A!F+1,,,,,',
      '"x, ""y"".dmp",,,,,,,,,,,"not a crash dump (""PAGE"" signature missing)"',
      '',
    ]);
  });
});

describe('progress bar', () => {
  it('draws on a TTY only, and erases itself at the end', () => {
    expect(progressLine(3, 6, 1, 10)).toBe('[#####-----] 3/6 dumps, 1 not opened');
    const out: string[] = [];
    const tty = { isTTY: true, columns: 80, write: (s: string) => out.push(s) };
    const p = startProgress(2, tty, true);
    p.tick(false); p.tick(true); p.stop();
    expect(out[0]).toContain('0/2 dumps');
    expect(out[2]).toContain('2/2 dumps, 1 not opened');
    expect(out[out.length - 1]).toMatch(/^\r +\r$/);
    const piped: string[] = [];
    const q = startProgress(5, { isTTY: false, write: (s: string) => piped.push(s) }, true);
    q.tick(false); q.stop();
    const off = startProgress(5, tty, false);
    off.tick(false); off.stop();
    expect(piped).toEqual([]);
    expect(out).toHaveLength(4);
  });
});

describe('kdsim triage over the fixture, a bad signature and a text file', () => {
  const files = ['fixtures/dumps/got-stack.dmp', 'fixtures/malformed/bad-signature.dmp', 'fixtures/malformed/expected.json'];
  const kdsim = (...args: string[]) => spawnSync(process.execPath, [KDSIM, 'triage', ...files, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60000 });

  itBuilt('--csv: a header, one analysed row and two error rows; exit 1; nothing on stderr when piped', () => {
    const r = kdsim('--csv');
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\r\n').filter(Boolean);
    expect(lines).toHaveLength(4);
    expect(lines[1]).toMatch(/^fixtures\/dumps\/got-stack\.dmp,0x7F\/8,kernel stack overflow,0x7f_8_StackHog!ShBuildRequestPath\+2c,StackHog\.sys,high,/);
    expect(lines[2]).toMatch(/^fixtures\/malformed\/bad-signature\.dmp,(,){10}\S/);
    expect(lines[3]).toMatch(/^fixtures\/malformed\/expected\.json,(,){10}\S/);
  });

  itBuilt('text: the error rows, both summaries, and the count line', () => {
    const r = kdsim();
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('StackHog.sys (high)');
    expect(r.stdout).toContain('Dumps by bucket:');
    expect(r.stdout).toMatch(/bad-signature\.dmp +│ error: /);
    expect(r.stdout).toContain('3 dumps, 1 analysed, 2 not opened');
  });

  itBuilt('--json and --csv together is a usage error', () => {
    const r = kdsim('--json', '--csv');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--json, --jsonl and --csv');
  });
});
