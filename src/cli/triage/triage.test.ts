/**
 * `kdsim triage` over the blog scenario's fixture (a golden row) beside a hostile file; the interop corpus's cases
 * are in triage.interop.test.ts.
 */
import * as path from 'path';
import { expandInputs } from './inputs';
import { triageAll } from './pool';
import { renderTriage, triageJson } from './render';
import { expectGolden } from '../../testing/golden';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const MALFORMED = path.join(ROOT, 'fixtures', 'malformed');
const GOT_STACK = path.join(ROOT, 'fixtures', 'dumps', 'got-stack.dmp');

describe('triage of got-stack.dmp', () => {
  it('blames StackHog.sys for 0x1194 bytes (36.6%) of the 12 KB, as !stackusage does (golden row)', async () => {
    const rows = await triageAll(expandInputs([GOT_STACK]), { jobs: 1 });
    const label = 'fixtures/dumps/got-stack.dmp';
    const shown = rows.map((r) => ({ ...r, file: label }));
    const text = `${renderTriage(shown).join('\n')}\n\n${JSON.stringify(triageJson(shown), null, 2)}\n`;
    expectGolden(path.join(__dirname, 'got-stack.triage.golden.txt'), text);
    expect(rows[0].culprit).toMatchObject({ module: 'StackHog', imageName: 'StackHog.sys', symbol: 'StackHog!ShBuildRequestPath+2c', stackBytes: 0x1194, percent: 36.6 });
    expect(rows[0].culprit?.confidence?.level).toBe('high');
    expect(rows[0].culprit?.tieWith).toBeUndefined();
  });

  it('keeps input order and names a file given twice once, next to a file that fails', async () => {
    const rows = await triageAll(expandInputs([path.join(MALFORMED, 'empty.dmp'), GOT_STACK, GOT_STACK]), { jobs: 1 });
    expect(rows.map((r) => [path.basename(r.file), r.error?.code ?? r.verdict])).toEqual([['empty.dmp', 'E_FORMAT'], ['got-stack.dmp', 'kernel stack overflow']]);
  });
});
