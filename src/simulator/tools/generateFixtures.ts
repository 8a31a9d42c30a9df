/**
 * `npm run fixtures`: regenerates every scenario's checked-in dump and ground truth, and the shipped ISF files.
 *   node dist/simulator/tools/generateFixtures.js [repoRoot]
 * Each scenario is written at its default seed and default RAM size to fixtures/dumps/<name>.dmp and
 * fixtures/groundtruth/<name>.json. Everything is a pure function of the scenario, so running it twice changes
 * nothing (fixtures.test.ts checks exactly that against the checked-in files).
 */
import { promises as fsp } from 'fs';
import * as path from 'path';
import { jsonText, moduleSymbolFiles, symbolFileBytes } from '../isf/moduleIsf';
import { SIMULATED_BUILDS } from '../kit/buildMechanics';
import type { Scenario } from '../kit/scenario';
import { SCENARIOS } from '../scenarios';
import { buildScenario, simulate } from '../simulate';

/** Where a scenario's fixture dump and truth live, relative to the repo root. */
export const fixturePaths = (sc: Scenario): { dump: string; truth: string } =>
  ({ dump: `fixtures/dumps/${sc.name}.dmp`, truth: `fixtures/groundtruth/${sc.name}.json` });

/** Writes one scenario's fixture pair under `root` (its default seed and RAM). */
export async function writeScenarioFixture(sc: Scenario, root: string): Promise<string[]> {
  const p = fixturePaths(sc);
  const dump = path.join(root, p.dump);
  const truth = path.join(root, p.truth);
  await fsp.mkdir(path.dirname(dump), { recursive: true });
  await fsp.mkdir(path.dirname(truth), { recursive: true });
  await simulate({ scenario: sc.name, output: dump, truth, force: true });
  return [dump, truth];
}

export async function generateFixtures(root: string): Promise<string[]> {
  const written: string[] = [];
  for (const sc of SCENARIOS) written.push(...await writeScenarioFixture(sc, root));
  for (const f of symbolFiles()) {
    const target = path.join(root, 'symbols', f.path);
    await fsp.mkdir(path.dirname(target), { recursive: true });
    await fsp.writeFile(target, symbolFileBytes(f.path, f.text));
    written.push(target);
  }
  return written;
}

/**
 * The shipped ISF and frame-data files of every module any scenario loads (the same for every seed), on every
 * build `simulate --build` stages: each build's nt has its own PDB identity and carries that build's layouts.
 */
export function symbolFiles(): { path: string; text: string }[] {
  const files = new Map<string, string>();
  for (const sc of SCENARIOS) for (const build of SIMULATED_BUILDS) {
    for (const m of buildScenario(sc.name, undefined, undefined, {}, build).modules) {
      const f = moduleSymbolFiles(m);
      for (const [p, text] of [[f.isfPath, jsonText(f.isf)], [f.framesPath, jsonText(f.frames)]]) {
        const seen = files.get(p);
        if (seen !== undefined && seen !== text) throw new Error(`scenarios disagree on ${p}: one module name, two images`);
        files.set(p, text);
      }
    }
  }
  return [...files].map(([p, text]) => ({ path: p, text }));
}

if (require.main === module) {
  const root = path.resolve(process.argv[2] ?? path.join(__dirname, '..', '..', '..'));
  generateFixtures(root).then(
    (files) => { process.stdout.write(`kdsim fixtures: wrote ${files.length} files under ${root}\n`); },
    (e: Error) => { process.stderr.write(`kdsim fixtures: ${e.message}\n`); process.exitCode = 1; },
  );
}
