/**
 * `-y` / `--sympath` and `_NT_SYMBOL_PATH` on every command that opens a dump, through bin/kdsim: the path replaces
 * the shipped store (`-y <empty dir>` = no symbol files at all; `-y symbols/windows` = the shipped files again),
 * and triage's worker threads get the same path as its own thread.
 */
import { spawnSync } from 'child_process';
import * as path from 'path';
import { tempDir } from '../testing/tempDir';

const ROOT = path.resolve(__dirname, '..', '..');
const KDSIM = path.join(ROOT, 'bin', 'kdsim');
const DUMP = path.join(ROOT, 'fixtures', 'dumps', 'got-stack.dmp');
const SHIPPED = path.join(ROOT, 'symbols', 'windows');

function kdsim(args: string[], ntSymbolPath?: string) {
  const env = { ...process.env };
  delete env._NT_SYMBOL_PATH;
  if (ntSymbolPath !== undefined) env._NT_SYMBOL_PATH = ntSymbolPath;
  const r = spawnSync(process.execPath, [KDSIM, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60000, env });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

interface TriageJson { dumps: { culprit: { imageName: string; symbol: string } }[] }
const culprit = (out: string) => (JSON.parse(out) as TriageJson).dumps[0].culprit;

describe('symbol path (-y, _NT_SYMBOL_PATH)', () => {
  const empty = tempDir('sympath');

  it('analyze -y <empty dir>: lm shows (no symbols) for every module', () => {
    const r = kdsim(['analyze', DUMP, '-y', empty, '-c', 'lm']);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`Symbol search path is: ${empty}`);
    const rows = r.out.split('\n').filter((l) => /^[0-9a-f]{8} [0-9a-f]{8} /.test(l));
    expect(rows.length).toBeGreaterThan(10);
    for (const row of rows) expect(row).toContain('(no symbols)');
  });

  it('triage -y <empty dir>: the culprit comes without a function name, the same in worker threads and from _NT_SYMBOL_PATH', () => {
    const withSymbols = culprit(kdsim(['triage', DUMP, '--json']).out);
    expect(withSymbols.symbol).toMatch(/!/);
    const one = kdsim(['triage', DUMP, '--json', '-y', empty]);
    expect(one.code).toBe(0);
    expect(culprit(one.out).symbol).toMatch(/^\w+\+[0-9a-f]+$/);
    expect(kdsim(['triage', DUMP, '--json', '--sympath', empty, '--jobs', '2']).out).toBe(one.out);
    expect(kdsim(['triage', DUMP, '--json'], empty).out).toBe(one.out);
    // -y wins over _NT_SYMBOL_PATH, and naming the shipped directory gives the shipped answer back.
    expect(culprit(kdsim(['triage', DUMP, '--json', '-y', SHIPPED], empty).out)).toEqual(withSymbols);
  });

  it('lab -y: the lab reads its facts with the given path', () => {
    expect(kdsim(['lab', DUMP, '--check', '-y', SHIPPED]).out).toMatch(/walkthrough lab: 32\/32 steps as expected/);
    const bare = kdsim(['lab', DUMP, '--check', '-y', empty]);
    expect(bare.out).toMatch(/missing \(in this order\): .*nt\+0x/);
  });

  it('report -y <empty dir>: the page says which modules had no symbols', () => {
    const r = kdsim(['report', DUMP, '-o', '-', '-y', empty]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('no symbols for nt, StackHog, ShFilter');
    expect(kdsim(['report', DUMP, '-o', '-']).out).not.toContain('no symbols for nt');
  });
});
