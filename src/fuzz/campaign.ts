/**
 * The fuzz loop: round-robin over the targets for a number of inputs or seconds, counting inputs, crashes
 * (anything but a KdsimError, or a command marked internal), hangs (one input over HANG_MS) and peak RSS.
 * Every crash and hang is printed with its input so it can become a named case in regressions.ts.
 */
import { openSession, type DebugSession } from '../analyzer/session/debugSession';
import { Rng } from './mutator';
import { dumpTarget, exprTarget, FIXTURE, isfTarget, lineTarget, simulateArgsTarget, type FuzzTarget } from './targets';

/** An input slower than this is a hang (the bar: no hang over 1 s). */
export const HANG_MS = 1000;

export interface TargetStats { inputs: number; crashes: number; hangs: number; slowestMs: number }
export interface CampaignReport {
  seed: number;
  seconds: number;
  inputs: number;
  crashes: number;
  hangs: number;
  peakRssMiB: number;
  targets: Record<string, TargetStats>;
  findings: { target: string; kind: 'crash' | 'hang'; input: string; detail: string }[];
}

export interface CampaignOptions {
  seed?: number;
  /** Stop after this many seconds (default 30) … */
  seconds?: number;
  /** … or this many inputs in all, whichever comes first. */
  inputs?: number;
  /** Only these targets (names). */
  only?: string[];
  /** Relative weights: how many inputs of a target per round (dump mutants are slow, parser inputs fast). */
  weights?: Record<string, number>;
  onProgress?(r: CampaignReport): void;
  /** Called before each input runs (a watchdog in another thread records it, to name a hang it must kill). */
  onInput?(target: string, describe: () => string): void;
}

const DEFAULT_WEIGHTS: Record<string, number> = { dump: 1, expr: 200, 'command-line': 40, isf: 20, 'simulate-args': 100 };

export async function runCampaign(opts: CampaignOptions = {}): Promise<CampaignReport> {
  const seed = opts.seed ?? (Date.now() >>> 0);
  const rng = new Rng(seed);
  let session: DebugSession = openSession(FIXTURE);
  let sessionUses = 0;
  // Command lines change the session (.tss, n 8, ~2s); a fresh one now and then keeps inputs comparable.
  const shared = () => {
    if (++sessionUses > 2000) { session.dump.close(); session = openSession(FIXTURE); sessionUses = 0; }
    return session;
  };
  const dump = dumpTarget();
  const all: FuzzTarget[] = [dump, exprTarget(shared), lineTarget(shared), isfTarget(), simulateArgsTarget()];
  const targets = opts.only?.length ? all.filter((t) => opts.only!.includes(t.name)) : all;
  const weights = { ...DEFAULT_WEIGHTS, ...opts.weights };
  const report: CampaignReport = { seed, seconds: 0, inputs: 0, crashes: 0, hangs: 0, peakRssMiB: 0, targets: {}, findings: [] };
  for (const t of targets) report.targets[t.name] = { inputs: 0, crashes: 0, hangs: 0, slowestMs: 0 };
  const t0 = Date.now();
  const deadline = t0 + (opts.seconds ?? 30) * 1000;
  const maxInputs = opts.inputs ?? Infinity;
  let lastProgress = t0;
  try {
    outer: for (;;) {
      for (const t of targets) {
        for (let k = 0; k < (weights[t.name] ?? 1); k++) {
          if (Date.now() >= deadline || report.inputs >= maxInputs) break outer;
          const input = t.next(rng);
          opts.onInput?.(t.name, () => t.describe(input));
          const s = report.targets[t.name];
          const start = Date.now();
          try {
            await t.run(input);
          } catch (e) {
            s.crashes++; report.crashes++;
            report.findings.push({ target: t.name, kind: 'crash', input: t.describe(input), detail: e instanceof Error ? `${e.name}: ${e.message}`.slice(0, 500) : String(e) });
          }
          const ms = Date.now() - start;
          s.slowestMs = Math.max(s.slowestMs, ms);
          if (ms > HANG_MS) {
            s.hangs++; report.hangs++;
            report.findings.push({ target: t.name, kind: 'hang', input: t.describe(input), detail: `${ms} ms` });
          }
          s.inputs++; report.inputs++;
          if ((report.inputs & 0xff) === 0) {
            report.peakRssMiB = Math.max(report.peakRssMiB, Math.round(process.memoryUsage().rss / 2 ** 20));
            if (opts.onProgress && Date.now() - lastProgress > 10000) { lastProgress = Date.now(); report.seconds = (lastProgress - t0) / 1000; opts.onProgress(report); }
          }
        }
      }
    }
  } finally {
    dump.close();
    session.dump.close();
    for (const t of all) t.dispose?.();
  }
  report.peakRssMiB = Math.max(report.peakRssMiB, Math.round(process.memoryUsage().rss / 2 ** 20));
  report.seconds = Math.round((Date.now() - t0) / 100) / 10;
  return report;
}
