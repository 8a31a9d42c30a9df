/**
 * The hostile-input corpus: every file in fixtures/malformed/ fails to open with exactly the line and exit
 * code expected.json states — one line, no stack trace, no hang — and the checked-in bytes are still what
 * malformedCorpus.ts builds (so the corpus can be regenerated and reviewed).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { KdsimError } from '../../common/errors';
import { DAMAGED, MALFORMED, RUNTIME_CASES } from '../../testing/malformedCorpus';
import { openCrashDump } from '../memory/openCrashDump';

const CORPUS = path.resolve(__dirname, '..', '..', '..', 'fixtures', 'malformed');
const expected = JSON.parse(fs.readFileSync(path.join(CORPUS, 'expected.json'), 'utf8')) as Record<string, { message: string; exitCode: number; madeAtTestTime?: boolean }>;

function failureOf(file: string): { message: string; exitCode: number } {
  try {
    openCrashDump(file).close();
  } catch (e) {
    if (!(e instanceof KdsimError)) throw e;
    return { message: e.message, exitCode: e.exitCode };
  }
  throw new Error(`${file} opened without an error`);
}

describe('fixtures/malformed', () => {
  it('holds at least 15 checked-in hostile files, each with its expected line', () => {
    const files = fs.readdirSync(CORPUS).filter((f) => f !== 'expected.json');
    expect(files.length).toBeGreaterThanOrEqual(15);
    expect(files.sort()).toEqual(Object.keys(expected).filter((f) => !expected[f].madeAtTestTime).sort());
  });

  it.each(MALFORMED.map((c) => c.file))('%s is the file malformedCorpus.ts builds', (file) => {
    const c = MALFORMED.find((m) => m.file === file)!;
    expect(Buffer.from(c.bytes()).equals(fs.readFileSync(path.join(CORPUS, file)))).toBe(true);
  });

  it.each(Object.keys(expected).filter((f) => !expected[f].madeAtTestTime))('%s fails with its exact one-line error and exit code', (file) => {
    const got = failureOf(path.join(CORPUS, file));
    expect(got).toEqual({ message: expected[file].message, exitCode: expected[file].exitCode });
    expect(got.message).not.toContain('\n');
  });
});

describe('files that cannot be opened at all', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kdsim-malformed-'));
  afterAll(() => {
    fs.chmodSync(path.join(dir, 'unreadable.dmp'), 0o644);
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const want = (file: string) => ({ message: expected[file].message, exitCode: expected[file].exitCode });

  it('names a missing path', () => {
    expect(failureOf(path.join(dir, 'missing.dmp'))).toEqual(want('missing.dmp'));
  });

  it('refuses a directory', () => {
    fs.mkdirSync(path.join(dir, 'a-directory.dmp'));
    expect(failureOf(path.join(dir, 'a-directory.dmp'))).toEqual(want('a-directory.dmp'));
  });

  it('refuses an unreadable file (skipped as root, which can read mode 000 files)', () => {
    const file = path.join(dir, 'unreadable.dmp');
    fs.copyFileSync(path.join(CORPUS, 'zero-runs.dmp'), file);
    fs.chmodSync(file, 0o000);
    let readable = false;
    try { fs.closeSync(fs.openSync(file, 'r')); readable = true; } catch { /* the expected case */ }
    if (readable) {
      console.log('skipped: running as root, chmod 000 does not make a file unreadable');
      return;
    }
    expect(failureOf(file)).toEqual(want('unreadable.dmp'));
  });

  it('lists the run-time cases in expected.json', () => {
    for (const c of RUNTIME_CASES) expect(expected[c.file]).toMatchObject({ message: c.message, exitCode: c.exitCode, madeAtTestTime: true });
  });
});

describe('fixtures/damaged: files cut short open with a warning', () => {
  const DAMAGED_DIR = path.resolve(__dirname, '..', '..', '..', 'fixtures', 'damaged');
  const damagedExpected = JSON.parse(fs.readFileSync(path.join(DAMAGED_DIR, 'expected.json'), 'utf8')) as Record<string, { warning: string[] }>;

  it('holds exactly the files malformedCorpus.ts builds', () => {
    expect(fs.readdirSync(DAMAGED_DIR).filter((f) => f !== 'expected.json').sort()).toEqual(DAMAGED.map((c) => c.file).sort());
    for (const c of DAMAGED) expect(Buffer.from(c.bytes()).equals(fs.readFileSync(path.join(DAMAGED_DIR, c.file)))).toBe(true);
  });

  it.each(DAMAGED.map((c) => c.file))('%s opens with the truncation warning and reads the missing pages as gaps', (file) => {
    const d = openCrashDump(path.join(DAMAGED_DIR, file));
    try {
      expect(d.warnings.slice(0, 4)).toEqual(damagedExpected[file].warning);
      expect(d.phys.has(0x30000)).toBe(true);
      expect(d.phys.read(0x100000, 4)).toBeNull();
      expect(d.phys.has(0x100000)).toBe(false);
    } finally {
      d.close();
    }
  });
});
