/**
 * One machine, three file formats: the bitmap dump holds every page the full dump holds, byte for byte, at the
 * offsets its bitmap gives; the kernel summary dump holds the kernel-space pages and page tables and no user page;
 * both headers are what the format says (dump-format.md §1.4, §1.5).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { simulate } from '../simulate';
import { openCrashDump } from '../../analyzer/memory/openCrashDump';

/** StackHog.exe's PEB (the got-stack scenario's plan). */
const PEB = 0x7ffdf000;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kdsim-dumptypes-'));
const file = (t: string) => path.join(dir, `${t}.dmp`);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

beforeAll(async () => {
  for (const dumpType of ['full', 'kernel', 'bitmap'] as const) await simulate({ scenario: 'got-stack', output: file(dumpType), dumpType });
}, 60000);

describe('simulate --dump-type', () => {
  it('writes a bitmap dump (DumpType 5, FDMP) whose every page equals the full dump\'s', () => {
    const full = openCrashDump(file('full'));
    const bmp = openCrashDump(file('bitmap'));
    try {
      expect(bmp.header.dumpType).toBe(5);
      expect(bmp.header.bitmap).toMatchObject({ kind: 'BITMAP_DUMP', signature: 'FDMP', validDump: 'DUMP', headerSize: 0x2000, pages: full.header.numberOfPages });
      expect(bmp.fileSize).toBe(0x2000 + full.header.numberOfPages * 0x1000);
      expect(Number(bmp.header.requiredDumpSpace)).toBe(bmp.fileSize);
      for (const r of full.header.runs) {
        for (let pfn = r.basePage; pfn < r.basePage + r.pageCount; pfn++) {
          const a = full.phys.read(pfn * 0x1000, 0x1000)!;
          const b = bmp.phys.read(pfn * 0x1000, 0x1000);
          if (!b || !Buffer.from(a).equals(Buffer.from(b))) throw new Error(`PFN 0x${pfn.toString(16)} differs`);
        }
      }
      expect(bmp.warnings.filter((w) => w.includes('truncated'))).toEqual([]);
    } finally {
      full.close();
      bmp.close();
    }
  });

  it('writes a kernel summary dump (DumpType 2, SDMP) with kernel space and page tables but no user page', () => {
    const full = openCrashDump(file('full'));
    const k = openCrashDump(file('kernel'));
    try {
      expect(k.header.dumpType).toBe(2);
      const b = k.header.bitmap!;
      expect(b).toMatchObject({ kind: 'SUMMARY_DUMP32', signature: 'SDMP', dumpOptions: 1 });
      expect(b.pages).toBeLessThan(full.header.numberOfPages);
      expect(k.fileSize).toBe(b.headerSize + b.pages * 0x1000);
      // Kernel VAs read the same: the KDBG block, the PCR, the page tables through the self-map.
      for (const va of [k.header.kdDebuggerDataBlock, 0xffdff000, 0xc0600000, k.header.psActiveProcessHead]) {
        expect(Buffer.from(k.kernelVm.read(va, 0x100)!)).toEqual(Buffer.from(full.kernelVm.read(va, 0x100)!));
      }
      // User space is in the full dump only: StackHog.exe's PEB, through the process CR3 that the interrupted
      // TSS (BugCheck Arg2) holds at KTSS+0x1c.
      const tss = k.header.bugCheckParameters[1];
      const cr3 = k.kernelVm.readU32(tss + 0x1c)!;
      expect(cr3).toBe(full.kernelVm.readU32(tss + 0x1c));
      expect(full.kernelVm.withDtb(cr3).read(PEB, 4)).not.toBeNull();
      expect(k.kernelVm.withDtb(cr3).read(PEB, 4)).toBeNull();
    } finally {
      full.close();
      k.close();
    }
  });
});
