/**
 * volatility3 (../shared/tools/vol_read.py, its WindowsCrashDump32Layer) reads kdsim's bitmap dumps (DumpType 5)
 * identically: the header, the bitmap-to-page mapping (volatility3's segments = kdsim's saved ranges with their
 * file offsets) and every mapped VA, byte for byte, with the pages left out of the bitmap unreadable to both.
 * Also records the other finding: volatility3 refuses 32-bit kernel summary dumps (DumpType 2).
 * Needs VOLATILITY3_PATH; without it the test says it skipped.
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { writeBitmapDump32 } from '../../format/bitmapDumpWriter';
import { DumpType } from '../../format/dumpHeader32';
import { openCrashDump } from '../memory/openCrashDump';
import { PTE_NX, TestMachine } from '../../testing/testMachine';

const VOL_READ = path.resolve(__dirname, '..', '..', '..', '..', 'shared', 'tools', 'vol_read.py');
const volPath = process.env.VOLATILITY3_PATH;
const suite = volPath ? describe : describe.skip;
if (!volPath) console.log('bitmapWriter.interop.test: skipped — set VOLATILITY3_PATH to a volatility3 checkout to run it');

function prng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => { s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0; return s; };
}

const env = { ...process.env, VOLATILITY3_PATH: volPath };
const volRead = (args: string[], input?: string): string =>
  execFileSync('python3', [VOL_READ, ...args], { input, encoding: 'utf8', env, maxBuffer: 64 << 20 });
const h = (v: number, n: number) => v.toString(16).padStart(n, '0');

suite('volatility3 reads the bitmap dumps kdsim writes', () => {
  const dir = volPath ? fs.mkdtempSync(path.join(os.tmpdir(), 'kdsim-vol-bmp-')) : ''; // a skipped suite makes nothing
  const bitmapFile = path.join(dir, 'kdsim-bitmap.dmp');
  const summaryFile = path.join(dir, 'kdsim-summary.dmp');
  const rand = prng(0x0b17);
  const saved: number[] = [];
  const kept: number[] = [];
  const dropped: number[] = [];

  beforeAll(async () => {
    const m = new TestMachine([{ basePage: 0x30, pageCount: 0x180 }, { basePage: 0x400, pageCount: 0x200 }, { basePage: 0x110000, pageCount: 0x80 }]);
    const fill = (pa: number) => m.writePhys(pa, Uint8Array.from({ length: 0x1000 }, () => rand() & 0xff));
    const data = new Set<number>();
    for (let i = 0; i < 240; i++) { // every 7th data page is left out of the bitmap
      const va = 0x80800000 + i * 0x1000;
      const pa = m.map(va, undefined, i % 3 === 0 ? PTE_NX : 0n);
      fill(pa);
      data.add(pa / 0x1000);
      (i % 7 === 3 ? dropped : kept).push(va);
    }
    for (let i = 0; i < 60; i++) { // pages above 4 GiB
      const va = 0xf7700000 + i * 0x2000;
      const pa = 0x110000000 + i * 0x1000;
      m.map(va, pa, PTE_NX);
      fill(pa);
      data.add(pa / 0x1000);
      (i % 5 === 0 ? dropped : kept).push(va);
    }
    const droppedPfns = new Set(dropped.map((va) => {
      const i = va >= 0xf7700000 ? (va - 0xf7700000) / 0x2000 : -1;
      return i >= 0 ? 0x110000 + i : [...data][(va - 0x80800000) / 0x1000];
    }));
    for (const r of m.runs) for (let p = r.basePage; p < r.basePage + r.pageCount; p++) if (!droppedPfns.has(p)) saved.push(p);
    const spec = m.spec({ kdDebuggerDataBlock: 0x80800e78, numberProcessors: 2, comment: 'kdsim bitmap interop', context: { eip: 0x8088c0de, esp: 0xf7737000, cs: 8, ss: 0x10, efl: 0x286 } });
    await writeBitmapDump32(bitmapFile, { ...spec, dumpType: DumpType.BITMAP_FULL, savedPfns: saved });
    await writeBitmapDump32(summaryFile, { ...spec, dumpType: DumpType.SUMMARY, savedPfns: saved });
  });
  afterAll(() => { if (dir) fs.rmSync(dir, { recursive: true, force: true }); });

  it('parses the header and maps the bitmap to the same file offsets', () => {
    const lines = volRead([bitmapFile, '--header']).trim().split('\n');
    const field = (name: string) => lines.find((l) => l.startsWith(`${name} `))?.slice(21);
    const d = openCrashDump(bitmapFile);
    try {
      expect(field('Signature')).toBe('PAGE DUMP');
      expect(field('DumpType')).toBe('00000005');
      expect(field('DirectoryTableBase')).toBe(h(d.header.directoryTableBase, 8));
      expect(field('KdDebuggerDataBlock')).toBe('80800e78');
      expect(field('Comment')).toBe("'kdsim bitmap interop'");
      expect(field('RequiredDumpSpace')).toBe(h(d.fileSize, 8));
      expect(field('FileSize')).toBe(h(d.fileSize, 8));
      const segments = lines.filter((l) => l.startsWith('segment '));
      const ours = d.header.bitmap!.saved.map((r) => {
        const pa = r.basePage * 0x1000, len = r.pageCount * 0x1000;
        return `segment PA ${h(pa, 10)}-${h(pa + len - 1, 10)} file ${h(r.fileOffset, 8)}-${h(r.fileOffset + len - 1, 8)}`;
      });
      expect(ours.length).toBeGreaterThan(40); // the dropped pages split the memory into many segments
      expect(segments).toEqual(ours);
      expect(d.header.bitmap!.pages).toBe(saved.length);
    } finally {
      d.close();
    }
  });

  it('reads every VA byte for byte as kdsim does; pages left out of the bitmap are unreadable to both', () => {
    const requests = [
      ...kept.map((va) => ({ va: va + (rand() % 0xf00), length: 0x40, readable: true })),
      ...kept.slice(0, 30).map((va) => ({ va, length: 0x1000, readable: true })),
      ...dropped.map((va) => ({ va, length: 0x20, readable: false })),
      { va: 0x80800000 + 0xff0, length: 0x20, readable: true }, // across two saved pages
    ];
    const vol = volRead([bitmapFile, '--batch', '--bytes'], requests.map((r) => `${r.va.toString(16)} ${r.length.toString(16)}`).join('\n')).trim().split('\n');
    const d = openCrashDump(bitmapFile);
    const problems: string[] = [];
    requests.forEach((r, i) => {
      const s = d.kernelVm.readSparse(r.va, r.length);
      const ours = Array.from(s.bytes, (b, j) => (s.readable[j] ? h(b, 2) : '??')).join('');
      if (ours !== vol[i]) problems.push(`${r.va.toString(16)}: kdsim ${ours.slice(0, 32)}… volatility3 ${vol[i]?.slice(0, 32)}…`);
      if (r.readable === ours.includes('??')) problems.push(`${r.va.toString(16)}: expected ${r.readable ? 'readable' : 'unreadable'}`);
    });
    d.close();
    expect(requests.length).toBeGreaterThan(300);
    expect(problems).toEqual([]);
  });

  it('finds that volatility3 does not read 32-bit kernel summary dumps (DumpType 2), which kdsim reads', () => {
    const r = spawnSync('python3', [VOL_READ, summaryFile, '--header'], { encoding: 'utf8', env });
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe('vol_read: WindowsCrashDumpFormatException: unsupported dump format 0x2');
    const d = openCrashDump(summaryFile);
    expect(d.kernelVm.read(kept[0], 16)).not.toBeNull();
    d.close();
  });
});

suite('volatility3 reads the simulated got-stack machine as a bitmap dump', () => {
  const dir = volPath ? fs.mkdtempSync(path.join(os.tmpdir(), 'kdsim-vol-bmp-sim-')) : '';
  const dump = path.join(dir, 'got-stack-bitmap.dmp');
  afterAll(() => { if (dir) fs.rmSync(dir, { recursive: true, force: true }); });

  it('reads every kernel page the analyzer reads (1 KiB from each present kernel page), and finds the same DTB by its own scan', async () => {
    const { simulate } = await import('../../simulator/simulate');
    await simulate({ scenario: 'got-stack', output: dump, dumpType: 'bitmap' });
    const d = openCrashDump(dump);
    const requests: { va: number; length: number }[] = [];
    try {
      // Every present kernel page through the header DTB (PDPTEs 2 and 3), one read at a varying offset in each.
      for (let va = 0x80000000; va < 0x100000000; va += 0x1000) {
        if (va === 0xc0000000) va = 0xc0800000; // the self-map's page tables are read through the pages they map
        const t = d.kernelVm.translate(va);
        if (t.ok) requests.push({ va: va + ((va >>> 12) % 0xc00), length: 0x400 });
      }
      expect(requests.length).toBeGreaterThan(500);
      const vol = volRead([dump, '--batch', '--bytes'], requests.map((r) => `${r.va.toString(16)} ${r.length.toString(16)}`).join('\n')).trim().split('\n');
      const problems: string[] = [];
      requests.forEach((r, i) => {
        const s = d.kernelVm.readSparse(r.va, r.length);
        const ours = Array.from(s.bytes, (b, j) => (s.readable[j] ? h(b, 2) : '??')).join('');
        if (ours !== vol[i]) problems.push(`${r.va.toString(16)}: kdsim ${ours.slice(0, 32)}… volatility3 ${vol[i]?.slice(0, 32)}…`);
      });
      expect(problems).toEqual([]);
      const scan = volRead([dump, '--find-dtb']).trim();
      expect(scan).toContain(`same as the header's DirectoryTableBase ${h(d.header.directoryTableBase, 8)}`);
    } finally {
      d.close();
    }
  }, 120000);
});
