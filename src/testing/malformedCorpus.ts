/**
 * The hostile-input corpus (fixtures/malformed/): each entry builds one small file and states, by hand, the
 * exact one-line error and exit code kdsim must give for it. `writeMalformedCorpus` writes the files and
 * expected.json; malformed.test.ts checks the checked-in files are these bytes and that openCrashDump
 * fails on each exactly as stated. Run: npx ts-node src/testing/malformedCorpus.ts
 */
import * as fs from 'fs';
import * as path from 'path';
import { encode } from '../format/codec';
import { DUMP_HEADER32, pageFilledHeader } from '../format/dumpHeader32';
import { headerFields } from '../format/dumpHeader32Input';
import type { Encodable } from '../format/layout';

export interface MalformedCase {
  file: string;
  why: string;
  bytes(): Uint8Array;
  message: string;
  exitCode: number;
}

type HeaderPatch = Encodable<typeof DUMP_HEADER32>;
const FORMAT = 4;
const UNSUPPORTED = 5;
const NOT_YET = 'is not supported yet; kdsim reads 32-bit complete memory dumps (PAGEDUMP, DumpType 1)';

/** A sound header for `runs` (DTB 0x30000), patched, followed by `pages` page images (zero when absent). */
function dump(patch: HeaderPatch, runs = [{ basePage: 0x30, pageCount: 1 }], pages: (Uint8Array | undefined)[] = [new Uint8Array(0x1000)]): Uint8Array {
  const n = runs.reduce((s, r) => s + r.pageCount, 0);
  const header = pageFilledHeader();
  encode(DUMP_HEADER32, headerFields({ directoryTableBase: 0x30000, bugCheckCode: 0x7f, bugCheckParameters: [8, 0x80042000, 0, 0], kdDebuggerDataBlock: 0x8088ae78 }, runs, n, 0x1000 * (1 + n)), header);
  encode(DUMP_HEADER32, patch, header);
  const out = new Uint8Array(0x1000 * (1 + pages.length));
  out.set(header, 0);
  pages.forEach((p, i) => p && out.set(p, 0x1000 * (i + 1)));
  return out;
}

const runs = (list: [number, number][], numberOfPages?: number): HeaderPatch => ({
  PhysicalMemoryBlock: {
    NumberOfRuns: list.length,
    NumberOfPages: numberOfPages ?? list.reduce((s, [, c]) => s + c, 0),
    Run: list.map(([BasePage, PageCount]) => ({ BasePage, PageCount })),
  },
});

/** A PDPT page whose first entry is `pdpte0` and the rest point at nothing. */
function pdptPage(pdpte0: bigint): Uint8Array {
  const p = Buffer.alloc(0x1000);
  p.writeBigUInt64LE(pdpte0, 0);
  return p;
}

const ascii = (text: string, size: number): Uint8Array => {
  const b = new Uint8Array(size);
  b.set(Buffer.from(text, 'latin1'));
  return b;
};

export const MALFORMED: MalformedCase[] = [
  { file: 'empty.dmp', why: 'zero bytes', bytes: () => new Uint8Array(0), exitCode: FORMAT,
    message: 'kdsim: empty.dmp: the file is empty (0 bytes); a crash dump starts with a 0x1000-byte DUMP_HEADER32' },
  { file: 'truncated-header.dmp', why: 'the first 0x200 bytes of a sound header', bytes: () => dump({}).slice(0, 0x200), exitCode: FORMAT,
    message: 'kdsim: truncated-header.dmp: the file is 0x200 bytes, shorter than the 0x1000-byte DUMP_HEADER32 (truncated dump?)' },
  { file: 'tiny.dmp', why: 'five bytes, too short for both signatures', bytes: () => ascii('PAGED', 5), exitCode: FORMAT,
    message: "kdsim: tiny.dmp: the file is 5 bytes, too short for the 'PAGE' 'DUMP' signatures" },
  { file: 'bad-signature.dmp', why: "byte-swapped 'PAGE' signature", bytes: () => { const d = dump({}); d.set(Buffer.from('EGAP'), 0); return d.slice(0, 0x1000); }, exitCode: FORMAT,
    message: "kdsim: bad-signature.dmp: not a crash dump: Signature 'EGAP' (0x50414745) is not 'PAGE' (file offset 0x0)" },
  { file: 'bad-validdump.dmp', why: "'PAGE' then a byte-swapped 'DUMP'", bytes: () => { const d = dump({}); d.set(Buffer.from('PMUD'), 4); return d.slice(0, 0x1000); }, exitCode: FORMAT,
    message: "kdsim: bad-validdump.dmp: not a 32-bit crash dump: ValidDump 'PMUD' (0x44554d50) is not 'DUMP' (file offset 0x4)" },
  { file: 'pagedu64.dmp', why: 'a 64-bit kernel dump header start', bytes: () => ascii('PAGEDU64', 0x2000), exitCode: UNSUPPORTED,
    message: `kdsim: pagedu64.dmp: a 64-bit kernel dump (PAGEDU64) ${NOT_YET}` },
  { file: 'mdmp.dmp', why: 'a user-mode minidump signature', bytes: () => { const b = ascii('MDMP', 0x20); b.set([0x93, 0xa7], 4); return b; }, exitCode: UNSUPPORTED,
    message: `kdsim: mdmp.dmp: a user-mode minidump (MDMP) ${NOT_YET}` },
  { file: 'summary-dump.dmp', why: 'DumpType 2 (kernel summary)', bytes: () => dump({ DumpType: 2 }), exitCode: UNSUPPORTED,
    message: `kdsim: summary-dump.dmp: a kernel summary dump (DumpType 2) ${NOT_YET}` },
  { file: 'triage-dump.dmp', why: 'DumpType 4 (small memory dump)', bytes: () => dump({ DumpType: 4 }), exitCode: UNSUPPORTED,
    message: `kdsim: triage-dump.dmp: a small memory (triage) dump (DumpType 4) ${NOT_YET}` },
  { file: 'dumptype-page-fill.dmp', why: "DumpType left as the 'PAGE' fill", bytes: () => dump({ DumpType: 0x45474150 }), exitCode: FORMAT,
    message: "kdsim: dumptype-page-fill.dmp: DumpType 0x45474150 (the 'PAGE' fill: never written) is not a known dump type (file offset 0xf88)" },
  { file: 'machine-amd64.dmp', why: 'MachineImageType AMD64 in a 32-bit header', bytes: () => dump({ MachineImageType: 0x8664 }), exitCode: FORMAT,
    message: 'kdsim: machine-amd64.dmp: MachineImageType 0x8664 is not i386 (0x14c) in a 32-bit dump header (file offset 0x20)' },
  { file: 'zero-runs.dmp', why: 'NumberOfRuns 0', bytes: () => dump(runs([])), exitCode: FORMAT,
    message: 'kdsim: zero-runs.dmp: NumberOfRuns is 0: the dump holds no physical memory (file offset 0x64)' },
  { file: 'runs-ffffffff.dmp', why: 'NumberOfRuns 0xFFFFFFFF', bytes: () => dump({ PhysicalMemoryBlock: { NumberOfRuns: 0xffffffff } }), exitCode: FORMAT,
    message: 'kdsim: runs-ffffffff.dmp: NumberOfRuns 0xffffffff exceeds the 86 runs a DUMP_HEADER32 can hold (file offset 0x64)' },
  { file: 'runs-page-fill.dmp', why: "NumberOfRuns left as the 'PAGE' fill", bytes: () => dump({ PhysicalMemoryBlock: { NumberOfRuns: 0x45474150 } }), exitCode: FORMAT,
    message: "kdsim: runs-page-fill.dmp: NumberOfRuns 0x45474150 is the 'PAGE' fill: the physical memory descriptor was never written (file offset 0x64)" },
  { file: 'run-past-eof.dmp', why: 'the second run claims 0x20 pages the file does not have', bytes: () => dump(runs([[0x30, 1], [0x100, 0x20]])), exitCode: FORMAT,
    message: 'kdsim: run-past-eof.dmp: run 1 (BasePage 0x100, PageCount 0x20) ends at file offset 0x22000, past the end of the 0x2000-byte file (truncated dump?) (file offset 0x74)' },
  { file: 'overlapping-runs.dmp', why: 'run 1 starts inside run 0', bytes: () => dump(runs([[0x30, 0x10], [0x38, 0x10]])), exitCode: FORMAT,
    message: 'kdsim: overlapping-runs.dmp: run 1 (BasePage 0x38, PageCount 0x10) overlaps run 0 (BasePage 0x30, PageCount 0x10) (file offset 0x74)' },
  { file: 'unsorted-runs.dmp', why: 'runs out of BasePage order', bytes: () => dump(runs([[0x100, 1], [0x30, 1]])), exitCode: FORMAT,
    message: 'kdsim: unsorted-runs.dmp: run 1 (BasePage 0x30, PageCount 0x1) is below run 0 (BasePage 0x100, PageCount 0x1): runs must be sorted by BasePage (file offset 0x74)' },
  { file: 'page-count-mismatch.dmp', why: 'NumberOfPages is not the sum of the runs', bytes: () => dump(runs([[0x30, 1], [0x100, 2]], 0x30)), exitCode: FORMAT,
    message: "kdsim: page-count-mismatch.dmp: NumberOfPages 0x30 is not the sum of the runs' PageCounts (0x3) (file offset 0x68)" },
  { file: 'run-above-40-bits.dmp', why: 'a run ending past PFN 2^28 (PA 2^40)', bytes: () => dump(runs([[0x30, 1], [0xffffff0, 0x20]])), exitCode: FORMAT,
    message: 'kdsim: run-above-40-bits.dmp: run 1 (BasePage 0xffffff0, PageCount 0x20) ends above the 40-bit PAE physical address space (file offset 0x74)' },
  { file: 'dtb-outside-memory.dmp', why: 'DirectoryTableBase in no run', bytes: () => dump({ DirectoryTableBase: 0x7ff00000 }), exitCode: FORMAT,
    message: 'kdsim: dtb-outside-memory.dmp: DirectoryTableBase 0x7ff00000 is outside the dump: its page directory pointer table at PA 0x7ff00000 is in no physical memory run (file offset 0x10)' },
  { file: 'pdpte-outside-memory.dmp', why: 'PDPTE 0 points at a page directory in no run', bytes: () => dump({}, [{ basePage: 0x30, pageCount: 1 }], [pdptPage(0x12345000n | 1n)]), exitCode: FORMAT,
    message: 'kdsim: pdpte-outside-memory.dmp: PDPTE 0 (0x12345001 at PA 0x30000) points to a page directory at PA 0x12345000 that is in no physical memory run (file offset 0x1000)' },
];

/** Cases the test makes at run time (they cannot be checked in): the same expected line and exit code. */
export const RUNTIME_CASES: { file: string; why: string; message: string; exitCode: number }[] = [
  { file: 'missing.dmp', why: 'a path that does not exist', exitCode: 3,
    message: 'kdsim: missing.dmp: cannot open the dump file: no such file or directory' },
  { file: 'a-directory.dmp', why: 'a directory given as the dump', exitCode: 3,
    message: 'kdsim: a-directory.dmp: is a directory, not a dump file' },
  { file: 'unreadable.dmp', why: 'a sound dump with mode 000 (skipped when running as root)', exitCode: 3,
    message: 'kdsim: unreadable.dmp: cannot open the dump file: permission denied' },
];

/** Writes every case's file and expected.json into `dir`. */
export function writeMalformedCorpus(dir: string): void {
  fs.mkdirSync(dir, { recursive: true });
  const expected: Record<string, { why: string; message: string; exitCode: number; madeAtTestTime?: boolean }> = {};
  for (const c of MALFORMED) {
    fs.writeFileSync(path.join(dir, c.file), c.bytes());
    expected[c.file] = { why: c.why, message: c.message, exitCode: c.exitCode };
  }
  for (const c of RUNTIME_CASES) expected[c.file] = { why: c.why, message: c.message, exitCode: c.exitCode, madeAtTestTime: true };
  fs.writeFileSync(path.join(dir, 'expected.json'), `${JSON.stringify(expected, null, 2)}\n`);
}

if (require.main === module) {
  const dir = path.resolve(__dirname, '..', '..', 'fixtures', 'malformed');
  writeMalformedCorpus(dir);
  process.stdout.write(`wrote ${MALFORMED.length} files and expected.json to ${dir}\n`);
}
