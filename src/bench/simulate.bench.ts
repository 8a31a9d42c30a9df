/**
 * `kdsim simulate` end to end, as ratios to `node -e 0`: the blog scenario at the fixture's 32 MiB, and the same
 * machine with 4 GiB of RAM (runs above 4 GiB, a 4 GiB sparse file: the writer's hole handling is what is timed),
 * plus the in-process machine build alone.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Bench } from './types';
import { buildScenario } from '../simulator/simulate';

const KDSIM = path.resolve(__dirname, '..', 'cli', 'main.js');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kdsim-bench-sim-'));
const out = (name: string): string => path.join(dir, name);
const onDisk = (f: string): string => {
  const st = fs.statSync(f);
  return `${(st.size / 2 ** 20).toFixed(0)} MiB file, ${((st.blocks * 512) / 2 ** 20).toFixed(1)} MiB on disk`;
};

export const benches: Bench[] = [
  {
    name: 'simulate got-stack --ram 32M',
    command: () => [process.execPath, KDSIM, 'simulate', '--scenario', 'got-stack', '-o', out('s32.dmp'), '--truth', out('s32.json'), '--ram', '32M', '--force'],
    runs: 5,
    note: () => onDisk(out('s32.dmp')),
  },
  {
    name: 'simulate got-stack --ram 4G (sparse)',
    command: () => [process.execPath, KDSIM, 'simulate', '--scenario', 'got-stack', '-o', out('s4g.dmp'), '--ram', '4G', '--force'],
    runs: 3,
    note: () => {
      const n = onDisk(out('s4g.dmp'));
      fs.rmSync(dir, { recursive: true, force: true });
      return n;
    },
  },
  {
    name: 'build got-stack machine (in process)',
    fn: () => { buildScenario('got-stack', 1, 32 << 20); },
    runs: 5,
  },
];
