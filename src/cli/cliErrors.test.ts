/**
 * The CLI as a user meets it: every hostile input of fixtures/malformed/ gives its one expected line on stderr and
 * its exit code through `bin/kdsim` (compiled dist/, built by `npm test`), never a stack trace.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..');
const KDSIM = path.join(ROOT, 'bin', 'kdsim');
const MALFORMED = path.join(ROOT, 'fixtures', 'malformed');
const expected = JSON.parse(fs.readFileSync(path.join(MALFORMED, 'expected.json'), 'utf8')) as Record<string, { message: string; exitCode: number }>;

function kdsim(...args: string[]) {
  const r = spawnSync(process.execPath, [KDSIM, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 30000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('kdsim analyze on hostile files', () => {
  const files = Object.keys(expected).filter((f) => fs.existsSync(path.join(MALFORMED, f)));

  it('has the malformed corpus to run', () => {
    expect(files.length).toBeGreaterThanOrEqual(15);
  });

  for (const name of Object.keys(expected)) {
    it(`${name}: one line and exit ${expected[name].exitCode}`, () => {
      const file = path.join(MALFORMED, name);
      if (!fs.existsSync(file)) return; // cases made at test time live in the dump layer's own test
      const r = kdsim('analyze', file, '-c', 'r');
      expect(r.err).toBe(`${expected[name].message}\n`);
      expect(r.out).toBe('');
      expect(r.code).toBe(expected[name].exitCode);
    });
  }
});

describe('kdsim usage errors', () => {
  it('a missing path is one line, exit 3', () => {
    const r = kdsim('analyze', 'no-such-dump.dmp');
    expect(r.err).toBe('kdsim: no-such-dump.dmp: cannot open the dump file: no such file or directory\n');
    expect(r.code).toBe(3);
  });

  it('a directory is one line, exit 3', () => {
    const r = kdsim('analyze', 'fixtures');
    expect(r.err).toBe('kdsim: fixtures: is a directory, not a dump file\n');
    expect(r.code).toBe(3);
  });

  it('an unknown subcommand is one line, exit 2', () => {
    const r = kdsim('frob');
    expect(r.err).toBe('kdsim: Unknown argument: frob\n');
    expect(r.code).toBe(2);
  });

  it('analyze without a dump is one line, exit 2', () => {
    const r = kdsim('analyze');
    expect(r.err).toBe('kdsim: Not enough non-option arguments: got 0, need at least 1\n');
    expect(r.code).toBe(2);
  });
});
