/**
 * Start-up cost of `kdsim analyze` on the blog fixture, end to end, as ratios to `node -e 0`: a memory display
 * (engine only), `!pcr` (structure commands), `u 8088c718 L1` (one instruction: the small decoder, no WebAssembly) and the register
 * display, each with issue 14's goal. Each is listed
 * only when the fixture exists (`npm run fixtures`).
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Bench } from './types';

const REPO = path.resolve(__dirname, '..', '..');
const FIXTURE = path.join(REPO, 'fixtures', 'dumps', 'got-stack.dmp');
const KDSIM = path.join(REPO, 'bin', 'kdsim'); // the user's entry: the bundle

const analyze = (name: string, command: string, ratio: number): Bench => ({
  name: `analyze -c "${command}"`,
  command: () => [process.execPath, KDSIM, 'analyze', FIXTURE, '--no-banner', '-c', command],
  runs: 11,
  note: () => name,
  goal: { ratio, rssMiB: 80 },
});

export const benches: Bench[] = fs.existsSync(FIXTURE)
  ? [
    analyze('engine only: dump, symbols, one dd', 'dd f7737000 L0x54', 1.5),
    analyze('structure command', '!pcr', 1.5),
    analyze('one instruction (small decoder, no wasm)', 'u 8088c718 L1', 2),
    analyze('register display and its instruction line', '.tss 0x28', 1.5),
  ]
  : [];
