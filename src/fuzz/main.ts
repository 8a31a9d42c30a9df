/**
 * `npm run fuzz [-- --long] [-- --seconds N] [-- --inputs N] [-- --target dump,expr] [-- --seed N]`: the standing
 * fuzz campaign (docs/fuzzing.md). Default: a 60 s run; --long: until 10^6 inputs (or --seconds, default 4 h).
 * The campaign runs in a worker thread; this thread is its watchdog: an input still running after
 * KILL_AFTER_MS is a hang that a synchronous loop would never report itself, so the watchdog names its input,
 * terminates the worker and starts a fresh one with the next seed. Exits 1 when any crash or hang was found.
 */
import { isMainThread, parentPort, Worker, workerData } from 'worker_threads';
import { runCampaign, type CampaignReport } from './campaign';

const KILL_AFTER_MS = 10_000;

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

interface Job { seconds: number; inputs?: number; seed: number; only?: string[] }
type FromWorker = { kind: 'input'; target: string; input: string; at: number } | { kind: 'progress' | 'done'; report: CampaignReport };

async function worker(job: Job): Promise<void> {
  // Describing every input costs time: only the slow targets (a dump, a command line) are described up front.
  const slow = new Set(['dump', 'command-line']);
  const report = await runCampaign({
    ...job,
    onInput: (target, describe) => parentPort!.postMessage({ kind: 'input', target, input: slow.has(target) ? describe() : '', at: Date.now() }),
    onProgress: (r) => parentPort!.postMessage({ kind: 'progress', report: r }),
  });
  parentPort!.postMessage({ kind: 'done', report });
}

function runWorker(job: Job): Promise<{ report?: CampaignReport; hang?: { target: string; input: string; ms: number } }> {
  return new Promise((resolve) => {
    const w = new Worker(__filename, { workerData: job });
    let current: { target: string; input: string; at: number } | undefined;
    let last: CampaignReport | undefined;
    const timer = setInterval(() => {
      if (current && Date.now() - current.at > KILL_AFTER_MS) {
        clearInterval(timer);
        const hang = { target: current.target, input: current.input, ms: Date.now() - current.at };
        void w.terminate().then(() => resolve({ report: last, hang }));
      }
    }, 500);
    w.on('message', (m: FromWorker) => {
      if (m.kind === 'input') current = m;
      else if (m.kind === 'progress') { last = m.report; progress(m.report); } else { clearInterval(timer); resolve({ report: m.report }); }
    });
    w.on('error', (e) => { clearInterval(timer); resolve({ report: last, hang: { target: current?.target ?? '?', input: `${current?.input} (worker died: ${e.message})`, ms: 0 } }); });
  });
}

/** Progress every 10 s, with each new finding printed as soon as the worker reports it. */
let printed = 0;
const progress = (r: CampaignReport) => {
  process.stderr.write(`fuzz: ${r.seconds.toFixed(0)} s, ${r.inputs} inputs, ${r.crashes} crashes, ${r.hangs} hangs, peak RSS ${r.peakRssMiB} MiB\n`);
  for (const f of r.findings.slice(printed)) process.stderr.write(`fuzz: (so far) ${f.kind} in ${f.target}: ${f.detail}\n  input: ${f.input}\n`);
  printed = r.findings.length;
};

async function main(): Promise<number> {
  const long = process.argv.includes('--long') || process.env.KDSIM_FUZZ_LONG === '1';
  const seconds = Number(arg('seconds') ?? (long ? 4 * 3600 : 60));
  const inputs = arg('inputs') !== undefined ? Number(arg('inputs')) : long ? 1_000_000 : undefined;
  let seed = arg('seed') !== undefined ? Number(arg('seed')) : Date.now() >>> 0;
  const only = arg('target')?.split(',');
  const total: CampaignReport = { seed, seconds: 0, inputs: 0, crashes: 0, hangs: 0, peakRssMiB: 0, targets: {}, findings: [] };
  const t0 = Date.now();
  while ((Date.now() - t0) / 1000 < seconds && (inputs === undefined || total.inputs < inputs)) {
    const left = seconds - (Date.now() - t0) / 1000;
    printed = 0;
    const r = await runWorker({ seconds: left, inputs: inputs === undefined ? undefined : inputs - total.inputs, seed, only });
    if (r.report) merge(total, r.report);
    if (r.hang) {
      total.hangs++;
      total.findings.push({ target: r.hang.target, kind: 'hang', input: r.hang.input, detail: `killed after ${r.hang.ms} ms` });
    }
    seed = (seed + 0x9e3779b9) >>> 0;
    if (!r.hang) break;
  }
  total.seconds = Math.round((Date.now() - t0) / 100) / 10;
  for (const f of total.findings) process.stderr.write(`fuzz: ${f.kind} in ${f.target}: ${f.detail}\n  input: ${f.input}\n`);
  process.stdout.write(`${JSON.stringify({ ...total, findings: total.findings.length }, null, 2)}\n`);
  return total.crashes || total.hangs ? 1 : 0;
}

/** Adds a worker's report (final or last progress) into the campaign total. */
function merge(total: CampaignReport, r: CampaignReport): void {
  total.inputs += r.inputs; total.crashes += r.crashes; total.hangs += r.hangs;
  total.peakRssMiB = Math.max(total.peakRssMiB, r.peakRssMiB);
  total.findings.push(...r.findings);
  for (const [name, s] of Object.entries(r.targets)) {
    const t = (total.targets[name] ??= { inputs: 0, crashes: 0, hangs: 0, slowestMs: 0 });
    t.inputs += s.inputs; t.crashes += s.crashes; t.hangs += s.hangs; t.slowestMs = Math.max(t.slowestMs, s.slowestMs);
  }
}

if (isMainThread) {
  main().then((code) => { process.exitCode = code; }, (e) => { process.stderr.write(`fuzz: ${e instanceof Error ? e.stack : e}\n`); process.exitCode = 70; });
} else {
  void worker(workerData as Job);
}
