/**
 * `npm run bench`: times `node -e 0` as the baseline, then every bench exported by dist/bench/*.bench.js,
 * and prints one table, ratio first. Child commands run under /usr/bin/time -f %M for their peak RSS
 * (when that program exists); in-process benches report this process's peak RSS after they ran.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import Table from 'cli-table3';
import type { Bench } from './types';

const GNU_TIME = '/usr/bin/time';
const hasTime = fs.existsSync(GNU_TIME);

interface Row { ratio: string; name: string; ms: string; runs: number; rss: string; note: string }

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mib = (kb: number): string => `${(kb / 1024).toFixed(1)} MiB`;

/** Runs argv once; wall ms and peak RSS in KiB (when /usr/bin/time is there). Throws with stderr on failure. */
function runOnce(argv: string[]): { ms: number; rssKb?: number } {
  const [cmd, ...args] = hasTime ? [GNU_TIME, '-f', '%M', ...argv] : argv;
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const errLines = (r.stderr ?? '').trim().split('\n');
  if (r.status !== 0) throw new Error(errLines.filter((l) => !/^\d+$/.test(l))[0] || `exit ${r.status}`);
  const rss = hasTime ? Number(errLines[errLines.length - 1]) : NaN;
  return { ms, rssKb: Number.isFinite(rss) ? rss : undefined };
}

function timeCommand(argv: string[], runs: number): { ms: number; rssKb?: number } {
  runOnce(argv); // warm the file cache and node's compile cache
  const results = Array.from({ length: runs }, () => runOnce(argv));
  const rss = results.map((r) => r.rssKb).filter((x): x is number => x !== undefined);
  return { ms: median(results.map((r) => r.ms)), rssKb: rss.length ? Math.max(...rss) : undefined };
}

async function timeFn(fn: () => Promise<void> | void, runs: number): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return median(times);
}

async function main(): Promise<void> {
  const baseline = timeCommand([process.execPath, '-e', '0'], 7);
  const rows: Row[] = [{ ratio: '1.00', name: 'baseline: node -e 0', ms: baseline.ms.toFixed(1), runs: 7, rss: baseline.rssKb ? mib(baseline.rssKb) : 'n/a', note: '' }];
  const files = fs.readdirSync(__dirname).filter((f) => f.endsWith('.bench.js')).sort();
  for (const file of files) {
    const benches = (require(path.join(__dirname, file)) as { benches?: Bench[] }).benches ?? [];
    for (const b of benches) {
      const runs = b.runs ?? 5;
      const name = `${file.replace(/\.bench\.js$/, '')}: ${b.name}`;
      try {
        await b.setup?.();
        if (b.command) {
          const r = timeCommand(b.command(), runs);
          rows.push({ ratio: (r.ms / baseline.ms).toFixed(2), name, ms: r.ms.toFixed(1), runs, rss: r.rssKb ? mib(r.rssKb) : 'n/a', note: b.note?.() ?? '' });
        } else if (b.fn) {
          const ms = await timeFn(b.fn, runs);
          const rss = process.resourceUsage().maxRSS;
          rows.push({ ratio: (ms / baseline.ms).toFixed(2), name, ms: ms.toFixed(1), runs, rss: `${mib(rss)} (process)`, note: b.note?.() ?? '' });
        }
      } catch (e) {
        rows.push({ ratio: '—', name, ms: '—', runs, rss: '—', note: `failed: ${(e as Error).message}` });
      }
      process.stderr.write('.');
    }
  }
  process.stderr.write('\n');
  const table = new Table({ head: ['ratio', 'bench', 'median ms', 'runs', 'peak RSS', 'note'], style: { head: [], border: [] } });
  for (const r of rows) table.push([r.ratio, r.name, r.ms, r.runs, r.rss, r.note]);
  process.stdout.write(`${table.toString()}\n`);
  process.stdout.write('ratio = median wall time / median of `node -e 0` (in-process benches: their ms / the baseline ms)\n');
}

main().catch((e: unknown) => {
  process.stderr.write(`bench: ${(e as Error).message}\n`);
  process.exitCode = 1;
});
