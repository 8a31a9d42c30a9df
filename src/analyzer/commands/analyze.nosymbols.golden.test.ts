/**
 * Golden transcripts of `!analyze -v` on the blog's dump without symbols (issue 10): an empty symbol path (no
 * ISF at all) and a path holding only the Windows modules' ISF (no symbols for the third-party drivers). They
 * record what kdsim says today — including a confidence below `high` and never an nt/HAL blame — so that any
 * change to the symbol-less reconstruction shows up as a reviewed diff. UPDATE_GOLDENS=1 rewrites them.
 */
import * as fs from 'fs';
import * as path from 'path';
import { expectGolden } from '../../testing/golden';
import { openDump, runLineText, analysis } from '../index';
import { tempDir } from '../../testing/tempDir';

const ROOT = path.resolve(__dirname, '../../..');
const DUMP = path.join(ROOT, 'fixtures/dumps/got-stack.dmp');
const TRANSCRIPTS = path.join(ROOT, 'fixtures/transcripts');
const THIRD_PARTY = /^(stackhog|shfilter|shscan|shcore)\.pdb$/i;

describe('!analyze -v on got-stack.dmp without symbols', () => {
  const dir = tempDir('nosym');
  const empty = path.join(dir, 'empty');
  const windowsOnly = path.join(dir, 'windows');
  fs.mkdirSync(empty);
  fs.mkdirSync(windowsOnly);
  const store = path.join(ROOT, 'symbols/windows');
  for (const e of fs.readdirSync(store)) if (!THIRD_PARTY.test(e)) fs.cpSync(path.join(store, e), path.join(windowsOnly, e), { recursive: true });

  for (const [name, sub] of [['got-stack-analyze-nosymbols.txt', 'empty'], ['got-stack-analyze-nodriversymbols.txt', 'windows']] as const) {
    it(`${name}: matches its golden, blames a driver, and is not sure`, async () => {
      const s = openDump(DUMP, { symbolPath: [path.join(dir, sub)] });
      try {
        const lines = await runLineText(s, '!analyze -v');
        expectGolden(path.join(TRANSCRIPTS, name), `kd> !analyze -v\n${lines.join('\n')}\n`);
        const m = await analysis(s);
        expect(['nt', 'hal']).not.toContain(m.blame?.module);
        expect(m.confidence?.level).not.toBe('high');
        expect(lines.some((l) => l.startsWith('[kdsim] Confidence: '))).toBe(true);
      } finally {
        s.dump.close();
      }
    });
  }
});
