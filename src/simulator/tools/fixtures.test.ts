/**
 * The checked-in fixture dump, its ground truth and the shipped ISF files are exactly what the generator
 * produces now: anyone can regenerate them (`npm run fixtures`) and get the same bytes.
 */
import { createHash } from 'crypto';
import { promises as fsp, readFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { gunzipSync } from 'zlib';
import { FIXTURE_RAM, FIXTURE_SCENARIO, symbolFiles } from './generateFixtures';
import { simulate } from '../simulate';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const sha = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

describe('checked-in fixtures', () => {
  it('got-stack.dmp and its ground truth regenerate byte for byte', async () => {
    const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'kdsim-fix-'));
    try {
      const dump = path.join(dir, 'got-stack.dmp');
      const truth = path.join(dir, 'got-stack.json');
      await simulate({ scenario: FIXTURE_SCENARIO, output: dump, truth, ramBytes: FIXTURE_RAM });
      expect(sha(readFileSync(dump))).toBe(sha(readFileSync(path.join(ROOT, 'fixtures/dumps/got-stack.dmp'))));
      expect(readFileSync(truth, 'utf8')).toBe(readFileSync(path.join(ROOT, 'fixtures/groundtruth/got-stack.json'), 'utf8'));
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
