/**
 * The blog's values in volatility3's own reading of the fixture dump, from the checked-in output of
 * blogValues.interop.test.ts (fixtures/groundtruth/got-stack.vol_read.json), so `npm test` checks them
 * without volatility3.
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import { BYTE_READS, DWORD_READS, matches, TSS_READS, tssMismatches, VOL_READ_GOLDEN } from './blogReads';

const golden = JSON.parse(readFileSync(path.resolve(__dirname, '..', '..', VOL_READ_GOLDEN), 'utf8')) as {
  findDtb: string; dwords: Record<string, string>; bytes: Record<string, string>; tss: Record<string, string>;
};

describe('volatility3\'s reading of got-stack.dmp (golden) holds the blog\'s values', () => {
  it('volatility3 found the header\'s DTB by its own scan', () => {
    expect(golden.findDtb).toContain("same as the header's DirectoryTableBase 00039000");
  });

  it.each(DWORD_READS.map((r) => [`${r.addr} ${r.length}`, r.expected] as const))('dd %s', (key, expected) => {
    expect(matches(golden.dwords[key], expected)).toBe(true);
  });

  it.each(BYTE_READS.map((r) => [`${r.addr} ${r.length}`, r.expected] as const))('bytes %s', (key, expected) => {
    expect(matches(golden.bytes[key], expected)).toBe(true);
  });

  it.each(TSS_READS.map((r) => r.name))('%s register block', (name) => {
    expect(tssMismatches(name, golden.tss[name])).toEqual([]);
  });
});
