/**
 * Issue 11's "done when", in process (fast): for each build `simulate --build` stages and each dump type, the
 * simulated dump opens with that build's WinDbg version line, `!analyze -v` blames StackHog.sys, `!stackusage` and
 * the thread, process and processor commands work, and the session's kernel types are the build's (its real _KTHREAD size).
 */
import * as path from 'path';
import { openDump, osLine, runLineText, targetFacts } from '../analyzer';
import { buildByLabel, versionLine } from '../symbols/builds';
import { SIMULATED_BUILDS } from '../simulator/kit/buildMechanics';
import { simulate } from '../simulator/simulate';
import { tempDir } from '../testing/tempDir';

const KTHREAD_SIZE: Record<string, number> = { xp_sp3_x86: 0x1c0, win2003_sp2_x86: 0x1b8, win7_sp1_x86: 0x200, win10_x86_19041: 0x280 };
const dir = tempDir('builds-matrix');

describe.each(SIMULATED_BUILDS)('simulate --build %s', (build) => {
  it.each(['full', 'kernel', 'bitmap'] as const)('%s dump: version line, culprit, commands', async (dumpType) => {
    const file = path.join(dir, `${build}-${dumpType}.dmp`);
    await simulate({ scenario: 'got-stack', output: file, ramBytes: 16 << 20, build, dumpType });
    const session = openDump(file);
    try {
      expect(osLine(targetFacts(session))).toBe(versionLine(buildByLabel(build)!, { processors: 4 }));
      const analyze = (await runLineText(session, '!analyze -v')).join('\n');
      expect(analyze).toMatch(/^IMAGE_NAME: {2}StackHog\.sys$/m);
      const usage = (await runLineText(session, '!stackusage')).join('\n');
      expect(usage).toMatch(/StackHog/);
      const thread = (await runLineText(session, '!thread')).join('\n');
      expect(thread).toMatch(/THREAD 87d68438 .*Cid 0a4c\.0d18/);
      expect(thread).toMatch(/Owning Process +87/);
      const procs = (await runLineText(session, '!process 0 0')).join('\n');
      expect(procs).toMatch(/Image: System/);
      expect(procs).toMatch(/Image: StackHog\.exe/);
      expect((await runLineText(session, '!pcr 3')).join('\n')).toMatch(/KPCR for Processor 3/);
      expect(session.ntTypes?.sizeof('_KTHREAD')).toBe(KTHREAD_SIZE[build]);
    } finally {
      session.dump.close();
    }
  });
});
