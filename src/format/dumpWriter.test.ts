import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { decode } from './codec';
import { DUMP_HEADER32 } from './dumpHeader32';
import { writeFullDump32, type FullDump32Spec } from './dumpWriter';
import { KdsimError } from '../common/errors';

const made: string[] = [];
const tmpDir = () => { const d = fs.mkdtempSync(path.join(os.tmpdir(), 'kdsim-writer-')); made.push(d); return d; };
afterAll(() => made.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
const page = (fill: number) => new Uint8Array(0x1000).fill(fill);

function spec(over: Partial<FullDump32Spec> = {}): FullDump32Spec {
  return {
    header: {
      directoryTableBase: 0x30000, bugCheckCode: 0x7f, bugCheckParameters: [8, 0x80042000, 0, 0],
      context: { eip: 0x8088c0de, esp: 0xf7737000, cs: 8, ss: 0x10, efl: 0x286 }, numberProcessors: 2,
    },
    runs: [{ basePage: 0x30, pageCount: 4 }, { basePage: 0x100, pageCount: 2 }],
    readPage: (pfn) => (pfn === 0x31 ? page(0xaa) : pfn === 0x101 ? page(0x55) : pfn === 0x32 ? page(0) : undefined),
    ...over,
  };
}

describe('writeFullDump32', () => {
  it('lays out the header, then each run in order, with computed run totals and RequiredDumpSpace', async () => {
    const file = path.join(tmpDir(), 'a.dmp');
    const r = await writeFullDump32(file, spec());
    expect(r).toEqual({ fileSize: 0x7000, pagesWritten: 2 });
    const bytes = fs.readFileSync(file);
    expect(bytes.length).toBe(0x7000);
    const h = decode(DUMP_HEADER32, bytes);
    expect(bytes.subarray(0, 8).toString('latin1')).toBe('PAGEDUMP');
    expect(h.PhysicalMemoryBlock.NumberOfRuns).toBe(2);
    expect(h.PhysicalMemoryBlock.NumberOfPages).toBe(6);
    expect(h.PhysicalMemoryBlock.Run[1]).toEqual({ BasePage: 0x100, PageCount: 2 });
    expect(h.PhysicalMemoryBlock.Run[2]).toEqual({ BasePage: 0, PageCount: 0 });
    expect(h.RequiredDumpSpace).toBe(0x7000n);
    expect(h.ContextRecord.Eip).toBe(0x8088c0de);
    expect(h.ContextRecord.ContextFlags).toBe(0x1003f);
    expect(h.Exception.ExceptionCode).toBe(0x80000003);
    expect(h.Exception.ExceptionAddress).toBe(0x8088c0de);
    expect(h.MachineImageType).toBe(0x14c);
    expect(h.DumpType).toBe(1);
    expect(h.MinorVersion).toBe(3790);
    // PFN 0x31 is the second page of run 0: file page 2; PFN 0x101 is the last page: file page 6.
    expect(bytes[0x2000]).toBe(0xaa);
    expect(bytes[0x6fff]).toBe(0x55);
    expect(bytes.subarray(0x3000, 0x4000).every((b) => b === 0)).toBe(true);
  });

  it('keeps the PAGE fill in the fields a kernel leaves unwritten', async () => {
    const file = path.join(tmpDir(), 'fill.dmp');
    await writeFullDump32(file, spec());
    const bytes = fs.readFileSync(file);
    for (const off of [0x3c, 0x5ec, 0x820, 0x8a8, 0xf8c, 0xf90, 0xfc8]) {
      expect(bytes.subarray(off, off + 4).toString('latin1')).toBe('PAGE');
    }
    expect(bytes[0x5d]).toBe(0); // KdSecondaryVersion written explicitly
  });

  it('writes a 4 GiB-RAM machine sparsely: the file is sized but only touched pages take disk', async () => {
    const file = path.join(tmpDir(), 'big.dmp');
    const t0 = Date.now();
    const r = await writeFullDump32(file, spec({
      runs: [{ basePage: 1, pageCount: 0x9e }, { basePage: 0x100, pageCount: 0xfff00 }],
      readPage: (pfn) => (pfn % 0x10000 === 5 ? page(1) : undefined),
    }));
    expect(r.fileSize).toBe(0x1000 + (0x9e + 0xfff00) * 0x1000);
    expect(r.pagesWritten).toBe(16);
    const st = fs.statSync(file);
    expect(st.size).toBe(r.fileSize);
    expect(st.blocks * 512).toBeLessThan(16 * 1024 * 1024);
    expect(Date.now() - t0).toBeLessThan(20000);
  });

  it('replaces the target atomically and leaves no temporary file behind', async () => {
    const dir = tmpDir();
    const file = path.join(dir, 'same.dmp');
    fs.writeFileSync(file, 'old');
    await writeFullDump32(file, spec());
    expect(fs.readdirSync(dir)).toEqual(['same.dmp']);
    expect(fs.statSync(file).size).toBe(0x7000);
  });

  it.each([
    ['no runs', [], 'kdsim: cannot write dump: no physical memory runs'],
    ['overlapping runs', [{ basePage: 0x10, pageCount: 4 }, { basePage: 0x12, pageCount: 1 }], 'kdsim: cannot write dump: run 1 at PFN 0x12 overlaps or precedes run 0'],
    ['an empty run', [{ basePage: 0x10, pageCount: 0 }], 'kdsim: cannot write dump: run 0 {BasePage 16, PageCount 0} is not a non-empty page range'],
    ['too many runs', Array.from({ length: 87 }, (_, i) => ({ basePage: i * 2, pageCount: 1 })), 'kdsim: cannot write dump: 87 runs exceed the 86 a DUMP_HEADER32 can hold'],
  ])('refuses %s and writes nothing', async (_name, runs, message) => {
    const dir = tmpDir();
    const file = path.join(dir, 'x.dmp');
    const err = await writeFullDump32(file, spec({ runs })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(KdsimError);
    expect((err as KdsimError).message).toBe(message);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('removes its temporary file when readPage fails', async () => {
    const dir = tmpDir();
    const err = await writeFullDump32(path.join(dir, 'y.dmp'), spec({ readPage: () => new Uint8Array(10).fill(1) })).catch((e: unknown) => e);
    expect((err as Error).message).toBe('kdsim: cannot write dump: readPage(0x30) returned 10 bytes, not a page');
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
