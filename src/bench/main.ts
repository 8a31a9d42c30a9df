/**
 * `npm run bench`: times `node -e 0` as the baseline, then every bench exported by dist/bench/*.bench.js,
 * and prints one table, ratio first. Command benches run in pairs with `node -e 0` (baseline, command,
 * baseline, command …) under /usr/bin/time, so a machine shared with other work slows both alike; their
 * ratio is median CPU time (user + system) over the paired baselines' median CPU time. In-process benches report
 * their ms over the baseline's wall ms and this process's peak RSS. Under the table, one FLAG line per goal
 * (issue 14) not met.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import Table from 'cli-table3';
import type { Bench, Measured } from './types';

const GNU_TIME = '/usr/bin/time';
const hasTime = fs.existsSync(GNU_TIME);

interface Row { ratio: string; name: string; ms: string; cpu: string; runs: number; rss: string; note: string }
interface Run { ms: number; cpuMs?: number; rssKb?: number }

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mib = (kb: number): string => `${(kb / 1024).toFixed(1)} MiB`;

/** Runs argv once; wall ms, CPU ms and peak RSS in KiB (when /usr/bin/time is there). Throws with stderr on failure. */
function runOnce(argv: string[]): Run {
  const [cmd, ...args] = hasTime ? [GNU_TIME, '-f', '%U %S %M', ...argv] : argv;
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const errLines = (r.stderr ?? '').trim().split('\n');
  const last = /^(\d+\.\d+) (\d+\.\d+) (\d+)$/.exec(errLines[errLines.length - 1] ?? '');
  if (r.status !== 0) throw new Error(errLines.filter((l) => l !== last?.[0])[0] || `exit ${r.status}`);
  if (!last) return { ms };
  return { ms, cpuMs: (Number(last[1]) + Number(last[2])) * 1000, rssKb: Number(last[3]) };
}

const BASELINE = [process.execPath, '-e', '0'];

function summarize(runs: Run[]): { ms: number; cpuMs?: number; rssKb?: number } {
  const cpu = runs.map((r) => r.cpuMs).filter((x): x is number => x !== undefined);
  const rss = runs.map((r) => r.rssKb).filter((x): x is number => x !== undefined);
  return { ms: median(runs.map((r) => r.ms)), cpuMs: cpu.length ? median(cpu) : undefined, rssKb: rss.length ? Math.max(...rss) : undefined };
}

/** `runs` pairs of (node -e 0, argv), after one warm-up of each. */
function timePaired(argv: string[], runs: number): { base: ReturnType<typeof summarize>; cmd: ReturnType<typeof summarize> } {
  runOnce(BASELINE);
  runOnce(argv); // warm the file cache
  const base: Run[] = [];
  const cmd: Run[] = [];
  for (let i = 0; i < runs; i++) {
    base.push(runOnce(BASELINE));
    cmd.push(runOnce(argv));
  }
  return { base: summarize(base), cmd: summarize(cmd) };
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

function goalFlags(name: string, b: Bench, m: Measured): string[] {
  const g = b.goal;
  if (!g) return [];
  const flags: string[] = [];
  if (g.ratio !== undefined && !(m.ratio <= g.ratio)) flags.push(`FLAG ${name}: ratio ${m.ratio.toFixed(2)} > goal ${g.ratio}x`);
  if (g.rssMiB !== undefined && m.rssMiB !== undefined && m.rssMiB > g.rssMiB) {
    flags.push(`FLAG ${name}: peak RSS ${m.rssMiB.toFixed(1)} MiB > goal ${g.rssMiB} MiB`);
  }
  const miss = g.check?.(m);
  if (miss) flags.push(`FLAG ${name}: ${miss}`);
  return flags;
}

async function main(): Promise<void> {
  const only = process.argv[2]; // optional substring: run only the benches whose name contains it
  const baseline = summarize(Array.from({ length: 7 }, () => runOnce(BASELINE)));
  const load = os.loadavg()[0].toFixed(2);
  const rows: Row[] = [{
    ratio: '1.00', name: 'baseline: node -e 0', ms: baseline.ms.toFixed(1), cpu: baseline.cpuMs?.toFixed(0) ?? 'n/a', runs: 7,
    rss: baseline.rssKb ? mib(baseline.rssKb) : 'n/a', note: '',
  }];
  const flags: string[] = [];
  const files = fs.readdirSync(__dirname).filter((f) => f.endsWith('.bench.js')).sort();
  for (const file of files) {
    const benches = (require(path.join(__dirname, file)) as { benches?: Bench[] }).benches ?? [];
    for (const b of benches) {
      const runs = b.runs ?? 5;
      const name = `${file.replace(/\.bench\.js$/, '')}: ${b.name}`;
      if (only && !name.includes(only)) continue;
      try {
        await b.setup?.();
        if (b.command) {
          const { base, cmd } = timePaired(b.command(), runs);
          const ratio = cmd.cpuMs !== undefined && base.cpuMs ? cmd.cpuMs / base.cpuMs : cmd.ms / base.ms;
          const m: Measured = { ms: cmd.ms, cpuMs: cmd.cpuMs, ratio, rssMiB: cmd.rssKb === undefined ? undefined : cmd.rssKb / 1024 };
          const f = goalFlags(name, b, m);
          rows.push({
            ratio: ratio.toFixed(2), name, ms: cmd.ms.toFixed(1), cpu: cmd.cpuMs === undefined ? 'n/a' : `${cmd.cpuMs.toFixed(0)} / ${base.cpuMs?.toFixed(0)}`,
            runs, rss: cmd.rssKb ? mib(cmd.rssKb) : 'n/a', note: [b.note?.(), b.goal?.ratio ? `goal <= ${b.goal.ratio}x` : ''].filter(Boolean).join('; '),
          });
          flags.push(...f);
        } else if (b.fn) {
          const ms = await timeFn(b.fn, runs);
          const rss = process.resourceUsage().maxRSS;
          rows.push({ ratio: (ms / baseline.ms).toFixed(2), name, ms: ms.toFixed(1), cpu: '—', runs, rss: `${mib(rss)} (process)`, note: b.note?.() ?? '' });
          flags.push(...goalFlags(name, b, { ms, ratio: ms / baseline.ms, rssMiB: rss / 1024 }));
        }
      } catch (e) {
        rows.push({ ratio: '—', name, ms: '—', cpu: '—', runs, rss: '—', note: `failed: ${(e as Error).message}` });
        if (b.goal) flags.push(`FLAG ${name}: failed, goal not measured`);
      }
      process.stderr.write('.');
    }
  }
  process.stderr.write('\n');
  const table = new Table({ head: ['ratio', 'bench', 'median ms', 'CPU ms (cmd / node)', 'runs', 'peak RSS', 'note'], style: { head: [], border: [] } });
  for (const r of rows) table.push([r.ratio, r.name, r.ms, r.cpu, r.runs, r.rss, r.note]);
  process.stdout.write(`${table.toString()}\n`);
  process.stdout.write('ratio = median CPU time (user+sys) / median CPU time of `node -e 0` run in pairs with it (wall time without /usr/bin/time);\n'
    + `in-process benches: their ms / the baseline's wall ms. ${os.cpus().length} CPUs, load average ${load} at the start, node ${process.version}.\n`);
  process.stdout.write(flags.length ? `${flags.join('\n')}\n` : 'all goals met\n');
}

main().catch((e: unknown) => {
  process.stderr.write(`bench: ${(e as Error).message}\n`);
  process.exitCode = 1;
});
