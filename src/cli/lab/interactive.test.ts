/**
 * The lab at a terminal, driven through streams: a learner's typed lines in, what the lab prints out. Played
 * through Part 2 on the blog's dump and on seeded dumps with the right commands and answers (all accepted)
 * and with wrong ones (each refused with the hint); `explore` leaves the lab's context alone; progress is kept.
 */
import * as fs from 'fs';
import * as path from 'path';
import { PassThrough } from 'stream';
import { tempDir } from '../../testing/tempDir';
import { showAnswer } from './answers';
import { runInteractive, wrongCommandReply } from './interactive';
import { LabSession } from './labSession';
import { ProgressFile, readProgress } from './progress';
import { seededDump } from '../../testing/seededDump';

const DUMP = path.resolve(__dirname, '..', '..', '..', 'fixtures', 'dumps', 'got-stack.dmp');

/** Runs the lab from `startAt` on the typed lines; returns what it printed and how many steps were done. */
async function learner(typed: string[], startAt: number, dump = DUMP, progress?: (lab: LabSession) => ProgressFile)
  : Promise<{ text: string; completed: number; lab: LabSession }> {
  const lab = await LabSession.open(dump);
  const input = new PassThrough();
  const output = new PassThrough();
  let text = '';
  output.on('data', (c: Buffer) => { text += c.toString('utf8'); });
  input.end(`${typed.join('\n')}\n`);
  try {
    let t = 0;
    const completed = await runInteractive(lab, { input, output }, { startAt, progress: progress?.(lab), now: () => (t += 1500) });
    return { text, completed, lab };
  } finally {
    lab.close();
  }
}

/** The right lines for Part 2 on a lab: each step's command, then each question's answer as a student types it. */
function rightPartTwo(lab: LabSession): string[] {
  return lab.steps.filter((s) => s.n >= 27).flatMap((s) => [s.command, ...(s.questions ?? []).map((q) => (q.kind === 'number' ? Number(q.answer).toString(10) : String(q.answer).toLowerCase()))]);
}

describe('the interactive lab', () => {
  it('runs an equivalent spelling, shows the output and the values to notice', async () => {
    const { text, completed } = await learner(['r tr', 'quit'], 3);
    expect(completed).toBe(1);
    expect(text).toContain('Step 3 of 32');
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

  it('names the command only after two misses', async () => {
    const lab = await LabSession.open(DUMP);
    const step = lab.step(5)!;
    lab.close();
    expect(wrongCommandReply(step, '!pcr', 1)).toEqual(['  Not this step\'s command. Display the fs register with r.']);
    expect(wrongCommandReply(step, 'r gs', 2)).toEqual(['  Right command, other arguments. Display the fs register with r.', '  The command is: rfs']);
  });

  it('explore opens a free session and back returns to the lab with its context untouched', async () => {
    const { text, completed } = await learner(['explore', '.tss 0x50', 'resp', 'back', 'resp;rebp', 'quit'], 17);
    expect(completed).toBe(1);
    expect(text).toContain('esp=f773d3c0'); // the free session moved to task 0x50 ...
    expect(text).toContain('  Back in the lab.');
    expect(text).toMatch(/esp=b8ae5fe4\nLast set context:\nebp=b8ae5fe4/); // ... the lab's is still task 0x28's
  });
});

describe('Part 2 by hand at the prompt', () => {
  it.each([['the blog\'s dump', 0], ['seed 7', 7], ['seed 31337', 31337]])('accepts the right commands and answers on %s', async (_name, seed) => {
    const dump = seed ? await seededDump(seed) : DUMP;
    const probe = await LabSession.open(dump);
    const typed = rightPartTwo(probe);
    probe.close();
    const { text, completed } = await learner(typed, 27, dump);
    expect(text).not.toContain('Not that.');
    expect(text).not.toContain('Not this step');
    expect(text.match(/ {2}Right: /g)).toHaveLength(4);
    expect(completed).toBe(6);
    expect(text).toContain('Lab complete');
  });

  it('refuses wrong answers with the question\'s hint, and skip shows the answer', async () => {
    const lab = await LabSession.open(DUMP);
    const q = lab.step(31)!.questions!;
    lab.close();
    const { text, completed } = await learner([lab.step(31)!.command, '0xf00', 'ntfs', `0x${Number(q[0].answer).toString(16)}`, 'ShScan', 'skip'], 31);
    expect(text).toContain(`  Not that. ${q[0].hint}\n  (\`skip\` shows the answer.)`); // second miss on the first question
    expect(text).toContain(`  Not that. ${q[1].hint}`);
    expect(text).toContain(`  The answer: ${showAnswer(q[1])}`);
    expect(q[1].answer).toBe('StackHog');
    expect(completed).toBe(1);
  });

  it('refuses the wrong driver at dps and takes it in any spelling', async () => {
    const { text } = await learner(['dps b8ae6000 b8ae9000', 'nt', 'ShScan', 'stackhog.SYS', 'quit'], 28);
    expect(text.match(/ {2}Not that\. Count the module!symbol names/g)).toHaveLength(2);
    expect(text).toContain('  Right: StackHog: 40 return addresses in the 12 KB.');
  });

  it('keeps the progress in a file: steps done, misses, hints, time', async () => {
    const file = path.join(tempDir('lab-progress'), 'ada.progress.json');
    await learner(['hint', 'kb', 'kfL200', 'skip'], 25, DUMP, (lab) => ProgressFile.open(file, DUMP, 'Ada', lab.steps.length));
    await new Promise((r) => setTimeout(r, 50));
    const p = readProgress(file);
    expect(p).toMatchObject({ student: 'Ada', dump: 'got-stack.dmp', totalSteps: 32 });
    expect(p.steps).toEqual([
      { n: 25, command: 'kfL200', done: true, skipped: false, misses: 1, hints: 1, seconds: 2 },
      { n: 26, command: 'kvL200', done: true, skipped: true, misses: 0, hints: 0, seconds: 2 },
    ]);
    expect(fs.readdirSync(path.dirname(file))).toEqual(['ada.progress.json']);
  });
});
