/**
 * The main job's start-up loads only what it uses (issue 14): `kdsim analyze <dump>` (banner + `!analyze -v`)
 * and the register display compile no WebAssembly, never read the built-in layout store, and parse only the
 * symbol files of modules the run asks about — not the other modules the dump lists. Not timed: it watches
 * the files and WebAssembly calls of a real bin/kdsim run through a preload hook.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { tempDir } from '../testing/tempDir';

const ROOT = path.resolve(__dirname, '..', '..');
const KDSIM = path.join(ROOT, 'bin', 'kdsim');
const DUMP = path.join(ROOT, 'fixtures', 'dumps', 'got-stack.dmp');

const HOOK = `
const fs = require('fs');
const files = [];
const read = fs.readFileSync;
fs.readFileSync = function (p, ...rest) { if (typeof p === 'string' && /[\\\\/]symbols[\\\\/]/.test(p)) files.push(p); return read.call(this, p, ...rest); };
let wasm = 0;
for (const k of ['compile', 'instantiate', 'Module']) {
  WebAssembly[k] = new Proxy(WebAssembly[k], {
    apply(t, self, args) { wasm++; return Reflect.apply(t, self, args); },
    construct(t, args) { wasm++; return Reflect.construct(t, args); },
  });
}
process.on('exit', () => process.stderr.write('\\nLOADS ' + JSON.stringify({ wasm, files }) + '\\n'));
`;

function run(args: string[]): { out: string; wasm: number; pdbs: string[]; layouts: string[] } {
  const hook = path.join(tempDir('startup'), 'hook.js');
  fs.writeFileSync(hook, HOOK);
  const r = spawnSync(process.execPath, ['-r', hook, KDSIM, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60000 });
  expect(r.status).toBe(0);
  const loads = JSON.parse(/LOADS (.*)/.exec(r.stderr)![1]) as { wasm: number; files: string[] };
  const pdbs = [...new Set(loads.files.map((f) => /[\\/]windows[\\/]([^\\/]+)\.pdb[\\/]/i.exec(f)?.[1]).filter((x): x is string => !!x))];
  return { out: r.stdout, wasm: loads.wasm, pdbs, layouts: loads.files.filter((f) => /[\\/]layouts[\\/]/.test(f)) };
}

describe('main job start-up', () => {
  it('kdsim analyze <dump> compiles no WebAssembly and parses only the symbol files of modules it uses', () => {
    const r = run(['analyze', DUMP]);
    expect(r.wasm).toBe(0);
    expect(r.layouts).toEqual([]); // the kernel's own ISF answers the module-list walk; no second parse
    const listed = run(['analyze', DUMP, '--no-banner', '-c', 'lm']).out;
    const shipped = fs.readdirSync(path.join(ROOT, 'symbols', 'windows')).length;
    expect(r.pdbs.length).toBeLessThan(shipped / 2);
    // Every parsed file is a module the output names (nt is ntkrpamp) or one the stack walk looked an address
    // up in: hal, whose range the scan for return addresses touches.
    const named = (pdb: string) => pdb === 'ntkrpamp' || pdb === 'halmacpi' || new RegExp(`\\b${pdb}[!+]`, 'i').test(r.out);
    expect(r.pdbs.filter((p) => !named(p))).toEqual([]);
    expect(listed).toMatch(/halmacpi/i);
  });

  it('the register display and one dd load nothing but the kernel symbols', () => {
    for (const cmd of ['r', 'dd f7737000 L1']) {
      const r = run(['analyze', DUMP, '--no-banner', '-c', cmd]);
      expect(r).toMatchObject({ wasm: 0, pdbs: ['ntkrpamp'], layouts: [] });
    }
  });
});
