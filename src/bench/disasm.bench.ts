/**
 * What the disassembler costs, and that it costs nothing when unused:
 *  - `kdsim analyze <fixture> -c "u 8088c718"` vs `-c "dd 8088c718 L1"`, end to end (ratios to `node -e 0`);
 *    the note of the `dd` row says whether iced-x86 was loaded at all (a --require hook inspects the module
 *    cache at exit), the note of the `u` row gives the u/dd difference in ms;
 *  - in process: decoding and formatting 1,000 instructions once iced-x86 is loaded.
 * The end-to-end rows are listed only when the fixture exists (`npm run fixtures`).
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { VirtualMemory } from '../analyzer/memory/types';
import type { Bench } from './types';

const REPO = path.resolve(__dirname, '..', '..');
const FIXTURE = path.join(REPO, 'fixtures', 'dumps', 'got-stack.dmp');
const KDSIM = path.join(REPO, 'bin', 'kdsim'); // the user's entry: the bundle
const HOOK = path.join(os.tmpdir(), 'kdsim-bench-iced-hook.js');

const argv = (cmd: string, hook = false): string[] =>
  [process.execPath, ...(hook ? ['-r', HOOK] : []), KDSIM, 'analyze', FIXTURE, '--no-banner', '-c', cmd];

/** Runs once with the hook: did the process load iced-x86? */
function icedLoadedBy(cmd: string): string {
  fs.writeFileSync(HOOK, "process.on('exit', () => { const hit = Object.keys(require.cache).some((k) => k.includes('iced-x86'));"
    + " process.stderr.write('ICED=' + hit + '\\n'); });\n");
  // The hook writes to stderr, which execFileSync does not return on success: read it from spawnSync.
  const r = spawnSync(argv(cmd, true)[0], argv(cmd, true).slice(1), { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
  return r.stderr ?? '';
}

const timeOnce = (cmd: string): number => {
  const t = process.hrtime.bigint();
  try { execFileSync(argv(cmd)[0], argv(cmd).slice(1), { stdio: 'ignore' }); } catch { /* timing only */ }
  return Number(process.hrtime.bigint() - t) / 1e6;
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const U = 'u 8088c718';
const DD = 'dd 8088c718 L1';

const endToEnd: Bench[] = [
  {
    name: `analyze -c "${DD}" (no disassembly)`, command: () => argv(DD), runs: 7,
    note: () => (/ICED=false/.test(icedLoadedBy(DD)) ? 'iced-x86 not loaded' : 'iced-x86 LOADED (regression)'),
  },
  {
    name: `analyze -c "${U}"`, command: () => argv(U), runs: 7,
    note: () => {
      const d = median([0, 1, 2].map(() => timeOnce(U) - timeOnce(DD)));
      return `u costs ${d.toFixed(0)} ms more than dd (iced-x86 wasm compile + decode)`;
    },
  },
];

/** A flat byte image as a VirtualMemory, so the in-process bench needs no dump. */
function imageMemory(base: number, bytes: Uint8Array): VirtualMemory {
  const read = (va: number, n: number) => (va >= base && va + n <= base + bytes.length ? bytes.subarray(va - base, va - base + n) : null);
  const vm: VirtualMemory = {
    dtb: 0, pae: true,
    translate: (va) => ({ ok: true, pa: va, large: false }),
    readSparse: (va, n) => {
      const out = new Uint8Array(n), ok = new Uint8Array(n);
      for (let i = 0; i < n; i++) { const b = read(va + i, 1); if (b) { out[i] = b[0]; ok[i] = 1; } }
      return { bytes: out, readable: ok };
    },
    read, readU8: (va) => read(va, 1)?.[0] ?? null,
    readU16: () => null, readU32: () => null, readU64: () => null, withDtb: () => vm,
  };
  return vm;
}

// A prologue-heavy stretch of typical compiler output, repeated.
const SAMPLE = [0x8b, 0xff, 0x55, 0x8b, 0xec, 0x83, 0xec, 0x10, 0x53, 0x56, 0x57, 0x8b, 0x7d, 0x08, 0x8b, 0x45, 0x0c,
  0x89, 0x45, 0xfc, 0x85, 0xc0, 0x74, 0x05, 0xe8, 0x00, 0x10, 0x00, 0x00, 0x5f, 0x5e, 0x5b, 0xc9, 0xc2, 0x08, 0x00];
const CODE = new Uint8Array(Array.from({ length: 200 }, () => SAMPLE).flat());

const inProcess: Bench = {
  name: 'disassemble 1,000 instructions (iced loaded)',
  setup: async () => { (await import('../analyzer/disasm')).decodeAt(imageMemory(0x1000, CODE), undefined, 0x1000); },
  fn: async () => {
    const { listForward } = await import('../analyzer/disasm');
    const vm = imageMemory(0x80800000, CODE);
    const symbols = { format: () => undefined, lookup: () => undefined } as unknown as Parameters<typeof listForward>[1];
    listForward(vm, symbols, 0x80800000, 1000);
  },
  runs: 5,
};

export const benches: Bench[] = [...(fs.existsSync(FIXTURE) && fs.existsSync(KDSIM) ? endToEnd : []), inProcess];
