/**
 * volatility3 (an independent reader, through ../shared/tools/vol_read.py) reads the blog's values out of the
 * checked-in fixture dump. Its output is saved as the golden file blogValues.golden.test.ts checks without
 * volatility3 (UPDATE_GOLDENS=1 rewrites it).
 */
import { execFileSync } from 'child_process';
import { readFileSync, writeFileSync } from 'fs';
import * as path from 'path';
import { BYTE_READS, DWORD_READS, TSS_READS, tssMismatches, VOL_READ_GOLDEN } from './blogReads';

const ROOT = path.resolve(__dirname, '..', '..');
const DUMP = path.join(ROOT, 'fixtures/dumps/got-stack.dmp');
const VOL_READ = path.resolve(ROOT, '..', 'shared/tools/vol_read.py');
const volPath = process.env.VOLATILITY3_PATH;

const batch = (requests: { addr: string; length: string }[], flags: string[]): string[] => {
  const out = execFileSync('python3', [VOL_READ, DUMP, '--batch', ...flags], {
    input: requests.map((r) => `${r.addr} ${r.length}`).join('\n'), encoding: 'utf8',
  });
  // dword answers span several lines: split on the address of each request's first line.
  if (flags.includes('--bytes')) return out.trim().split('\n');
  const lines = out.trim().split('\n');
  return requests.map((r) => {
    const n = Math.ceil(parseInt(r.length, 16) / 16);
    return lines.splice(0, n).join('\n');
  });
};

(volPath ? describe : describe.skip)('volatility3 reads the blog\'s values from fixtures/dumps/got-stack.dmp', () => {
  let dwords: string[];
  let bytes: string[];
  let tss: string[];
  let dtb: string;
  beforeAll(() => {
    dwords = batch(DWORD_READS, []);
    bytes = batch(BYTE_READS, ['--bytes']);
    tss = batch(TSS_READS, []);
    dtb = execFileSync('python3', [VOL_READ, DUMP, '--find-dtb'], { encoding: 'utf8' }).trim();
    const golden = {
      findDtb: dtb,
      dwords: Object.fromEntries(DWORD_READS.map((r, i) => [`${r.addr} ${r.length}`, dwords[i]])),
      bytes: Object.fromEntries(BYTE_READS.map((r, i) => [`${r.addr} ${r.length}`, bytes[i]])),
      tss: Object.fromEntries(TSS_READS.map((r, i) => [r.name, tss[i]])),
    };
    const goldenPath = path.join(ROOT, VOL_READ_GOLDEN);
    if (process.env.UPDATE_GOLDENS === '1') writeFileSync(goldenPath, `${JSON.stringify(golden, null, 1)}\n`);
    expect(JSON.parse(readFileSync(goldenPath, 'utf8'))).toEqual(golden);
  });

  it('finds the same DTB by its own self-map scan as the header names', () => {
    expect(dtb).toMatch(/^00039000 {2}found by volatility3's scan .*same as the header's DirectoryTableBase 00039000$/);
  });

  it.each(DWORD_READS.map((r, i) => [r.addr, i] as const))('dd %s is the blog\'s', (_a, i) => {
    const exp = DWORD_READS[i].expected;
    if (typeof exp === 'string') expect(dwords[i]).toBe(exp);
    else expect(dwords[i]).toMatch(exp);
  });

  it.each(BYTE_READS.map((r, i) => [r.addr, i] as const))('bytes at %s are the blog\'s', (_a, i) => {
    const exp = BYTE_READS[i].expected;
    if (typeof exp === 'string') expect(bytes[i]).toBe(exp);
    else expect(bytes[i]).toMatch(exp);
  });

  it.each(TSS_READS.map((r, i) => [r.name, i] as const))('%s holds the blog\'s register block', (name, i) => {
    expect(tssMismatches(name, tss[i])).toEqual([]);
  });
});

if (!volPath) {
  it('skips: VOLATILITY3_PATH is not set', () => {
    process.stdout.write('blogValues.interop.test.ts: skipped (set VOLATILITY3_PATH to run volatility3)\n');
  });
}
