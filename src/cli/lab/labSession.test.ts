/**
 * `kdsim lab --check` over the blog's fixture: every step, typed in the blog's order in one session, prints the
 * lines walkthrough.md expects; step 1 is WinDbg's one-frame form; jumping to a step replays the context.
 */
import * as path from 'path';
import { checkLab, LabSession, LAB_STEPS, renderCheck, stepByNumber } from './labSession';

const DUMP = path.resolve(__dirname, '..', '..', '..', 'fixtures', 'dumps', 'got-stack.dmp');

describe('the lab over got-stack.dmp', () => {
  let lab: LabSession;
  beforeEach(() => { lab = LabSession.open(DUMP); });
  afterEach(() => lab?.close());

  it('passes every step of walkthrough Part 1 and the !stackusage reveal', async () => {
    const outcomes = await checkLab(lab);
    expect(renderCheck(outcomes).filter((l) => !l.endsWith('  ok'))).toEqual([`walkthrough Part 1 lab: ${LAB_STEPS.length}/${LAB_STEPS.length} steps as expected`]);
    for (const o of outcomes) expect({ step: o.step.n, missing: o.notices.filter((n) => !n.line).map((n) => n.notice.line) }).toEqual({ step: o.step.n, missing: [] });
  });

  it('shows WinDbg\'s one-frame !analyze -v at step 1, blaming nt, not the reconstruction', async () => {
    const o = await lab.run(stepByNumber(1)!);
    expect(o.lines).toContain('MODULE_NAME: nt');
    expect(o.lines.join('\n')).not.toMatch(/StackHog\.sys|\[kdsim\]/);
  });

  it('replays the steps before --step so that rcr2 prints "Last set context:" as on the blog', async () => {
    const only = await checkLab(lab, 21);
    expect(only.map((o) => [o.step.n, o.problem])).toEqual([[21, undefined]]);
    expect(only[0].lines).toEqual(['Last set context:', 'cr2=b8ae5fe0']);
  });

  it('reports the missing line when the session is not in the blog\'s context', async () => {
    const o = await lab.run(stepByNumber(17)!); // without step 2's .tss 0x28: the bugcheck context's registers
    expect(o.problem).toMatch(/^missing \(in this order\): /);
  });
});
