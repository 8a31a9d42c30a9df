import { mkdirSync, writeFileSync } from 'fs';
import { join } from 'path';
import { gzipSync } from 'zlib';
import { KdsimError } from '../common/errors';
import { buildIsf } from './isfBuild';
import { parseFrameData, parseIsf, loadIsfFile } from './isfLoader';
import { ntkrpampTypes } from './layouts/ntkrpamp';
import { DEFAULT_SYMBOLS_DIR, SymbolStore } from './symbolStore';
import { tempDir } from '../testing/tempDir';

const GUID = '0123456789ABCDEF0123456789ABCDEF';
const pdb = { GUID, age: 1, database: 'ntkrpamp.pdb', machine_type: 332 };
const isf = buildIsf({ types: ntkrpampTypes(), pdb, symbols: { _KiTrap0E: { address: 0x8c6bc } } });
const frames = {
  module: 'nt', pdb,
  functions: { _KiTrap0E: { rva: 0x8c6bc, size: 0x200, kind: 'trap', localsBytes: 0, savedRegs: 0, paramBytes: 0, prologBytes: 0 } },
};

function storeDir(): string {
  const root = tempDir('sym');
  const dir = join(root, 'windows', 'ntkrpamp.pdb');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${GUID}-1.json`), JSON.stringify(isf));
  writeFileSync(join(dir, `${GUID}-1.frames.json`), JSON.stringify(frames));
  return root;
}

describe('ISF validation', () => {
  it('accepts what buildIsf writes from the layout source', () => {
    expect(parseIsf(JSON.parse(JSON.stringify(isf)), 'x.json').user_types._KPCR.size).toBe(0xfe0);
  });

  it.each([
    [{ ...isf, enums: undefined }, "Invalid symbol file nt.json: missing or invalid 'enums'"],
    [{ ...isf, metadata: { format: 'six' } }, "Invalid symbol file nt.json: metadata.format 'six' is not a version like 6.2.0"],
    [{ ...isf, user_types: { _A: { kind: 'struct', size: 4, fields: { B: { offset: 0, type: { kind: 'struct', name: '_GONE' } } } } } },
      "Invalid symbol file nt.json: _A.B names missing type '_GONE'"],
    [{ ...isf, symbols: { Foo: { address: 'x' } } }, "Invalid symbol file nt.json: symbol 'Foo' has no numeric address"],
  ])('rejects a broken file with one line naming file and fault (%#)', (json, message) => {
    expect(() => parseIsf(json, 'nt.json')).toThrow(new KdsimError('E_SYMBOLS', message));
  });

  it('names a missing file and garbage JSON', () => {
    expect(() => loadIsfFile('/nonexistent/x.json')).toThrow(/Cannot read symbol file \/nonexistent\/x.json: ENOENT/);
    const p = join(tempDir('bad'), 'x.json');
    writeFileSync(p, '{ nope');
    expect(() => loadIsfFile(p)).toThrow(/Invalid symbol file .*x.json: not JSON/);
  });

  it('rejects a frames sidecar with an unknown frame kind', () => {
    const broken = { ...frames, functions: { F: { ...frames.functions._KiTrap0E, kind: 'magic' } } };
    expect(() => parseFrameData(broken, 'f.frames.json')).toThrow(/function 'F' needs/);
  });
});

describe('SymbolStore', () => {
  it('finds ISF and frames by PDB name, GUID and age, ignoring case', () => {
    const store = new SymbolStore([storeDir()]);
    const hit = store.load('NTKRPAMP.PDB', GUID.toLowerCase(), 1)!;
    expect(hit.isf.symbols._KiTrap0E.address).toBe(0x8c6bc);
    expect(hit.frames?.functions._KiTrap0E.kind).toBe('trap');
    expect(store.load('ntkrpamp.pdb', GUID, 2)).toBeUndefined();
    expect(store.load('hal.pdb', GUID, 1)).toBeUndefined();
  });

  it('lets an earlier directory override a later one and reads .json.gz', () => {
    const a = storeDir();
    const b = tempDir('sym');
    mkdirSync(join(b, 'windows', 'ntkrpamp.pdb'), { recursive: true });
    const other = buildIsf({ types: ntkrpampTypes(), pdb, symbols: { Other: { address: 1 } } });
    writeFileSync(join(b, 'windows', 'ntkrpamp.pdb', `${GUID}-1.json.gz`), gzipSync(JSON.stringify(other)));
    expect(new SymbolStore([b, a]).load('ntkrpamp.pdb', GUID, 1)!.isf.symbols.Other).toBeDefined();
    expect(new SymbolStore([b, a]).load('ntkrpamp.pdb', GUID, 1)!.frames).toBeUndefined();
    expect(new SymbolStore([a, b]).load('ntkrpamp.pdb', GUID, 1)!.isf.symbols._KiTrap0E).toBeDefined();
  });

  it('ignores missing directories and defaults to the package symbols/ directory', () => {
    expect(new SymbolStore(['/nonexistent']).entries()).toEqual([]);
    expect(DEFAULT_SYMBOLS_DIR).toMatch(/[/\\]symbols$/);
    expect(SymbolStore.withDefaults(['/x']).dirs.at(-1)).toBe(DEFAULT_SYMBOLS_DIR);
  });
});
