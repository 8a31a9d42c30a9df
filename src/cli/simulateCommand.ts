/**
 * `kdsim simulate`: write a scenario's crash dump (and its ground truth), or list the scenarios.
 *   kdsim simulate --scenario got-stack -o got-stack.dmp [--dump-type full|kernel|bitmap] [--build win2003_sp2_x86] [--truth truth.json] [--seed N] [--ram 64M] [--[no-]blog-values] [--force]
 *   kdsim simulate --list
 */
import type { Argv } from 'yargs';
import { KdsimError } from '../common/errors';

export function configure(y: Argv): Argv {
  return y
    .option('scenario', { type: 'string', describe: 'scenario to simulate (see --list)' })
    .option('output', { alias: 'o', type: 'string', describe: 'dump file to write' })
    .option('truth', { type: 'string', describe: 'also write the ground truth (JSON) here' })
    .option('seed', { type: 'string', describe: 'seed (decimal or 0x hex); the default reproduces the scenario\'s reference values' })
    .option('ram', { type: 'string', describe: 'physical memory size, e.g. 32M, 4G' })
    // Scenario options (each scenario's `flags`); a scenario without the option refuses it.
    .option('blog-values', { type: 'boolean', describe: 'got-stack: the blog\'s exact values (default: on for seed 1 only)' })
    .option('build', { type: 'string', default: 'win2003_sp2_x86', describe: 'the Windows build the box runs: xp_sp3_x86, win2003_sp2_x86, win7_sp1_x86, win10_x86_19041 (docs/builds.md)' })
    .option('dump-type', { type: 'string', default: 'full', describe: 'file format: full (DumpType 1), kernel (2, kernel pages only), bitmap (5)' })
    .option('force', { type: 'boolean', default: false, describe: 'overwrite existing files' })
    .option('list', { type: 'boolean', default: false, describe: 'list the scenarios and exit' });
}

const usage = (message: string): never => { throw new KdsimError('E_USAGE', `kdsim: ${message}`, 2); };

/** Scenario options the user gave (yargs leaves an unset boolean undefined). */
const SCENARIO_FLAGS = ['blog-values'];

/** '64M', '4G', '512K', '0x4000000' or plain bytes; multiples of 4 KiB. */
export function parseSize(text: string): number {
  const m = /^(0x[0-9a-f]+|\d+)([kmg])?b?$/i.exec(text.trim());
  if (!m) return usage(`bad --ram '${text}': expected a size such as 64M or 4G`);
  const unit = { k: 2 ** 10, m: 2 ** 20, g: 2 ** 30 }[(m[2] ?? '').toLowerCase() as 'k' | 'm' | 'g'] ?? 1;
  const bytes = Number(m[1]) * unit;
  if (!Number.isSafeInteger(bytes) || bytes <= 0 || bytes % 0x1000 !== 0) usage(`bad --ram '${text}': expected a positive multiple of 4K`);
  return bytes;
}

export function parseSeed(text: string): number {
  const t = text.trim();
  const v = /^0x[0-9a-f]+$/i.test(t) ? Number(t) : /^\d+$/.test(t) ? Number(t) : NaN;
  if (!Number.isInteger(v) || v < 0 || v > 0xffffffff) usage(`bad --seed '${text}': expected an integer 0..4294967295`);
  return v;
}

export async function run(args: Record<string, unknown>): Promise<number> {
  const { SCENARIOS } = await import('../simulator/scenarios');
  if (args.list) {
    for (const s of SCENARIOS) {
      process.stdout.write(`${s.name.padEnd(12)} ${s.summary} (default seed ${s.defaultSeed}, --ram ${Math.round(s.defaultRamBytes / 2 ** 20)}M)\n`);
    }
    return 0;
  }
  const scenario = (args.scenario as string | undefined) ?? usage('simulate needs --scenario NAME (see kdsim simulate --list)');
  const output = (args.output as string | undefined) ?? usage('simulate needs -o FILE');
  const seed = args.seed === undefined ? undefined : parseSeed(String(args.seed));
  const ramBytes = args.ram === undefined ? undefined : parseSize(String(args.ram));
  const { DUMP_TYPES } = await import('../simulator/dumpTypes/writeDump');
  const dumpType = String(args['dump-type'] ?? 'full') as typeof DUMP_TYPES[number];
  if (!DUMP_TYPES.includes(dumpType)) usage(`bad --dump-type '${dumpType}': expected one of ${DUMP_TYPES.join(', ')}`);
  const flags = Object.fromEntries(SCENARIO_FLAGS.filter((f) => args[f] !== undefined).map((f) => [f, Boolean(args[f])]));
  const { simulate } = await import('../simulator/simulate');
  const r = await simulate({ scenario, output, truth: args.truth as string | undefined, seed, ramBytes, flags, force: Boolean(args.force), dumpType, build: String(args.build ?? 'win2003_sp2_x86') });
  const truth = r.truth as { culprit?: { image: string }; frames?: unknown[] };
  process.stdout.write(`${output}: ${scenario} seed ${r.seed}, ${Math.round(r.ramBytes / 2 ** 20)} MiB RAM, ${r.fileSize} bytes (${r.pagesWritten} pages with data)`
    + `${truth.frames ? `, ${truth.frames.length} frames, culprit ${truth.culprit?.image}` : ''}\n`);
  return 0;
}
