/**
 * `kdsim lab class` and `kdsim lab report`: a small class (3 students, 16M machines) in a temp folder — distinct
 * dumps, a key that agrees with each dump's scenario truth, nothing replaced without --force — and the class
 * table from progress files.
 */
import * as fs from 'fs';
import * as path from 'path';
import { tempDir } from '../../testing/tempDir';
import { disagreements } from './answerKey';
import { writeClass } from './classCommand';
import { renderCsv, renderReport, reportRow } from './classReport';
import { LabSession } from './labSession';
import { PROGRESS_FORMAT, type LabProgress } from './progress';

describe('kdsim lab class', () => {
  const dir = path.join(tempDir('lab-class'), 'class');
  const opts = { students: 3, seedBase: 500, dir, scenario: 'got-stack', ramBytes: 16 * 2 ** 20, force: false };

  it('writes one distinct dump per student and a key that agrees with each dump\'s truth', async () => {
    const entries = await writeClass(opts);
    expect(fs.readdirSync(dir).sort()).toEqual(['answer-key.md', 'student-01.dmp', 'student-02.dmp', 'student-03.dmp']);
    expect(entries.map((e) => e.seed)).toEqual([500, 501, 502]);
    for (const e of entries) {
      expect({ student: e.student, off: disagreements(e) }).toEqual({ student: e.student, off: [] });
      expect(e.truth.modules.length).toBeGreaterThan(0);
    }
    const digests = entries.map((e) => JSON.stringify([e.facts.kCommand, e.facts.modules, e.facts.cr2, e.facts.task]));
    expect(new Set(digests).size).toBe(3);
    const key = fs.readFileSync(path.join(dir, 'answer-key.md'), 'utf8');
    for (const e of entries) {
      expect(key).toContain(`| ${e.student} | ${e.dump} | ${e.seed} | ${e.facts.modules[0].module} |`);
      expect(key).toContain(`\`${e.facts.kCommand}\``);
    }
    expect(key).not.toContain('| differs:');
    // The lab a student gets from their dump checks the key's values.
    const lab = await LabSession.open(path.join(dir, 'student-02.dmp'));
    try {
      expect(lab.step(31)!.questions![1].answer).toBe(entries[1].facts.modules[0].module);
      expect(lab.step(31)!.command).toBe(`${entries[1].facts.kCommand} L200`);
    } finally {
      lab.close();
    }
  });

  it('refuses to replace the class without --force, before writing anything', async () => {
    const before = fs.statSync(path.join(dir, 'student-01.dmp')).mtimeMs;
    await expect(writeClass(opts)).rejects.toThrow(/answer-key\.md exists \(use --force to overwrite\)/);
    expect(fs.statSync(path.join(dir, 'student-01.dmp')).mtimeMs).toBe(before);
  });
});

describe('kdsim lab report', () => {
  const progress = (student: string, steps: [number, number, number, number, boolean][]): LabProgress => ({
    format: PROGRESS_FORMAT, student, dump: `${student}.dmp`, totalSteps: 32, started: '', updated: '',
    steps: steps.map(([n, misses, hints, seconds, skipped]) => ({ n, command: 'x', done: true, skipped, misses, hints, seconds })),
  });
  const rows = [progress('ada', [[1, 0, 0, 60, false], [2, 2, 1, 120, false]]), progress('bob, jr', [[1, 1, 0, 30, true]])].map(reportRow);

  it('sums each student\'s steps, misses, hints, skips and time', () => {
    expect(rows[0]).toEqual({ student: 'ada', dump: 'ada.dmp', done: 2, total: 32, misses: 2, hints: 1, skipped: 0, minutes: 3, lastStep: 2 });
    const ada = renderReport(rows).split('\n').find((l) => l.includes('ada.dmp'))!;
    expect(ada.split('│').map((c) => c.trim()).filter(Boolean)).toEqual(['ada', 'ada.dmp', '2/32', '2', '1', '0', '3.0', '2']);
    expect(renderCsv(rows).split('\n')).toEqual(['student,dump,done,total,misses,hints,skipped,minutes,lastStep',
      'ada,ada.dmp,2,32,2,1,0,3,2', '"bob, jr","bob, jr.dmp",1,32,1,0,1,0.5,1', '']);
  });
});
