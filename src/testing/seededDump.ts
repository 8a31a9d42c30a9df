/**
 * A got-stack dump made with another seed, for tests that must hold on more than the blog's dump: 16M of RAM
 * (small and quick), in a temp folder removed after the importing test file (tempDir.ts).
 */
import * as path from 'path';
import { simulate } from '../simulator/simulate';
import { tempDir } from './tempDir';

export async function seededDump(seed: number, scenario = 'got-stack'): Promise<string> {
  const out = path.join(tempDir('seeded'), `${scenario}-${seed}.dmp`);
  await simulate({ scenario, output: out, seed, ramBytes: 16 * 2 ** 20 });
  return out;
}
