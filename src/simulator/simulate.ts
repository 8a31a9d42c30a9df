/**
 * simulate(): build a scenario's machine and write its dump (and ground truth) — the simulator's one entry point.
 * No wall-clock value enters the output: the same scenario, seed and RAM size give a byte-identical file.
 */
import { promises as fsp } from 'fs';
import * as path from 'path';
import { KdsimError } from '../common/errors';
import { checkDistinct, checkOutputTarget, commitAll, removeStaleTemps, type PendingWrite } from '../common/outputFiles';
import { writeDumpOfTypeFile, type DumpTypeName } from './dumpTypes/writeDump';
import { buildMechanics } from './kit/buildMechanics';
import { resolveFlags, type SimulatedDump } from './kit/scenario';
import { findScenario, SCENARIOS } from './scenarios';

export interface SimulateRequest {
  scenario: string;
  output: string;
  truth?: string;
  seed?: number;
  ramBytes?: number;
  /** The scenario's own options (got-stack: `blog-values`); unset ones take the scenario's default for the seed. */
  flags?: Record<string, boolean>;
  force?: boolean;
  /** File format (default 'full'): see dumpTypes/writeDump.ts. */
  dumpType?: DumpTypeName;
  /** The Windows build the box runs (a label of kit/buildMechanics.ts; default win2003_sp2_x86). */
  build?: string;
}

export interface SimulateResult { fileSize: number; pagesWritten: number; seed: number; ramBytes: number; truth: Record<string, unknown> }

const bad = (message: string): never => { throw new KdsimError('E_SIMULATE', `kdsim: ${message}`, 2); };

/** Builds the machine without writing anything (tests, the ISF generator, benchmarks). */
export function buildScenario(name: string, seed?: number, ramBytes?: number, flags: Record<string, boolean> = {}, build?: string): SimulatedDump & { seed: number; ramBytes: number } {
  const mechanics = buildMechanics(build);
  const sc = findScenario(name) ?? bad(`unknown scenario '${name}' (known: ${SCENARIOS.map((s) => s.name).join(', ')})`);
  const s = seed ?? sc.defaultSeed;
  const ram = ramBytes ?? sc.defaultRamBytes;
  if (!Number.isInteger(s) || s < 0 || s > 0xffffffff) bad(`bad seed ${seed}: expected an integer 0..4294967295`);
  if (ram < sc.minRamBytes) bad(`--ram ${Math.round(ram / 2 ** 20)}M is too small for scenario '${name}' (at least ${Math.round(sc.minRamBytes / 2 ** 20)}M)`);
  if (ram > 64 * 2 ** 30) bad('--ram above 64G is not supported');
  const unknown = Object.keys(flags).filter((f) => !sc.flags.some((x) => x.name === f));
  if (unknown.length) bad(`scenario '${name}' has no option --${unknown[0]}`);
  return { ...sc.build({ seed: s, ramBytes: ram, flags: resolveFlags(sc, s, flags), mechanics }), seed: s, ramBytes: ram };
}

/**
 * Checks both outputs before building anything (regular files only, --truth not the dump itself, --force for
 * existing ones), then writes dump and truth to temp files and renames both only when both were written.
 */
export async function simulate(req: SimulateRequest): Promise<SimulateResult> {
  const force = Boolean(req.force);
  const output = checkOutputTarget(req.output, force, '-o');
  const truth = req.truth === undefined ? undefined : checkOutputTarget(req.truth, force, '--truth');
  if (truth) checkDistinct(output, truth, '--truth');
  for (const dir of new Set([output, ...(truth ? [truth] : [])].map((t) => path.dirname(t.real)))) removeStaleTemps(dir);
  const built = buildScenario(req.scenario, req.seed, req.ramBytes, req.flags, req.build);
  let written = { fileSize: 0, pagesWritten: 0 };
  const writes: PendingWrite[] = [{ target: output, write: async (tmp) => { written = await writeDumpOfTypeFile(tmp, built.spec, req.dumpType ?? 'full'); } }];
  if (truth) {
    const text = `${JSON.stringify(built.truth, null, 2)}\n`;
    writes.push({ target: truth, write: (tmp) => fsp.writeFile(tmp, text, { flag: 'wx' }) });
  }
  await commitAll(writes);
  return { ...written, seed: built.seed, ramBytes: built.ramBytes, truth: built.truth };
}
