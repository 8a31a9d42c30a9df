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
import {
  BITMAP_DUMP_BITMAP_AT, BITMAP_DUMP_HEADER, DUMP_FULL_SIGNATURE, DUMP_SUMMARY_SIGNATURE, DUMP_SUMMARY_VALID,
  SUMMARY_BITMAP_AT, SUMMARY_DUMP32,
} from '../format/summaryDump32';

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
const NOT_YET = 'is not supported yet; kdsim reads 32-bit complete, kernel summary and bitmap dumps (PAGEDUMP, DumpType 1, 2, 5)';

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

// ---- Dump types and damaged dumps (issue 11 items 4–5) ------------------------------------------------------------
// Summary (DumpType 2) and bitmap (DumpType 5) headers that cannot be trusted are refused; files that are merely
// cut short open with WinDbg's truncation warning and live apart, in fixtures/damaged/ (DAMAGED below).

/** A summary (2) or bitmap (5) dump: sound DUMP_HEADER32, the page-bitmap header at 0x1000 patched by `patch`. */
function bitmapDump(dumpType: 2 | 5, saved: number[], filePages: number, patch: Record<string, number | bigint> = {}): Uint8Array {
  const bits = 0x200;
  const words = new Uint32Array(bits / 32);
  for (const pfn of saved) words[pfn >>> 5] |= 1 << (pfn & 31);
  const head = dump({ DumpType: dumpType }, [{ basePage: 0, pageCount: bits }], []).slice(0, 0x1000);
  const out = new Uint8Array(0x2000 + filePages * 0x1000);
  out.set(head, 0);
  const fields = dumpType === 2
    ? { Signature: DUMP_SUMMARY_SIGNATURE, ValidDump: DUMP_SUMMARY_VALID, DumpOptions: 1, HeaderSize: 0x2000, BitmapSize: bits, Pages: saved.length, SizeOfBitMap: bits, BitmapBufferSlot: 0 }
    : { Signature: DUMP_FULL_SIGNATURE, ValidDump: DUMP_SUMMARY_VALID, DumpOptions: 0, FirstPage: 0x2000n, TotalPresentPages: BigInt(saved.length), BitmapSize: BigInt(bits) };
  if (dumpType === 2) encode(SUMMARY_DUMP32, { ...fields, ...patch } as never, out, 0x1000);
  else encode(BITMAP_DUMP_HEADER, { ...fields, ...patch } as never, out, 0x1000);
  Buffer.from(words.buffer).copy(out, 0x1000 + (dumpType === 2 ? SUMMARY_BITMAP_AT : BITMAP_DUMP_BITMAP_AT));
  // The DTB's page (PFN 0x30) is the first saved page: an empty PDPT, so the paging root check passes.
  return out;
}

const DUMP_TYPE_CASES: MalformedCase[] = [
  { file: 'summary-dump.dmp', why: "DumpType 2 without the 'SDMP' SUMMARY_DUMP32 at 0x1000", bytes: () => dump({ DumpType: 2 }), exitCode: FORMAT,
    message: "kdsim: summary-dump.dmp: DumpType 2 needs the 'SDMP' SUMMARY_DUMP32 at 0x1000; Signature is (0x00000000) (file offset 0x1000)" },
  { file: 'summary-validdump.dmp', why: "SUMMARY_DUMP32 ValidDump is not 'DUMP'", bytes: () => bitmapDump(2, [0x30], 1, { ValidDump: 0x45474150 }), exitCode: FORMAT,
    message: "kdsim: summary-validdump.dmp: SUMMARY_DUMP32 ValidDump 'PAGE' (0x45474150) is not 'DUMP' (file offset 0x1004)" },
  { file: 'summary-pages-mismatch.dmp', why: 'Pages says 5, the bitmap has 2 bits set', bytes: () => bitmapDump(2, [0x30, 0x31], 2, { Pages: 5 }), exitCode: FORMAT,
    message: 'kdsim: summary-pages-mismatch.dmp: SUMMARY_DUMP32 Pages 0x5 is not the number of bits set in the page bitmap (0x2) (file offset 0x1014)' },
  { file: 'summary-sizeofbitmap.dmp', why: 'Bitmap.SizeOfBitMap disagrees with BitmapSize', bytes: () => bitmapDump(2, [0x30], 1, { SizeOfBitMap: 0x100 }), exitCode: FORMAT,
    message: 'kdsim: summary-sizeofbitmap.dmp: SUMMARY_DUMP32 Bitmap.SizeOfBitMap 0x100 is not BitmapSize 0x200 (file offset 0x1018)' },
  { file: 'summary-bitmap-past-eof.dmp', why: 'a 2^27-bit bitmap (16 MiB) in a 12 KiB file', bytes: () => bitmapDump(2, [0x30], 1, { BitmapSize: 0x8000000, SizeOfBitMap: 0x8000000 }), exitCode: FORMAT,
    message: 'kdsim: summary-bitmap-past-eof.dmp: the 0x8000000-bit page bitmap ends at file offset 0x1001020, past the end of the 0x3000-byte file (truncated dump?) (file offset 0x1010)' },
  { file: 'summary-headersize-in-header.dmp', why: 'HeaderSize 0x1000: page data would start inside the headers', bytes: () => bitmapDump(2, [0x30], 1, { HeaderSize: 0x1000 }), exitCode: FORMAT,
    message: 'kdsim: summary-headersize-in-header.dmp: SUMMARY_DUMP32 HeaderSize 0x1000 is not a page-aligned offset past the bitmap (which ends at 0x1060) (file offset 0x100c)' },
  { file: 'bitmap-signature.dmp', why: "DumpType 5 with 'PAGE' fill where 'FDMP' belongs", bytes: () => bitmapDump(5, [0x30], 1, { Signature: 0x45474150 }), exitCode: FORMAT,
    message: "kdsim: bitmap-signature.dmp: DumpType 5 needs the 'FDMP' or 'SDMP' bitmap dump header at 0x1000; Signature is 'PAGE' (0x45474150) (file offset 0x1000)" },
  { file: 'bitmap-size-zero.dmp', why: 'BitmapSize 0', bytes: () => bitmapDump(5, [], 0, { BitmapSize: 0n }), exitCode: FORMAT,
    message: 'kdsim: bitmap-size-zero.dmp: bitmap dump header BitmapSize 0x0 is zero: the dump describes no memory (file offset 0x1030)' },
  { file: 'bitmap-firstpage-huge.dmp', why: 'FirstPage 2^63', bytes: () => bitmapDump(5, [0x30], 1, { FirstPage: 2n ** 63n }), exitCode: FORMAT,
    message: 'kdsim: bitmap-firstpage-huge.dmp: bitmap dump header FirstPage 0x8000000000000000 is beyond any 40-bit PAE machine (file offset 0x1020)' },
];
MALFORMED.push(...DUMP_TYPE_CASES);

/** Damaged files that open: each with the exact first warning line and what still reads. */
export interface DamagedCase { file: string; why: string; bytes(): Uint8Array; warning: string[] }

const TRUNCATED = (file: number, described: number, missing: number) => [
  '*'.repeat(60), 'WARNING: Dump file has been truncated.  Data may be missing.', '*'.repeat(60),
  `kdsim: the file is 0x${file.toString(16)} bytes; its header describes 0x${described.toString(16)} (${missing} page${missing === 1 ? '' : 's'} missing, read as ????????)`,
];

export const DAMAGED: DamagedCase[] = [
  { file: 'full-run-past-eof.dmp', why: 'full dump: the second run claims 0x20 pages the file does not have',
    bytes: () => dump(runs([[0x30, 1], [0x100, 0x20]])), warning: TRUNCATED(0x2000, 0x22000, 0x20) },
  { file: 'summary-cut-short.dmp', why: 'summary dump: 3 pages saved, the file holds the first',
    bytes: () => bitmapDump(2, [0x30, 0x100, 0x101], 1), warning: TRUNCATED(0x3000, 0x5000, 2) },
  { file: 'bitmap-cut-short.dmp', why: 'bitmap dump: 3 pages saved, the file holds the first',
    bytes: () => bitmapDump(5, [0x30, 0x100, 0x101], 1), warning: TRUNCATED(0x3000, 0x5000, 2) },
];

/** Writes every damaged case and its expected.json (the warning lines) into `dir`. */
export function writeDamagedCorpus(dir: string): void {
  fs.mkdirSync(dir, { recursive: true });
  const expected: Record<string, { why: string; warning: string[] }> = {};
  for (const c of DAMAGED) {
    fs.writeFileSync(path.join(dir, c.file), c.bytes());
    expected[c.file] = { why: c.why, warning: c.warning };
  }
  fs.writeFileSync(path.join(dir, 'expected.json'), `${JSON.stringify(expected, null, 2)}\n`);
}
// ---- end of the dump-types block ----------------------------------------------------------------------------------

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
  const damaged = path.resolve(__dirname, '..', '..', 'fixtures', 'damaged');
  writeDamagedCorpus(damaged);
  process.stdout.write(`wrote ${DAMAGED.length} files and expected.json to ${damaged}\n`);
}
