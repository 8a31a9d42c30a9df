/**
 * The goal, as a user runs it through bin/kdsim (compiled dist/, built by `npm test`): for each dump type,
 * `kdsim simulate --dump-type T` then `kdsim analyze` prints the banner with that type's line and `!analyze -v`
 * blames StackHog.sys; and the walkthrough's full dump cut 1 MiB short still opens, warns as WinDbg does, and
 * still names StackHog.sys. Every file is made in a temp dir and deleted after.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..');
const KDSIM = path.join(ROOT, 'bin', 'kdsim');
const FIXTURE = path.join(ROOT, 'fixtures', 'dumps', 'got-stack.dmp');
const built = fs.existsSync(path.join(ROOT, 'dist', 'cli', 'main.js'));
const itBuilt = built ? it : it.skip;
if (!built) console.warn('dumpTypes.cli.test: dist/ is missing; run `npm test` (it builds first)');

function kdsim(...args: string[]) {
  const r = spawnSync(process.execPath, [KDSIM, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kdsim-dumptypes-cli-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const BANNER: Record<string, string> = {
  full: 'Kernel Complete Dump File: Full address space is available',
  kernel: 'Kernel Summary Dump File: Only kernel address space is available',
  bitmap: 'Kernel Bitmap Dump File: Full address space is available',
};

describe('kdsim simulate --dump-type T, then kdsim analyze', () => {
  it.each(Object.keys(BANNER))('%s: the banner names the dump type and !analyze -v blames StackHog.sys', (type) => {
    if (!built) return;
    const dump = path.join(dir, `${type}.dmp`);
    const sim = kdsim('simulate', '--scenario', 'got-stack', '--dump-type', type, '-o', dump);
    expect(sim.err).toBe('');
    expect(sim.code).toBe(0);
    const r = kdsim('analyze', dump, '-c', '!analyze -v');
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[2]).toBe(BANNER[type]);
    expect(lines).toContain('Probably caused by : StackHog.sys ( StackHog!ShBuildRequestPath+2c )');
    expect(lines).toContain('IMAGE_NAME:  StackHog.sys');
  }, 60000);

  itBuilt('refuses an unknown --dump-type with one line, exit 2', () => {
    const r = kdsim('simulate', '--scenario', 'got-stack', '--dump-type', 'huge', '-o', path.join(dir, 'x.dmp'));
    expect(r.err).toBe("kdsim: bad --dump-type 'huge': expected one of full, kernel, bitmap\n");
    expect(r.code).toBe(2);
    expect(fs.existsSync(path.join(dir, 'x.dmp'))).toBe(false);
  });
});

describe('a damaged dump', () => {
  itBuilt('the walkthrough dump cut 1 MiB short opens with the truncation warning and still names StackHog.sys', () => {
    const cut = path.join(dir, 'got-stack-cut.dmp');
    const size = fs.statSync(FIXTURE).size;
    const fd = fs.openSync(FIXTURE, 'r');
    try {
      const buf = Buffer.alloc(size - 0x100000);
      fs.readSync(fd, buf, 0, buf.length, 0);
      fs.writeFileSync(cut, buf);
    } finally {
      fs.closeSync(fd);
    }
    const r = kdsim('analyze', cut, '-c', '!analyze -v');
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    const at = lines.indexOf('WARNING: Dump file has been truncated.  Data may be missing.');
    expect(at).toBeGreaterThan(0);
    expect(lines[at - 1]).toBe('*'.repeat(60));
    expect(lines[at + 1]).toBe('*'.repeat(60));
    expect(lines[at + 2]).toBe(`kdsim: the file is 0x${(size - 0x100000).toString(16)} bytes; its header describes 0x${size.toString(16)} (256 pages missing, read as ????????)`);
    expect(lines).toContain('Probably caused by : StackHog.sys ( StackHog!ShBuildRequestPath+2c )');
    expect(lines).toContain('IMAGE_NAME:  StackHog.sys');
    fs.rmSync(cut);
  }, 60000);
});
