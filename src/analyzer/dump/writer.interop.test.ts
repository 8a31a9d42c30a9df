/**
 * The other direction of the format check: kdsim's writer makes a dump (a few hundred mapped pages through
 * three runs, one above 4 GiB, a 2 MiB page, NX bits, a transition PTE, a guard page) and volatility3
 * (../shared/tools/vol_read.py) must read its header and every mapped VA exactly as kdsim does, and report
 * the unmapped VAs as unreadable. Needs VOLATILITY3_PATH; without it the test says it skipped.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { writeFullDump32 } from '../../format/dumpWriter';
import { openCrashDump } from '../memory/openCrashDump';
import { PTE_NX, TestMachine } from '../../testing/testMachine';

const VOL_READ = path.resolve(__dirname, '..', '..', '..', '..', 'shared', 'tools', 'vol_read.py');
const volPath = process.env.VOLATILITY3_PATH;
const suite = volPath ? describe : describe.skip;
// Jest hides the console of a suite whose tests are all skipped, so the line goes to stdout itself.
if (!volPath) process.stdout.write('writer.interop.test.ts: skipped (set VOLATILITY3_PATH to a volatility3 checkout to run it)\n');

/** Deterministic bytes (xorshift32) so a failure reproduces. */
function prng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => { s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0; return s; };
}

const volRead = (args: string[], input?: string): string =>
  execFileSync('python3', [VOL_READ, ...args], { input, encoding: 'utf8', env: { ...process.env, VOLATILITY3_PATH: volPath }, maxBuffer: 64 << 20 });

suite('volatility3 reads what kdsim writes', () => {
  // Made in beforeAll: a skipped suite still runs this body but never its hooks.
  let dir = '';
  let file = '';
  const rand = prng(0x7f08);
  const mapped: number[] = [];
  const unmapped: number[] = [];

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kdsim-vol-'));
    file = path.join(dir, 'kdsim-written.dmp');
    const m = new TestMachine([{ basePage: 0x30, pageCount: 0x180 }, { basePage: 0x400, pageCount: 0x200 }, { basePage: 0x110000, pageCount: 0x100 }]);
    const fill = (pa: number) => m.writePhys(pa, Uint8Array.from({ length: 0x1000 }, () => rand() & 0xff));
    for (let i = 0; i < 200; i++) { // low-memory pages, some NX
      const va = 0x80800000 + i * 0x1000;
      fill(m.map(va, undefined, i % 3 === 0 ? PTE_NX : 0n));
      mapped.push(va);
    }
    for (let i = 0; i < 120; i++) { // pages above 4 GiB with software bits set
      const va = 0xf7700000 + i * 0x2000;
      const pa = 0x110000000 + i * 0x1000;
      m.map(va, pa, PTE_NX | (0x155n << 52n));
      fill(pa);
      mapped.push(va);
      unmapped.push(va + 0x1000);
    }
    m.mapLarge(0x81000000, 0x400000);
    for (let i = 0; i < 0x200; i += 37) { fill(0x400000 + i * 0x1000); mapped.push(0x81000000 + i * 0x1000); }
    const tpa = m.allocPage();
    fill(tpa);
    m.setPte(0xb8ae4000, BigInt(tpa) | 0x800n | (4n << 5n)); // transition
    m.setPte(0xb8ae5000, 0x80n); // guard
    mapped.push(0xb8ae4000);
    unmapped.push(0xb8ae5000, 0x00400000, 0x7ffe0000, 0xc1000000);
    await writeFullDump32(file, m.spec({ kdDebuggerDataBlock: 0x80800e78, numberProcessors: 2, comment: 'kdsim writer interop', systemTime: 0x01ca6d6b2f1e0000n, systemUpTime: 0x2e4b1a00n, context: { eip: 0x8088c0de, esp: 0xf7737000, ebp: 0xf7737010, cs: 8, ss: 0x10, efl: 0x286 } }));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('parses the header and runs as kdsim wrote them', () => {
    const lines = volRead([file, '--header']).trim().split('\n');
    const field = (name: string) => lines.find((l) => l.startsWith(`${name} `))?.slice(21);
    const d = openCrashDump(file);
    expect(field('Signature')).toBe('PAGE DUMP');
    expect(field('DirectoryTableBase')).toBe('00030000');
    expect(field('MachineImageType')).toBe('0000014c');
    expect(field('NumberProcessors')).toBe('00000002');
    expect(field('PaeEnabled')).toBe('00000001');
    expect(field('KdDebuggerDataBlock')).toBe('80800e78');
    expect(field('DumpType')).toBe('00000001');
    expect(field('BugCheckParameters')).toBe('00000008 80042000 00000000 00000000');
    expect(field('SystemTime')).toBe('01ca6d6b2f1e0000');
    expect(field('Comment')).toBe("'kdsim writer interop'");
    expect(field('ExceptionCode')).toBe('80000003');
    expect(field('Context')).toBe('ContextFlags=0001003f Eip=8088c0de Esp=f7737000 Ebp=f7737010 EFlags=00000286 SegCs=00000008 SegSs=00000010');
    expect(field('RequiredDumpSpace')).toBe(d.fileSize.toString(16).padStart(8, '0'));
    expect(lines.filter((l) => l.startsWith('run '))).toEqual([
      'run BasePage 00000030 PageCount 00000180', 'run BasePage 00000400 PageCount 00000200', 'run BasePage 00110000 PageCount 00000100']);
    expect(lines.filter((l) => l.startsWith('segment '))).toEqual(d.header.runs.map((r) => {
      const pa = r.basePage * 0x1000, len = r.pageCount * 0x1000;
      return `segment PA ${pa.toString(16).padStart(10, '0')}-${(pa + len - 1).toString(16).padStart(10, '0')} file ${r.fileOffset.toString(16).padStart(8, '0')}-${(r.fileOffset + len - 1).toString(16).padStart(8, '0')}`;
    }));
    d.close();
  });

  it('reads every mapped VA byte for byte as kdsim does, and no byte of an unmapped VA', () => {
    const requests = [
      ...mapped.map((va) => ({ va: va + (rand() % 0xf00), length: 0x40, mapped: true })),
      ...mapped.slice(0, 40).map((va) => ({ va, length: 0x1000, mapped: true })),
      ...unmapped.map((va) => ({ va, length: 0x20, mapped: false })),
    ];
    const vol = volRead([file, '--batch', '--bytes'], requests.map((r) => `${r.va.toString(16)} ${r.length.toString(16)}`).join('\n')).trim().split('\n');
    const d = openCrashDump(file);
    const problems: string[] = [];
    requests.forEach((r, i) => {
      const s = d.kernelVm.readSparse(r.va, r.length);
      const ours = Array.from(s.bytes, (b, j) => (s.readable[j] ? b.toString(16).padStart(2, '0') : '??')).join('');
      if (ours !== vol[i]) problems.push(`${r.va.toString(16)}: kdsim ${ours.slice(0, 32)}… volatility3 ${vol[i]?.slice(0, 32)}…`);
      if (r.mapped === ours.includes('??')) problems.push(`${r.va.toString(16)}: expected ${r.mapped ? 'readable' : 'unreadable'}`);
    });
    d.close();
    expect(requests.length).toBeGreaterThan(300);
    expect(problems).toEqual([]);
  });
});
