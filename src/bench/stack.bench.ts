/**
 * Cost of the stack reconstruction on the blog fixture:
 *  - in process: `!stackusage` on the overflowed thread (scan of the whole 12 KB stack, grading of every dword,
 *    call-site decoding, best-chain search, accounting), session opened once in setup;
 *  - end to end, as ratios to `node -e 0`: `kdsim analyze <fixture>` with no -c (banner + `!analyze -v`, the
 *    main job; goal ≤ 1.5×) and `-c "!stackusage"`.
 * Listed only when the fixture exists (`npm run fixtures`).
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Bench } from './types';

const REPO = path.resolve(__dirname, '..', '..');
const FIXTURE = path.join(REPO, 'fixtures', 'dumps', 'got-stack.dmp');
const KDSIM = path.join(REPO, 'bin', 'kdsim'); // the user's entry: the bundle

type Session = import('../analyzer/session/debugSession').DebugSession;
let session: Session | undefined;
let frames = 0;

const inProcess: Bench = {
  name: 'reconstruct 12 KB stack (!stackusage, in process)',
  async setup() {
    const { openSession } = await import('../analyzer/session/debugSession');
    session = openSession(FIXTURE);
    const { stackUsageModel } = await import('../analyzer/commands/stackusage.cmd');
    await stackUsageModel(session, ''); // loads iced-x86 and warms the page cache once
  },
  async fn() {
    const { stackUsageModel } = await import('../analyzer/commands/stackusage.cmd');
    frames = (await stackUsageModel(session!, '')).use.frames.length;
  },
  runs: 10,
  note: () => `${frames} frames rebuilt`,
};

export const benches: Bench[] = fs.existsSync(FIXTURE)
  ? [
    inProcess,
    { name: 'kdsim analyze <fixture> (banner + !analyze -v)', command: () => [process.execPath, KDSIM, 'analyze', FIXTURE], runs: 11, goal: { ratio: 1.5, rssMiB: 80 } },
    { name: 'analyze -c "!stackusage"', command: () => [process.execPath, KDSIM, 'analyze', FIXTURE, '--no-banner', '-c', '!stackusage'], runs: 5 },
  ]
  : [];
