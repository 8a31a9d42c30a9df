import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { expandInputs, globFiles, segmentRegExp } from './inputs';
import { groupByCulprit } from './summary';
import { bugcheckLabel, shortError } from './render';
import { rowFromError } from './triageModel';
import { KdsimError } from '../../common/errors';

describe('triage inputs', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kdsim-inputs-'));
  beforeAll(() => {
    fs.mkdirSync(path.join(dir, 'a', 'deep'), { recursive: true });
    fs.mkdirSync(path.join(dir, 'empty'));
    for (const f of ['b.dmp', 'a.DMP', 'c.txt', 'a/x1.dmp', 'a/x2.dmp', 'a/deep/y.dmp', '.hidden.dmp']) fs.writeFileSync(path.join(dir, f), '');
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const rel = (p: string) => path.relative(dir, p);

  it('takes a directory as the .dmp files directly in it, sorted, any case of the extension', () => {
    expect(expandInputs([dir]).map((i) => rel(i.path))).toEqual(['.hidden.dmp', 'a.DMP', 'b.dmp']);
  });

  it('expands *, ? and ** segment by segment, skipping dot files unless asked', () => {
    expect(globFiles(`${dir}/*.dmp`).map(rel)).toEqual(['b.dmp']);
    expect(globFiles(`${dir}/a/x?.dmp`).map(rel)).toEqual(['a/x1.dmp', 'a/x2.dmp']);
    expect(globFiles(`${dir}/**/*.dmp`).map(rel)).toEqual(['a/deep/y.dmp', 'a/x1.dmp', 'a/x2.dmp', 'b.dmp']);
    expect(globFiles(`${dir}/*/x[2-9].dmp`).map(rel)).toEqual(['a/x2.dmp']);
  });

  it('names each file once, in argument order', () => {
    const got = expandInputs([path.join(dir, 'b.dmp'), `${dir}/a/*.dmp`, path.join(dir, 'a', 'x1.dmp')]);
    expect(got.map((i) => rel(i.path))).toEqual(['b.dmp', 'a/x1.dmp', 'a/x2.dmp']);
  });

  it('keeps an argument that names nothing as an entry with its problem', () => {
    expect(expandInputs([`${dir}/none/*.dmp`, path.join(dir, 'empty')]).map((i) => i.problem)).toEqual([
      `kdsim: ${dir}/none/*.dmp: no file matches`,
      `kdsim: ${path.join(dir, 'empty')}: no .dmp file in this directory`,
    ]);
  });

  it('passes a missing plain file through, for the dump layer to name the error', () => {
    expect(expandInputs(['missing.dmp'])).toEqual([{ path: 'missing.dmp', label: 'missing.dmp' }]);
  });

  it('escapes regular-expression characters of a segment', () => {
    expect(segmentRegExp('crash(1)+.dmp').test('crash(1)+.dmp')).toBe(true);
    expect(segmentRegExp('a.dmp').test('aXdmp')).toBe(false);
  });
});

describe('triage summary and labels', () => {
  const row = (file: string, imageName?: string, overflow = true) => ({
    file, verdict: overflow ? 'kernel stack overflow' as const : 'other' as const,
    ...(imageName ? { culprit: { module: imageName.replace(/\..*/, ''), imageName, symbol: `${imageName}+10` } } : {}),
  });

  it('groups by culprit image, most dumps first, the unblamed and the unopened last', () => {
    const groups = groupByCulprit([
      row('1', 'ShFilter.sys'), row('2', 'StackHog.sys'), row('3'), row('4', 'StackHog.sys', false),
      rowFromError('5', new KdsimError('E_FILE', 'kdsim: 5: cannot open', 3)), row('6', 'Alpha.sys'),
    ]);
    expect(groups.map((g) => [g.culprit, g.dumpCount, g.overflowCount, g.files.join(',')])).toEqual([
      ['StackHog.sys', 2, 1, '2,4'], ['Alpha.sys', 1, 1, '6'], ['ShFilter.sys', 1, 1, '1'],
      ['(no culprit)', 1, 1, '3'], ['(not opened)', 1, 0, '5'],
    ]);
  });

  it('writes the bugcheck as code/trap for 0x7F and as the code alone otherwise', () => {
    expect(bugcheckLabel(0x7f, 8)).toBe('0x7F/8');
    expect(bugcheckLabel(0x7f, 0xd)).toBe('0x7F/D');
    expect(bugcheckLabel(0xd1, 0x1c)).toBe('0xD1');
  });

  it('drops the kdsim: and file prefixes the row already shows', () => {
    const r = rowFromError('d/x.dmp', new KdsimError('E_FORMAT', 'kdsim: x.dmp: not a crash dump', 4));
    expect(shortError(r)).toBe('not a crash dump');
    expect(rowFromError('y.dmp', new Error('boom')).error).toEqual({ code: 'E_INTERNAL', message: 'kdsim: internal error: boom (please report this with the dump)' });
  });
});
