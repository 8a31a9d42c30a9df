/**
 * simulate(): build a scenario's machine and write its dump (and ground truth) — the simulator's one entry point.
 * No wall-clock value enters the output: the same scenario, seed and RAM size give a byte-identical file.
 */
import { promises as fsp } from 'fs';
import * as path from 'path';
import { KdsimError } from '../common/errors';
import { writeDumpOfType, type DumpTypeName } from './dumpTypes/writeDump';
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
}

export interface SimulateResult { fileSize: number; pagesWritten: number; seed: number; ramBytes: number; truth: Record<string, unknown> }

const bad = (message: string): never => { throw new KdsimError('E_SIMULATE', `kdsim: ${message}`, 2); };

/** Builds the machine without writing anything (tests, the ISF generator, benchmarks). */
export function buildScenario(name: string, seed?: number, ramBytes?: number, flags: Record<string, boolean> = {}): SimulatedDump & { seed: number; ramBytes: number } {
  const sc = findScenario(name) ?? bad(`unknown scenario '${name}' (known: ${SCENARIOS.map((s) => s.name).join(', ')})`);
  const s = seed ?? sc.defaultSeed;
  const ram = ramBytes ?? sc.defaultRamBytes;
  if (!Number.isInteger(s) || s < 0 || s > 0xffffffff) bad(`bad seed ${seed}: expected an integer 0..4294967295`);
  if (ram < sc.minRamBytes) bad(`--ram ${Math.round(ram / 2 ** 20)}M is too small for scenario '${name}' (at least ${Math.round(sc.minRamBytes / 2 ** 20)}M)`);
  if (ram > 64 * 2 ** 30) bad('--ram above 64G is not supported');
  const unknown = Object.keys(flags).filter((f) => !sc.flags.some((x) => x.name === f));
  if (unknown.length) bad(`scenario '${name}' has no option --${unknown[0]}`);
  return { ...sc.build({ seed: s, ramBytes: ram, flags: resolveFlags(sc, s, flags) }), seed: s, ramBytes: ram };
}

export async function simulate(req: SimulateRequest): Promise<SimulateResult> {
  const outputs = [req.output, ...(req.truth ? [req.truth] : [])];
  for (const out of outputs) {
    const exists = await fsp.stat(out).then(() => true, () => false);
    if (exists && !req.force) throw new KdsimError('E_EXISTS', `kdsim: ${out} exists (use --force to overwrite)`, 1);
    const dir = path.dirname(path.resolve(out));
    const dirOk = await fsp.stat(dir).then((st) => st.isDirectory(), () => false);
    if (!dirOk) throw new KdsimError('E_FILE', `kdsim: cannot write ${out}: directory ${dir} does not exist`, 1);
  }
  const built = buildScenario(req.scenario, req.seed, req.ramBytes, req.flags);
  let written: { fileSize: number; pagesWritten: number };
  try {
    written = await writeDumpOfType(req.output, built.spec, req.dumpType ?? 'full');
    if (req.truth) await writeAtomically(req.truth, `${JSON.stringify(built.truth, null, 2)}\n`);
  } catch (e) {
    if (e instanceof KdsimError) throw e;
    const err = e as NodeJS.ErrnoException;
    throw new KdsimError('E_FILE', `kdsim: cannot write ${err.path ?? req.output}: ${err.code ?? err.message}`, 1);
  }
  return { ...written, seed: built.seed, ramBytes: built.ramBytes, truth: built.truth };
}

async function writeAtomically(target: string, text: string): Promise<void> {
  const tmp = `${target}.${process.pid}.tmp`;
  await fsp.writeFile(tmp, text);
  await fsp.rename(tmp, target);
}
