/**
 * Independent check of the reader: dumps made by a generator that is not kdsim, read by volatility3
 * (WindowsCrashDump32Layer + WindowsIntelPAE, DTB from the header); kdsim must see the same header,
 * the same PA → file mapping, and the same bytes and '??' gaps for every recorded read.
 */
import * as fs from 'fs';
import * as path from 'path';
import { openCrashDump } from '../memory/openCrashDump';
import type { CrashDump } from './types';

const INTEROP = path.resolve(__dirname, '..', '..', '..', '..', 'shared', 'interop');

interface InteropJson {
  header: Record<string, string | string[]>;
  reads: { va: string; length: number; bytes: string }[];
}

const h8 = (v: number) => (v >>> 0).toString(16).padStart(8, '0');
const h16 = (v: bigint) => v.toString(16).padStart(16, '0');
const h10 = (v: number) => v.toString(16).padStart(10, '0');

/** kdsim's view of the header in vol_read.py's --header wording. */
function headerAsVolatility(d: CrashDump): Record<string, string | string[]> {
  const h = d.header;
  const c = h.context;
  return {
    Signature: `${h.signature} ${h.validDump}`,
    MajorVersion: h8(h.majorVersion), MinorVersion: h8(h.minorVersion),
    DirectoryTableBase: h8(h.directoryTableBase), PfnDataBase: h8(h.pfnDataBase),
    PsLoadedModuleList: h8(h.psLoadedModuleList), PsActiveProcessHead: h8(h.psActiveProcessHead),
    MachineImageType: h8(h.machineImageType), NumberProcessors: h8(h.numberProcessors),
    BugCheckCode: h8(h.bugCheckCode), PaeEnabled: h8(h.paeEnabled), KdSecondaryVersion: h8(h.kdSecondaryVersion),
    KdDebuggerDataBlock: h8(h.kdDebuggerDataBlock), DumpType: h8(h.dumpType),
    RequiredDumpSpace: h8(Number(h.requiredDumpSpace)), ProductType: h8(h.productType), SuiteMask: h8(h.suiteMask),
    WriterStatus: h8(h.writerStatus), BugCheckParameters: h.bugCheckParameters.map(h8).join(' '),
    SystemUpTime: h16(h.systemUpTime), SystemTime: h16(h.systemTime),
    Comment: `'${h.comment}'`,
    ExceptionCode: h8(h.exception.code), ExceptionAddress: h8(h.exception.address),
    Context: `ContextFlags=${h8(c.contextFlags)} Eip=${h8(c.eip)} Esp=${h8(c.esp)} Ebp=${h8(c.ebp)} EFlags=${h8(c.efl)} SegCs=${h8(c.cs)} SegSs=${h8(c.ss)}`,
    FileSize: h8(d.fileSize),
    NumberOfRuns: String(h.numberOfRuns), NumberOfPages: String(h.numberOfPages),
    runs: h.runs.map((r) => `BasePage ${h8(r.basePage)} PageCount ${h8(r.pageCount)}`),
    segments: h.runs.map((r) => {
      const pa = r.basePage * 0x1000;
      const len = r.pageCount * 0x1000;
      return `PA ${h10(pa)}-${h10(pa + len - 1)} file ${h8(r.fileOffset)}-${h8(r.fileOffset + len - 1)}`;
    }),
  };
}

const dumps = fs.existsSync(INTEROP) ? fs.readdirSync(INTEROP).filter((f) => f.endsWith('.dmp')).sort() : [];

describe('interop: dumps kdsim did not write, as volatility3 read them', () => {
  it(`finds the interop corpus at ${INTEROP}`, () => {
    expect(dumps.length).toBeGreaterThanOrEqual(3);
  });

  describe.each(dumps)('%s', (file) => {
    const expected = JSON.parse(fs.readFileSync(path.join(INTEROP, file.replace(/\.dmp$/, '.json')), 'utf8')) as InteropJson;
    let dump: CrashDump;
    beforeAll(() => { dump = openCrashDump(path.join(INTEROP, file)); });
    afterAll(() => dump?.close());

    it('decodes the header fields, runs and segments volatility3 decoded', () => {
      const ours = headerAsVolatility(dump);
      for (const [field, value] of Object.entries(expected.header)) expect([field, ours[field]]).toEqual([field, value]);
    });

    it(`reads the same bytes and the same gaps at all ${expected.reads.length} recorded VAs`, () => {
      const mismatches: string[] = [];
      for (const r of expected.reads) {
        const got = dump.kernelVm.readSparse(parseInt(r.va, 16), r.length);
        const text = Array.from(got.bytes, (b, i) => (got.readable[i] ? b.toString(16).padStart(2, '0') : '??')).join('');
        if (text !== r.bytes) mismatches.push(`${r.va}+${r.length}: volatility3 ${r.bytes} kdsim ${text}`);
      }
      expect(mismatches).toEqual([]);
    });

    it('opens without kernel-data warnings (the KDBG block is there)', () => {
      expect(dump.warnings).toEqual([]);
    });
  });
});
