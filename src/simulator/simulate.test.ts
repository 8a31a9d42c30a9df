import { createHash } from 'crypto';
import { promises as fsp } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { isKdsimError } from '../common/errors';
import { buildScenario, simulate } from './simulate';

const sha = async (f: string): Promise<string> => createHash('sha256').update(await fsp.readFile(f)).digest('hex');

describe('simulate', () => {
  let dir: string;
  beforeAll(async () => { dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'kdsim-sim-')); });
  afterAll(async () => { await fsp.rm(dir, { recursive: true, force: true }); });

  it('writes byte-identical dumps and truth for the same scenario, seed and RAM', async () => {
    const a = await simulate({ scenario: 'got-stack', output: path.join(dir, 'a.dmp'), truth: path.join(dir, 'a.json'), seed: 7, ramBytes: 16 << 20 });
    const b = await simulate({ scenario: 'got-stack', output: path.join(dir, 'b.dmp'), truth: path.join(dir, 'b.json'), seed: 7, ramBytes: 16 << 20 });
    expect(a.fileSize).toBe(b.fileSize);
    expect(await sha(path.join(dir, 'a.dmp'))).toBe(await sha(path.join(dir, 'b.dmp')));
    expect(await sha(path.join(dir, 'a.json'))).toBe(await sha(path.join(dir, 'b.json')));
  });

  it('gives a different stack for a different seed', async () => {
    await simulate({ scenario: 'got-stack', output: path.join(dir, 'c.dmp'), seed: 8, ramBytes: 16 << 20 });
    expect(await sha(path.join(dir, 'c.dmp'))).not.toBe(await sha(path.join(dir, 'a.dmp')));
  });

  const failure = async (p: Promise<unknown>): Promise<{ code: string; message: string }> => {
    try {
      await p;
    } catch (e) {
      if (isKdsimError(e)) return { code: e.code, message: e.message };
      throw e;
    }
    throw new Error('expected a failure');
  };

  it('refuses to overwrite an existing output without force', async () => {
    const f = await failure(simulate({ scenario: 'got-stack', output: path.join(dir, 'a.dmp'), ramBytes: 16 << 20 }));
    expect(f).toEqual({ code: 'E_EXISTS', message: `kdsim: ${path.join(dir, 'a.dmp')} exists (use --force to overwrite)` });
  });

  it('rejects an unknown scenario, a bad seed, too little RAM and a missing directory with one line each', async () => {
    expect((await failure(simulate({ scenario: 'nope', output: path.join(dir, 'x.dmp') }))).message)
      .toBe("kdsim: unknown scenario 'nope' (known: got-stack, recursion, filter-pileup, large-locals, fpo-chain)");
    expect((await failure(simulate({ scenario: 'got-stack', output: path.join(dir, 'x.dmp'), seed: -1 }))).message)
      .toBe('kdsim: bad seed -1: expected an integer 0..4294967295');
    expect((await failure(simulate({ scenario: 'got-stack', output: path.join(dir, 'x.dmp'), ramBytes: 8 << 20 }))).message)
      .toBe("kdsim: --ram 8M is too small for scenario 'got-stack' (at least 16M)");
    const nodir = await failure(simulate({ scenario: 'got-stack', output: path.join(dir, 'no', 'x.dmp') }));
    expect(nodir.code).toBe('E_FILE');
    expect(nodir.message).not.toContain('\n');
  });
});

describe('scenario options', () => {
  const esp = (seed: number, flags: Record<string, boolean> = {}): string =>
    ((buildScenario('got-stack', seed, 16 << 20, flags).truth.firstFault as { esp: string }).esp);

  it('got-stack takes the blog\'s values by default on its default seed only, and either way on request', () => {
    expect(esp(1)).toBe('b8ae6058');
    expect(esp(1, { 'blog-values': false })).not.toBe('b8ae6058');
    expect(esp(1, { 'blog-values': false })).toBe(esp(1, { 'blog-values': false }));
    expect(esp(2, { 'blog-values': true })).toBe('b8ae6058');
  });

  it('refuses an option the scenario does not have', () => {
    expect(() => buildScenario('got-stack', 1, 16 << 20, { 'no-such': true })).toThrow("kdsim: scenario 'got-stack' has no option --no-such");
  });
});
