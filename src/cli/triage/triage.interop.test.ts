/**
 * `kdsim triage` over the interop dumps of ../shared/interop (written by an independent generator: a double fault
 * whose task and thread cannot be read, so no verdict and no culprit) mixed with hostile files from
 * fixtures/malformed (an error row each, the others go on). Runs under `npm run test:interop`; a missing corpus fails.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { expandInputs } from './inputs';
import { triageAll } from './pool';
import { renderTriage, renderTriageTable } from './render';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const INTEROP = path.resolve(ROOT, '..', 'shared', 'interop');
const MALFORMED = path.join(ROOT, 'fixtures', 'malformed');
const expected = JSON.parse(fs.readFileSync(path.join(MALFORMED, 'expected.json'), 'utf8')) as Record<string, { message: string }>;

describe('triage of a directory with the interop dumps and malformed files', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kdsim-triage-'));
  beforeAll(() => {
    for (const f of ['gen-guard.dmp', 'gen-high-nx.dmp', 'gen-plain.dmp']) {
      fs.symlinkSync(path.join(INTEROP, f), path.join(dir, f));
    }
    for (const f of ['bad-signature.dmp', 'truncated-header.dmp']) fs.symlinkSync(path.join(MALFORMED, f), path.join(dir, f));
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'not a dump, not picked up');
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it(`finds the interop corpus at ${INTEROP}`, () => {
    for (const f of ['gen-guard.dmp', 'gen-high-nx.dmp', 'gen-plain.dmp']) expect([f, fs.existsSync(path.join(INTEROP, f))]).toEqual([f, true]);
  });

  const undetermined = (file: string) => ({
    file: path.join(dir, file),
    bugcheck: { code: 0x7f, args: [8, 0x80042000, 0, 0] },
    verdict: 'unknown',
    verdictReason: 'double fault, but the interrupted task or its thread\'s stack could not be read',
  });

  it('gives one exact row per .dmp file, in name order, the failures among them', async () => {
    const rows = await triageAll(expandInputs([dir]), { jobs: 1 });
    expect(rows).toEqual([
      { file: path.join(dir, 'bad-signature.dmp'), error: { code: 'E_FORMAT', message: expected['bad-signature.dmp'].message } },
      undetermined('gen-guard.dmp'),
      undetermined('gen-high-nx.dmp'),
      undetermined('gen-plain.dmp'),
      { file: path.join(dir, 'truncated-header.dmp'), error: { code: 'E_FORMAT', message: expected['truncated-header.dmp'].message } },
    ]);
  });

  it('prints an error row as the file and its one-line error, wrapped inside the row', async () => {
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

  it('counts the dumps by culprit, the unblamed and the unopened on their own lines', async () => {
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
      '',
      'Dumps by bucket:',
      [
        '┌───────────────────┬───────┬──────────────┐',
        '│ FAILURE_BUCKET_ID │ dumps │ culprits     │',
        '├───────────────────┼───────┼──────────────┤',
        '│ (no bucket)       │     3 │ (no culprit) │',
        '│ (not opened)      │     2 │ -            │',
        '└───────────────────┴───────┴──────────────┘',
      ].join('\n'),
      '5 dumps, 3 analysed, 2 not opened',
    ]);
  });
});
