/**
 * `npm run fixtures`: regenerates the checked-in scenario dump, its ground truth and the shipped ISF files.
 *   node dist/simulator/tools/generateFixtures.js [repoRoot]
 * Everything is a pure function of the scenario, its default seed and FIXTURE_RAM, so running it twice
 * changes nothing (fixtures.test.ts checks exactly that against the checked-in files).
 */
import { promises as fsp } from 'fs';
import * as path from 'path';
import { jsonText, moduleSymbolFiles, symbolFileBytes } from '../isf/moduleIsf';
import { buildScenario, simulate } from '../simulate';

export const FIXTURE_SCENARIO = 'got-stack';
export const FIXTURE_RAM = 32 << 20;

export async function generateFixtures(root: string): Promise<string[]> {
  const written: string[] = [];
  const dump = path.join(root, 'fixtures/dumps/got-stack.dmp');
  const truth = path.join(root, 'fixtures/groundtruth/got-stack.json');
  await fsp.mkdir(path.dirname(dump), { recursive: true });
  await fsp.mkdir(path.dirname(truth), { recursive: true });
  await simulate({ scenario: FIXTURE_SCENARIO, output: dump, truth, ramBytes: FIXTURE_RAM, force: true });
  written.push(dump, truth);
  for (const f of symbolFiles()) {
    const target = path.join(root, 'symbols', f.path);
    await fsp.mkdir(path.dirname(target), { recursive: true });
    await fsp.writeFile(target, symbolFileBytes(f.path, f.text));
    written.push(target);
  }
  return written;
}

/** The shipped ISF and frame-data files of every simulated module (the same for every seed). */
export function symbolFiles(): { path: string; text: string }[] {
  const built = buildScenario(FIXTURE_SCENARIO, undefined, FIXTURE_RAM);
  return built.modules.flatMap((m) => {
    const f = moduleSymbolFiles(m);
    return [{ path: f.isfPath, text: jsonText(f.isf) }, { path: f.framesPath, text: jsonText(f.frames) }];
  });
}

if (require.main === module) {
  const root = path.resolve(process.argv[2] ?? path.join(__dirname, '..', '..', '..'));
  generateFixtures(root).then(
    (files) => { process.stdout.write(`kdsim fixtures: wrote ${files.length} files under ${root}\n`); },
    (e: Error) => { process.stderr.write(`kdsim fixtures: ${e.message}\n`); process.exitCode = 1; },
  );
}
