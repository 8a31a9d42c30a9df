/**
 * `kdsim triage` and `kdsim lab` as a user runs them: through bin/kdsim (compiled dist/, built by `npm test`),
 * with their exit codes; `--jobs` through real worker threads; `analyze` never loading either module.
 */
import { spawnSync } from 'child_process';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..');
const KDSIM = path.join(ROOT, 'bin', 'kdsim');
const DUMP = path.join(ROOT, 'fixtures', 'dumps', 'got-stack.dmp');
const BAD = path.join(ROOT, 'fixtures', 'malformed', 'bad-signature.dmp');

function kdsim(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [KDSIM, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60000, input });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('kdsim triage', () => {
  it('exits 0 when every dump opened, 1 when one did not (its row says why)', () => {
    expect(kdsim(['triage', DUMP]).code).toBe(0);
    const r = kdsim(['triage', DUMP, BAD]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('│ error: not a crash dump: Signature \'EGAP\' (0x50414745) is not \'PAGE\'');
    expect(r.out).toContain('2 dumps, 1 analysed, 1 not opened');
    expect(r.err).toBe('');
  });

  it('exits 2 on a usage error', () => {
    expect(kdsim(['triage']).code).toBe(2);
    expect(kdsim(['triage', DUMP, '--jobs', '0'])).toEqual({ code: 2, out: '', err: 'kdsim: bad --jobs \'0\': expected an integer 1..16\n' });
  });

  it('prints the same report with worker jobs as in one thread', () => {
    const args = ['triage', DUMP, BAD, path.join(ROOT, 'fixtures', 'malformed', 'empty.dmp'), `${ROOT}/fixtures/dumps/*.dmp`];
    const one = kdsim(args);
    expect(kdsim([...args, '--jobs', '2'])).toEqual(one);
  });

  it('--json prints the triage models', () => {
    const j = JSON.parse(kdsim(['triage', DUMP, '--json']).out) as { dumps: { culprit: { imageName: string; stackBytes: number } }[] };
    expect(j.dumps[0].culprit).toMatchObject({ imageName: 'StackHog.sys', stackBytes: 0x1194 });
  });
});

describe('kdsim lab', () => {
  it('--check runs every step and exits 0 when each prints the blog\'s lines', () => {
    const r = kdsim(['lab', DUMP, '--check']);
    expect(r.code).toBe(0);
    expect(r.out.trim().split('\n').pop()).toBe('walkthrough lab: 32/32 steps as expected');
  });

  it('--check --step checks one step, and finds the checkout\'s fixture by default', () => {
    const r = kdsim(['lab', '--step', '25', '--check']);
    expect(r.out).toBe('step 25  kfL200  ok\nwalkthrough lab: 1/1 steps as expected\n');
  });

  it('reads piped lines as typed ones: a wrong command is refused with the hint, and the run exits 1 short of the end', () => {
    const r = kdsim(['lab', '--step', '25'], 'lm\n');
    expect(r.out).toContain('  Not this step\'s command. kf with a frame count: L200.');
    expect(r.out).not.toContain(' ok');
    expect(r.out).toContain('Stopped at step 25');
    expect(r.code).toBe(1);
  });

  it('--seed simulates a dump of its own and passes on it', () => {
    const r = kdsim(['lab', '--seed', '99', '--ram', '16M', '--check']);
    expect(r.code).toBe(0);
    expect(r.out).not.toContain('kf = b8ae60ec b8ae6058 808813d8');
    expect(r.out.trim().split('\n').pop()).toBe('walkthrough lab: 32/32 steps as expected');
  });

  it('exits 2 on a step the lab does not have, and on an unknown scenario', () => {
    expect(kdsim(['lab', DUMP, '--step', '33'])).toEqual({ code: 2, out: '', err: 'kdsim: bad --step \'33\': the lab has steps 1 to 32\n' });
    expect(kdsim(['lab', '--scenario', 'nope']).err).toMatch(/^kdsim: unknown scenario 'nope' \(known: got-stack/);
  });
});

describe('kdsim analyze start-up', () => {
  it('loads neither the triage nor the lab modules', () => {
    const script = `require(${JSON.stringify(path.join(ROOT, 'dist', 'cli', 'run.js'))}).runCli(['analyze', ${JSON.stringify(DUMP)}, '-c', 'r'])
      .then(() => { process.stderr.write(Object.keys(require.cache).filter((k) => /[\\\\/]cli[\\\\/](triage|lab)/.test(k)).join(',')); });`;
    const r = spawnSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8', timeout: 60000 });
    expect(r.stdout).toContain('eax=');
    expect(r.stderr).toBe('');
  });
});

describe('lazy loading through the front door', () => {
  /** Runs the CLI in-process and answers the analyzer files and whether iced-x86 were loaded. */
  const loaded = (args: string[]) => {
    // On exit, not after runCli: `--help` ends the process from inside yargs.
    const script = `process.on('exit', () => { const k = Object.keys(require.cache); process.stderr.write(JSON.stringify({ analyzer: k.filter((f) => /[\\\\/]analyzer[\\\\/]/.test(f)).length, iced: k.some((f) => f.includes('iced-x86')) })); });
      require(${JSON.stringify(path.join(ROOT, 'dist', 'cli', 'run.js'))}).runCli(${JSON.stringify(args)}).catch(() => 0);`;
    const r = spawnSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8', timeout: 60000 });
    return JSON.parse(r.stderr) as { analyzer: number; iced: boolean };
  };

  it('kdsim --help and kdsim simulate --help load no analyzer file', () => {
    expect(loaded(['--help'])).toEqual({ analyzer: 0, iced: false });
    expect(loaded(['simulate', '--help'])).toEqual({ analyzer: 0, iced: false });
  });

  it('analyze loads iced-x86 only for a command that disassembles', () => {
    expect(loaded(['analyze', DUMP, '--no-banner', '-c', 'dd esp L1']).iced).toBe(false);
    // eip's everyday instructions go through the small decoder; KiTrap08's fs: loads need iced-x86
    expect(loaded(['analyze', DUMP, '--no-banner', '-c', 'u eip L1']).iced).toBe(false);
    expect(loaded(['analyze', DUMP, '--no-banner', '-c', 'u nt!KiTrap08 L3']).iced).toBe(true);
  });
});
