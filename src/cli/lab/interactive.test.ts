/**
 * The lab at a terminal, driven through streams: a learner's typed lines in, what the lab prints out.
 */
import * as path from 'path';
import { PassThrough } from 'stream';
import { runInteractive, wrongCommandReply } from './interactive';
import { LabSession, stepByNumber } from './labSession';

const DUMP = path.resolve(__dirname, '..', '..', '..', 'fixtures', 'dumps', 'got-stack.dmp');

/** Runs the lab from `startAt` on the typed lines; returns what it printed and how many steps were done. */
async function learner(typed: string[], startAt: number): Promise<{ text: string; completed: number }> {
  const lab = LabSession.open(DUMP);
  const input = new PassThrough();
  const output = new PassThrough();
  let text = '';
  output.on('data', (c: Buffer) => { text += c.toString('utf8'); });
  input.end(`${typed.join('\n')}\n`);
  try {
    const completed = await runInteractive(lab, { input, output }, startAt);
    return { text, completed };
  } finally {
    lab.close();
  }
}

describe('the interactive lab', () => {
  it('runs an equivalent spelling, shows the output and the values to notice', async () => {
    const { text, completed } = await learner(['r tr', 'quit'], 3);
    expect(completed).toBe(1);
    expect(text).toContain('Step 3 of 27');
    expect(text).toContain('  Type: rtr');
    expect(text).toContain('Last set context:\ntr=00000050\n');
    expect(text).toContain('    tr=00000050   <- the processor runs task 0x50, the double-fault handler');
    expect(text).toContain('Stopped at step 4; `kdsim lab --step 4` starts here again.');
  });

  it('does not run a wrong command: a hint, then the command after the second miss', async () => {
    const { text, completed } = await learner(['kb', 'dd f7737000 L1', 'dd f7737000 L0x54'], 12);
    expect(completed).toBe(1);
    expect(text).not.toContain('ChildEBP');
    expect(text).toContain('  Not this step\'s command. dd at f7737000 with the count L0x54.');
    expect(text).toContain('  Right command, other arguments. dd at f7737000 with the count L0x54.\n  The command is: dd f7737000 L0x54');
    expect(text).toContain('f7737140  00000000 00000000 00000000 00000000');
  });

  it('types the command for a learner who skips, and ends when the input does', async () => {
    const { text, completed } = await learner(['hint', 'skip'], 26);
    expect(completed).toBe(1);
    expect(text).toContain('  kv with the frame count L200.');
    expect(text).toContain('3: kd> kvL200\n');
    expect(text).toContain('Stopped at step 27');
  });

  it('names the command only after two misses', () => {
    const step = stepByNumber(5)!;
    expect(wrongCommandReply(step, '!pcr', 1)).toEqual(['  Not this step\'s command. Display the fs register with r.']);
    expect(wrongCommandReply(step, 'r gs', 2)).toEqual(['  Right command, other arguments. Display the fs register with r.', '  The command is: rfs']);
  });
});
