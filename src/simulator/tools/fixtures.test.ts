/**
 * The checked-in fixtures of every scenario, their ground truth and the shipped ISF files are exactly what the
 * generator produces now: anyone can regenerate them (`npm run fixtures`) and get the same bytes.
 */
import { createHash } from 'crypto';
import { promises as fsp, readFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { gunzipSync } from 'zlib';
import { fixturePaths, symbolFiles, writeScenarioFixture } from './generateFixtures';
import { SCENARIOS } from '../scenarios';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const sha = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

describe('checked-in fixtures', () => {
  it.each(SCENARIOS.map((s) => [s.name, s] as const))('%s: the dump and its ground truth regenerate byte for byte', async (_n, sc) => {
    const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'kdsim-fix-'));
    try {
      const [dump, truth] = await writeScenarioFixture(sc, dir);
      const p = fixturePaths(sc);
      expect(sha(readFileSync(dump))).toBe(sha(readFileSync(path.join(ROOT, p.dump))));
      expect(readFileSync(truth, 'utf8')).toBe(readFileSync(path.join(ROOT, p.truth), 'utf8'));
    } finally {
      await fsp.rm(dir, { recursive: true, force: true });
    }
  });

  it('every shipped ISF and frame-data file of the simulated modules regenerates unchanged', () => {
    const files = symbolFiles();
    expect(files.length).toBeGreaterThan(40);
    for (const f of files) {
      const bytes = readFileSync(path.join(ROOT, 'symbols', f.path));
      expect([f.path, (f.path.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8') === f.text]).toEqual([f.path, true]);
    }
  });
});
