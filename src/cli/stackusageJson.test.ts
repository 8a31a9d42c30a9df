/**
 * Issue 6's promise, as a script sees it: `kdsim analyze got-stack.dmp --json -c "!stackusage"` prints frames and
 * modules in the ground truth's own field names and units, so the two compare with a plain deep equality.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..');
const DUMP = path.join(ROOT, 'fixtures', 'dumps', 'got-stack.dmp');
const TRUTH = JSON.parse(fs.readFileSync(path.join(ROOT, 'fixtures', 'groundtruth', 'got-stack.json'), 'utf8'));
it('kdsim analyze --json -c "!stackusage" equals the fixture\'s ground truth', () => {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'kdsim'), 'analyze', DUMP, '--json', '-c', '!stackusage'], { encoding: 'utf8' });
  expect(r.status).toBe(0);
  const [entry] = JSON.parse(r.stdout);
  const pick = (f: Record<string, unknown>) => ({ childEbp: f.childEbp, retAddr: f.retAddr, symbol: f.symbol, frameBytes: f.frameBytes, kind: f.kind });
  expect(entry.model.frames.map(pick)).toEqual(TRUTH.frames.map(pick));
  expect(entry.model.modules.map((m: { module: string; bytes: number }) => ({ module: m.module, bytes: m.bytes }))).toEqual(TRUTH.modules);
  expect(entry.model.npxBytes).toBe(TRUTH.npxBytes);
});
