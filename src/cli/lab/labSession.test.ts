/**
 * `kdsim lab --check`: over the blog's fixture every step prints the blog's lines (step 1 is WinDbg's one-frame
 * form; jumping to a step replays the context), and over dumps simulated with other seeds every step passes
 * with that dump's own values, which differ from the blog's.
 */
import * as path from 'path';
import { seededDump } from '../../testing/seededDump';
import { checkLab, LabSession, renderCheck } from './labSession';

const DUMP = path.resolve(__dirname, '..', '..', '..', 'fixtures', 'dumps', 'got-stack.dmp');

const allOk = (lab: LabSession, lines: string[]) => expect(lines.filter((l) => !l.endsWith('  ok')))
  .toEqual([`walkthrough lab: ${lab.steps.length}/${lab.steps.length} steps as expected`]);

describe('the lab over got-stack.dmp', () => {
  let lab: LabSession;
  beforeEach(async () => { lab = await LabSession.open(DUMP); });
  afterEach(() => lab?.close());

  it('passes every step of Part 1, Part 2 by hand and the !stackusage confirmation', async () => {
    const outcomes = await checkLab(lab);
    allOk(lab, renderCheck(outcomes));
    expect(lab.steps.map((s) => s.n)).toEqual(Array.from({ length: 32 }, (_, i) => i + 1));
    for (const o of outcomes) expect({ step: o.step.n, missing: o.notices.filter((n) => !n.line).map((n) => n.notice.line) }).toEqual({ step: o.step.n, missing: [] });
  });

  it('reads the blog\'s values from the blog\'s dump', () => {
    expect(lab.step(2)!.command).toBe('.tss 0x28');
    expect(lab.step(18)!.command).toBe('dd b8ae5fe4 L1');
    expect(lab.step(23)!.command).toBe('? ebp+0x0c');
    expect(lab.step(28)!.command).toBe('dps b8ae6000 b8ae9000');
    expect(lab.step(31)!.command).toBe('kf = b8ae60ec b8ae6058 808813d8 L200');
    expect(lab.facts.modules[0]).toMatchObject({ module: 'StackHog', bytes: 0x1194 });
    expect(lab.step(31)!.questions!.map((q) => q.answer)).toEqual([0xf64, 'StackHog']);
  });

  it('shows WinDbg\'s one-frame !analyze -v at step 1, blaming nt, not the reconstruction', async () => {
    const o = await lab.run(lab.step(1)!);
    expect(o.lines).toContain('MODULE_NAME: nt');
    expect(o.lines.join('\n')).not.toMatch(/StackHog\.sys|\[kdsim\]/);
  });

  it('replays the steps before --step so that rcr2 prints "Last set context:" as on the blog', async () => {
    const only = await checkLab(lab, 21);
    expect(only.map((o) => [o.step.n, o.problem])).toEqual([[21, undefined]]);
    expect(only[0].lines).toEqual(['Last set context:', 'cr2=b8ae5fe0']);
  });

  it('reports the missing line when the session is not in the blog\'s context', async () => {
    const o = await lab.run(lab.step(17)!); // without step 2's .tss 0x28: the bugcheck context's registers
    expect(o.problem).toMatch(/^missing \(in this order\): /);
  });
});

describe('the lab over dumps made with other seeds', () => {
  it.each([7, 4242])('passes every step on seed %i, with that dump\'s values', async (seed) => {
    const lab = await LabSession.open(await seededDump(seed));
    try {
      allOk(lab, renderCheck(await checkLab(lab)));
      expect(lab.step(31)!.command).not.toBe('kf = b8ae60ec b8ae6058 808813d8 L200');
    } finally {
      lab.close();
    }
  });
});
