/**
 * Files are sacred (issue 13): simulate writes only regular files, refuses --truth = -o, writes both files or
 * neither, names the user's path and the cause in words, and cleans its own stale temp files.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { simulate } from './simulate';
import { commitAll, removeStaleTemps, tempPathFor } from '../common/outputFiles';

const RAM = 16 << 20;
let dir: string;
beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kdsim-sim-files-')); });
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
const at = (name: string) => path.join(dir, name);
const sim = (output: string, more: { truth?: string; force?: boolean } = {}) =>
  simulate({ scenario: 'got-stack', output, ramBytes: RAM, ...more });
const leftovers = () => fs.readdirSync(dir).filter((n) => n.startsWith('.kdsim-tmp-'));

describe('simulate: only regular files', () => {
  it('refuses a FIFO even with --force and leaves it a FIFO', async () => {
    const fifo = at('pipe.dmp');
    if (spawnSync('mkfifo', [fifo]).status !== 0) return; // no mkfifo on this system
    await expect(sim(fifo, { force: true })).rejects.toThrow(`kdsim: cannot write ${fifo}: it is a FIFO, not a regular file; kdsim writes only regular files`);
    expect(fs.lstatSync(fifo).isFIFO()).toBe(true);
  });

  it('refuses a character device (/dev/null) even with --force', async () => {
    if (!fs.existsSync('/dev/null')) return;
    await expect(sim('/dev/null', { force: true })).rejects.toThrow('kdsim: cannot write /dev/null: it is a character device, not a regular file; kdsim writes only regular files');
    expect(fs.statSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it('refuses a directory, an empty name and -, in words', async () => {
    await expect(sim(dir, { force: true })).rejects.toThrow(`kdsim: cannot write ${dir}: it is a directory; kdsim writes only regular files`);
    await expect(sim('')).rejects.toThrow("kdsim: -o '': an empty file name");
    await expect(sim('-')).rejects.toThrow('kdsim: -o -: kdsim does not write to standard output');
    await expect(sim(at('no/such/dir/x.dmp'))).rejects.toThrow(`kdsim: cannot write ${at('no/such/dir/x.dmp')}: directory ${at('no/such/dir')} does not exist`);
  });

  it('writes through a symbolic link: the target is replaced, the link stays', async () => {
    const real = at('real.dmp');
    fs.writeFileSync(real, 'old');
    fs.symlinkSync(real, at('link.dmp'));
    await sim(at('link.dmp'), { force: true });
    expect(fs.lstatSync(at('link.dmp')).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(real).subarray(0, 8).toString('latin1')).toBe('PAGEDUMP');
    expect(leftovers()).toEqual([]);
  });
});

describe('simulate: dump and truth', () => {
  it('refuses --truth naming the dump itself (also through a link), before writing anything', async () => {
    const out = at('d.dmp');
    await expect(sim(out, { truth: out })).rejects.toThrow(`kdsim: --truth: ${out} and ${out} are the same file`);
    fs.symlinkSync(out, at('alias.json'));
    await expect(sim(out, { truth: at('alias.json') })).rejects.toThrow('are the same file');
    expect(fs.existsSync(out)).toBe(false);
  });

  it('writes both, and no temp file remains', async () => {
    await sim(at('d.dmp'), { truth: at('t.json') });
    expect(JSON.parse(fs.readFileSync(at('t.json'), 'utf8'))).toHaveProperty('frames');
    expect(fs.readFileSync(at('d.dmp')).subarray(0, 8).toString('latin1')).toBe('PAGEDUMP');
    expect(leftovers()).toEqual([]);
  });
});

describe('commitAll (the two-file commit)', () => {
  it('a failing second write leaves both targets untouched, removes the temps and names the user path in words', async () => {
    fs.writeFileSync(at('d.dmp'), 'old dump');
    const target = (name: string) => ({ shown: name, real: at(name) });
    const full = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28 });
    const err = await commitAll([
      { target: target('d.dmp'), write: async (tmp) => fs.writeFileSync(tmp, 'new dump') },
      { target: target('t.json'), write: async (tmp) => { fs.writeFileSync(tmp, '{'); throw full; } },
    ]).catch((e: Error) => e);
    expect((err as Error).message).toBe('kdsim: cannot write t.json: no space left on device');
    expect(fs.readFileSync(at('d.dmp'), 'utf8')).toBe('old dump');
    expect(fs.existsSync(at('t.json'))).toBe(false);
    expect(leftovers()).toEqual([]);
  });
});

describe('stale temp files', () => {
  it("removes a killed run's .kdsim-tmp-<pid>-… file and nothing else", async () => {
    const dead = '.kdsim-tmp-999999999-abc123-d.dmp';
    fs.writeFileSync(at(dead), 'x');
    fs.writeFileSync(at('.d.dmp.1234.tmp'), 'user file');
    fs.writeFileSync(at('kdsim-tmp-1-a-b'), 'user file');
    const live = path.basename(tempPathFor({ shown: 'x', real: at('x.dmp') }));
    fs.writeFileSync(at(live), 'this process');
    expect(removeStaleTemps(dir)).toEqual([dead]);
    expect(fs.readdirSync(dir).sort()).toEqual(['.d.dmp.1234.tmp', live, 'kdsim-tmp-1-a-b'].sort());
  });

  it('simulate cleans the output directory of stale temps', async () => {
    fs.writeFileSync(at('.kdsim-tmp-999999998-zz-d.dmp'), 'x');
    await sim(at('d.dmp'));
    expect(leftovers()).toEqual([]);
  });
});
