/**
 * Triage throughput (issue 14): `kdsim triage --jobs 2` over 50, 200 and 1,000 distinct dump files (hard links
 * to the fixture under a temp folder, so no disk is spent), as dumps per second of wall time; goal ≥ 300/s and
 * ≤ 80 MiB per job (the peak RSS shown is the whole process: the main thread and both workers).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Bench } from './types';

const REPO = path.resolve(__dirname, '..', '..');
const FIXTURE = path.join(REPO, 'fixtures', 'dumps', 'got-stack.dmp');
const KDSIM = path.join(REPO, 'bin', 'kdsim');
const JOBS = 2;

let root: string | undefined;
function folder(n: number): string {
  root ??= fs.mkdtempSync(path.join(os.tmpdir(), 'kdsim-bench-triage-'));
  const dir = path.join(root, String(n));
  if (!fs.existsSync(dir)) {
    fs.mkdirSync(dir);
    for (let i = 0; i < n; i++) {
      const to = path.join(dir, `d${String(i).padStart(4, '0')}.dmp`);
      try { fs.linkSync(FIXTURE, to); } catch { fs.symlinkSync(FIXTURE, to); }
    }
  }
  return dir;
}
process.on('exit', () => { if (root) fs.rmSync(root, { recursive: true, force: true }); });

const triage = (n: number): Bench => {
  let rate = 0;
  return {
    name: `triage --jobs ${JOBS}, ${n} dumps`,
    setup: () => { folder(n); },
    command: () => [process.execPath, KDSIM, 'triage', '--jobs', String(JOBS), folder(n)],
    runs: n >= 1000 ? 3 : 5,
    note: () => `${rate.toFixed(0)} dumps/s (wall)`,
    goal: {
      rssMiB: 80 * (JOBS + 1),
      check: (m) => {
        rate = n / (m.ms / 1000);
        return rate >= 300 ? undefined : `${rate.toFixed(0)} dumps/s < goal 300`;
      },
    },
  };
};

export const benches: Bench[] = fs.existsSync(FIXTURE) ? [triage(50), triage(200), triage(1000)] : [];
