/**
 * Start-up cost of `kdsim analyze` on the blog fixture, end to end, as ratios to `node -e 0`: a memory display
 * (engine only), `!pcr` (structure commands), and `u 8088c718` (the first command that loads iced-x86), so the
 * table shows what the disassembler costs when it is used and that it costs nothing otherwise. Each is listed
 * only when the fixture exists (`npm run fixtures`).
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Bench } from './types';

const REPO = path.resolve(__dirname, '..', '..');
const FIXTURE = path.join(REPO, 'fixtures', 'dumps', 'got-stack.dmp');
const KDSIM = path.join(REPO, 'dist', 'cli', 'main.js');

const analyze = (name: string, command: string): Bench => ({
  name: `analyze -c "${command}"`,
  command: () => [process.execPath, KDSIM, 'analyze', FIXTURE, '--no-banner', '-c', command],
  runs: 5,
  note: () => name,
});

export const benches: Bench[] = fs.existsSync(FIXTURE)
  ? [
    analyze('engine only: dump, symbols, one dd', 'dd f7737000 L0x54'),
    analyze('structure command', '!pcr'),
    analyze('loads iced-x86', 'u 8088c718'),
    analyze('banner + register display (disassembler for the instruction line)', '.tss 0x28'),
  ]
  : [];
