/**
 * `kdsim triage` over real files: the interop dumps (written by an independent generator: a double fault whose
 * task and thread cannot be read, so no verdict and no culprit), hostile files from fixtures/malformed (an
 * error row each, the others go on) and the blog scenario's fixture (a golden row).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { expandInputs } from './inputs';
import { triageAll } from './pool';
import { renderTriage, renderTriageTable, triageJson } from './render';
import { expectGolden } from '../../testing/golden';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const INTEROP = path.resolve(ROOT, '..', 'shared', 'interop');
const MALFORMED = path.join(ROOT, 'fixtures', 'malformed');
const GOT_STACK = path.join(ROOT, 'fixtures', 'dumps', 'got-stack.dmp');
const expected = JSON.parse(fs.readFileSync(path.join(MALFORMED, 'expected.json'), 'utf8')) as Record<string, { message: string }>;

const haveInterop = fs.existsSync(path.join(INTEROP, 'gen-plain.dmp'));
if (!haveInterop) console.warn(`triage.test: no interop corpus at ${INTEROP}; its cases are skipped`);
const itInterop = haveInterop ? it : it.skip;
const itFixture = fs.existsSync(GOT_STACK) ? it : it.skip;

describe('triage of a directory with the interop dumps and malformed files', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kdsim-triage-'));
  beforeAll(() => {
    for (const f of ['gen-guard.dmp', 'gen-high-nx.dmp', 'gen-plain.dmp']) {
      if (haveInterop) fs.symlinkSync(path.join(INTEROP, f), path.join(dir, f));
    }
    for (const f of ['bad-signature.dmp', 'truncated-header.dmp']) fs.symlinkSync(path.join(MALFORMED, f), path.join(dir, f));
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'not a dump, not picked up');
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const undetermined = (file: string) => ({
    file: path.join(dir, file),
    bugcheck: { code: 0x7f, args: [8, 0x80042000, 0, 0] },
    verdict: 'unknown',
    verdictReason: 'double fault, but the interrupted task or its thread\'s stack could not be read',
  });

  itInterop('gives one exact row per .dmp file, in name order, the failures among them', async () => {
    const rows = await triageAll(expandInputs([dir]), { jobs: 1 });
    expect(rows).toEqual([
      { file: path.join(dir, 'bad-signature.dmp'), error: { code: 'E_FORMAT', message: expected['bad-signature.dmp'].message } },
      undetermined('gen-guard.dmp'),
      undetermined('gen-high-nx.dmp'),
      undetermined('gen-plain.dmp'),
      { file: path.join(dir, 'truncated-header.dmp'), error: { code: 'E_FORMAT', message: expected['truncated-header.dmp'].message } },
    ]);
  });

  itInterop('prints an error row as the file and its one-line error, wrapped inside the row', async () => {
    const rows = await triageAll(expandInputs([path.join(dir, 'gen-plain.dmp'), path.join(dir, 'truncated-header.dmp')]), { jobs: 1 });
    const shown = renderTriageTable(rows.map((r) => ({ ...r, file: path.basename(r.file) })));
    expect(shown.split('\n')).toEqual([
      '┌──────────────────────┬──────────┬─────────┬─────────┬─────────────┬────────────┬────────┬─────────┐',
      '│ dump                 │ bugcheck │ verdict │ culprit │ stack bytes │ % of stack │ thread │ process │',
      '├──────────────────────┼──────────┼─────────┼─────────┼─────────────┼────────────┼────────┼─────────┤',
      '│ gen-plain.dmp        │ 0x7F/8   │ unknown │ -       │           - │          - │ -      │ -       │',
      '│ truncated-header.dmp │ error: the file is 0x200 bytes, shorter than the 0x1000-byte               │',
      '│                      │ DUMP_HEADER32 (truncated dump?)                                            │',
      '└──────────────────────┴────────────────────────────────────────────────────────────────────────────┘',
    ]);
  });

  itInterop('counts the dumps by culprit, the unblamed and the unopened on their own lines', async () => {
    const text = renderTriage(await triageAll(expandInputs([dir]), { jobs: 1 }));
    expect(text.slice(1)).toEqual([
      '',
      'Dumps by culprit:',
      [
        '┌──────────────┬───────┬───────────┐',
        '│ culprit      │ dumps │ overflows │',
        '├──────────────┼───────┼───────────┤',
        '│ (no culprit) │     3 │         0 │',
        '│ (not opened) │     2 │         0 │',
        '└──────────────┴───────┴───────────┘',
      ].join('\n'),
      '5 dumps, 3 analysed, 2 not opened',
    ]);
  });
});

describe('triage of got-stack.dmp', () => {
  itFixture('blames StackHog.sys for 0x1194 bytes (36.6%) of the 12 KB, as !stackusage does (golden row)', async () => {
    const rows = await triageAll(expandInputs([GOT_STACK]), { jobs: 1 });
    const label = 'fixtures/dumps/got-stack.dmp';
    const shown = rows.map((r) => ({ ...r, file: label }));
    const text = `${renderTriage(shown).join('\n')}\n\n${JSON.stringify(triageJson(shown), null, 2)}\n`;
    expectGolden(path.join(__dirname, 'got-stack.triage.golden.txt'), text);
    expect(rows[0].culprit).toEqual({ module: 'StackHog', imageName: 'StackHog.sys', symbol: 'StackHog!ShBuildRequestPath+2c', stackBytes: 0x1194, percent: 36.6 });
  });

  itFixture('keeps input order and names a file given twice once, next to a file that fails', async () => {
    const rows = await triageAll(expandInputs([path.join(MALFORMED, 'empty.dmp'), GOT_STACK, GOT_STACK]), { jobs: 1 });
    expect(rows.map((r) => [path.basename(r.file), r.error?.code ?? r.verdict])).toEqual([['empty.dmp', 'E_FORMAT'], ['got-stack.dmp', 'kernel stack overflow']]);
  });
});
