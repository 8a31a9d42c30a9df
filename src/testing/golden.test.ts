import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { compareGolden, sanitize } from './golden';

describe('golden transcripts', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kdsim-golden-'));
  const golden = path.join(dir, 'step.txt');
  const saved = process.env.UPDATE_GOLDENS;
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  afterEach(() => { if (saved === undefined) delete process.env.UPDATE_GOLDENS; else process.env.UPDATE_GOLDENS = saved; });

  it('writes .actual beside a missing golden and fails', () => {
    delete process.env.UPDATE_GOLDENS;
    const r = compareGolden(golden, 'a\nb\n');
    expect(r.ok).toBe(false);
    expect(fs.readFileSync(`${golden}.actual`, 'utf8')).toBe('a\nb\n');
  });

  it('rewrites the golden only under UPDATE_GOLDENS=1, then matches', () => {
    process.env.UPDATE_GOLDENS = '1';
    expect(compareGolden(golden, 'a\nb\n').ok).toBe(true);
    delete process.env.UPDATE_GOLDENS;
    expect(compareGolden(golden, 'a\nb\n')).toEqual({ ok: true, message: 'matches' });
    expect(fs.existsSync(`${golden}.actual`)).toBe(false);
  });

  it('names the first differing line', () => {
    delete process.env.UPDATE_GOLDENS;
    const r = compareGolden(golden, 'a\nc\n');
    expect(r.ok).toBe(false);
    expect(r.message).toContain('differs at line 2');
    expect(r.message).toContain('"c"');
  });

  it('sanitizes the dump path and the host time zone', () => {
    expect(sanitize('Loading Dump File [/tmp/x.dmp]\nDebug session time: Wed Nov 25 10:12:45.031 2009 (GMT-5)'))
      .toBe('Loading Dump File [<dump>]\nDebug session time: Wed Nov 25 10:12:45.031 2009 (GMT<zone>)');
  });
});
