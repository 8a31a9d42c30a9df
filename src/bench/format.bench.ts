/**
 * Format benches: 1,000 random virtual reads on a 16 MiB and on a 4 GiB-RAM sparse dump (both written with
 * writeFullDump32, the same 2,048 mapped pages each), in process and as a child process with its peak RSS;
 * the same reads through volatility3 (vol_read.py --batch) when VOLATILITY3_PATH is set; and the start-up
 * of `kdsim analyze <dump> -c .dumpdebug`. The dumps live in a temp dir and are reused between runs.
 * Run as a script: `--write DIR` makes the dumps, `--read DUMP REQUESTS` performs the reads.
 */
import { execFileSync } from 'child_process';
import { randomBytes } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { writeFullDump32 } from '../format/dumpWriter';
import { openCrashDump } from '../analyzer/memory/openCrashDump';
import { TestMachine } from '../testing/testMachine';
import type { Bench } from './types';

const DIR = path.join(os.tmpdir(), `kdsim-bench-format-v1-${process.getuid?.() ?? 0}`);
const REPO = path.resolve(__dirname, '..', '..');
const VOL_READ = path.resolve(REPO, '..', 'shared', 'tools', 'vol_read.py');
const MAPPED_PAGES = 2048;
const READS = 1000;

const MACHINES = {
  '16mib': [{ basePage: 0x1, pageCount: 0x9e }, { basePage: 0x100, pageCount: 0xf00 }],
  '4gib': [{ basePage: 0x1, pageCount: 0x9e }, { basePage: 0x100, pageCount: 0xbff00 }, { basePage: 0x100000, pageCount: 0x40000 }],
};
type MachineName = keyof typeof MACHINES;
const dumpPath = (m: MachineName) => path.join(DIR, `${m}.dmp`);
const requestsPath = (m: MachineName) => path.join(DIR, `${m}.requests`);

/** Writes one machine: MAPPED_PAGES random pages spread over its RAM, mapped at 0x80000000 upwards. */
async function writeMachine(name: MachineName): Promise<void> {
  const runs = MACHINES[name];
  const m = new TestMachine(runs);
  const frames = runs.reduce((s, r) => s + r.pageCount, 0);
  const stride = Math.floor((frames - 0x200) / MAPPED_PAGES);
  const pfnAt = (k: number) => { // k-th frame of the RAM, counting across runs
    for (const r of runs) { if (k < r.pageCount) return r.basePage + k; k -= r.pageCount; }
    throw new Error('frame index outside RAM');
  };
  const vas: number[] = [];
  for (let i = 0; i < MAPPED_PAGES; i++) {
    const va = 0x80000000 + i * 0x1000;
    const pfn = pfnAt(0x100 + i * stride);
    m.map(va, pfn * 0x1000);
    m.page(pfn).set(randomBytes(0x1000));
    vas.push(va);
  }
  await writeFullDump32(dumpPath(name), m.spec());
  const lines: string[] = [];
  for (let i = 0; i < READS; i++) {
    const len = 16 + (i * 37) % 240;
    const va = i % 10 === 9 ? 0x90000000 + i * 0x1000 : vas[Math.floor(Math.random() * vas.length)] + Math.floor(Math.random() * (0x1000 - len));
    lines.push(`${va.toString(16)} ${len.toString(16)}`);
  }
  fs.writeFileSync(requestsPath(name), `${lines.join('\n')}\n`);
}

function ensureDumps(): void {
  if (fs.existsSync(path.join(DIR, 'done'))) return;
  // A child writes them, so the writer's memory never counts against the in-process read benches.
  execFileSync(process.execPath, [__filename, '--write', DIR], { stdio: 'inherit' });
}

function parseRequests(file: string): [number, number][] {
  return fs.readFileSync(file, 'utf8').trim().split('\n').map((l) => l.split(' ').map((x) => parseInt(x, 16)) as [number, number]);
}

/** Opens the dump cold, performs every read, returns the readable byte count (so the work is used). */
function readAll(dump: string, requests: [number, number][]): number {
  const d = openCrashDump(dump);
  let readable = 0;
  for (const [va, len] of requests) {
    const r = d.kernelVm.readSparse(va, len);
    for (let i = 0; i < r.readable.length; i++) readable += r.readable[i];
  }
  d.close();
  return readable;
}

const lastMs: Partial<Record<MachineName, number[]>> = {};
function inProcess(name: MachineName): Bench {
  let requests: [number, number][] = [];
  return {
    name: `${READS} random VA reads, ${name === '16mib' ? '16 MiB' : '4 GiB'} RAM dump (in process, open included)`,
    runs: 9,
    setup() { ensureDumps(); requests = parseRequests(requestsPath(name)); lastMs[name] = []; },
    fn() {
      const t0 = process.hrtime.bigint();
      if (readAll(dumpPath(name), requests) === 0) throw new Error('no byte was readable');
      lastMs[name]!.push(Number(process.hrtime.bigint() - t0) / 1e6);
    },
    note() {
      const med = (xs: number[] = []) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
      const size = `dump ${(fs.statSync(dumpPath(name)).size / 2 ** 20).toFixed(0)} MiB, ${(fs.statSync(dumpPath(name)).blocks * 512 / 2 ** 20).toFixed(1)} MiB on disk`;
      return name === '4gib' && lastMs['16mib']?.length ? `${size}; ${(med(lastMs['4gib']) / med(lastMs['16mib'])).toFixed(2)}x the 16 MiB time` : size;
    },
  };
}

const childReads = (name: MachineName): Bench => ({
  name: `${READS} random VA reads, ${name === '16mib' ? '16 MiB' : '4 GiB'} RAM dump (child process)`,
  setup: ensureDumps,
  command: () => [process.execPath, __filename, '--read', dumpPath(name), requestsPath(name)],
});

const volReads = (name: MachineName): Bench => ({
  name: `the same reads through volatility3 vol_read.py --batch, ${name === '16mib' ? '16 MiB' : '4 GiB'}`,
  runs: 3,
  setup: ensureDumps,
  command: () => ['sh', '-c', `exec python3 '${VOL_READ}' '${dumpPath(name)}' --batch --bytes < '${requestsPath(name)}' > /dev/null`],
});

export const benches: Bench[] = [
  inProcess('16mib'),
  inProcess('4gib'),
  childReads('16mib'),
  childReads('4gib'),
  ...(process.env.VOLATILITY3_PATH ? [volReads('16mib'), volReads('4gib')] : []),
  {
    name: 'start-up: kdsim analyze <16 MiB dump> -c .dumpdebug',
    setup: ensureDumps,
    command: () => [process.execPath, path.join(REPO, 'bin', 'kdsim'), 'analyze', dumpPath('16mib'), '-c', '.dumpdebug'],
    goal: { rssMiB: 80, check: (m) => { startup16 = m.ratio; return undefined; } },
  },
  {
    name: 'start-up: kdsim analyze <4 GiB dump> -c .dumpdebug',
    setup: ensureDumps,
    command: () => [process.execPath, path.join(REPO, 'bin', 'kdsim'), 'analyze', dumpPath('4gib'), '-c', '.dumpdebug'],
    note: () => (startup16 ? `${(startup4 / startup16).toFixed(2)}x the 16 MiB start-up` : ''),
    goal: {
      rssMiB: 80,
      check: (m) => {
        startup4 = m.ratio;
        return startup16 && m.ratio > startup16 * 1.1 ? `${(m.ratio / startup16).toFixed(2)}x the 16 MiB start-up > goal 1.1x` : undefined;
      },
    },
  },
];

/** The two start-up ratios, for the 4 GiB row's comparison (benches run in order). */
let startup16 = 0;
let startup4 = 0;

if (require.main === module) {
  const [mode, a, b] = process.argv.slice(2);
  if (mode === '--write') {
    fs.mkdirSync(a, { recursive: true });
    (async () => {
      await writeMachine('16mib');
      await writeMachine('4gib');
      fs.writeFileSync(path.join(a, 'done'), '');
    })().catch((e: unknown) => { process.stderr.write(`${(e as Error).message}\n`); process.exitCode = 1; });
  } else if (mode === '--read') {
    process.stdout.write(`${readAll(a, parseRequests(b))} bytes readable\n`);
  }
}
