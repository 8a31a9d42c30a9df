/** `.frame n` and `.kframes n` on the got-stack dump (stack.cmd.ts): a frame printed as `kn` prints it, and the
 *  default depth of a bare `k` (`Default stack trace depth is 0n200 frames`, WinDbg's `.kframes` reply). */
import * as path from 'path';
import { openSession } from '../session/debugSession';
import { executeLine } from './dispatch';

const DUMP = path.resolve(__dirname, '../../../fixtures/dumps/got-stack.dmp');

async function text(line: string): Promise<string[]> {
  const session = openSession(DUMP);
  try {
    return (await executeLine(session, line)).flatMap((d) => d.lines);
  } finally {
    session.dump.close();
  }
}

describe('.frame and .kframes', () => {
  it('.frame n prints frame n as kn does, and a bare .frame repeats the selected one', async () => {
    const kn = await text('kn 3');
    const out = await text('.frame 2; .frame');
    expect(out).toEqual([kn[3], kn[3]]);
    expect(out[0]).toMatch(/^02 [0-9a-f]{8} [0-9a-f]{8} /);
  });

  it('.kframes sets how many frames a bare k walks', async () => {
    const out = await text('.kframes 2; k');
    expect(out[0]).toBe('Default stack trace depth is 0n2 frames');
    expect(out.slice(1)).toHaveLength(3); // header + two frames
  });
});
