import { mkdirSync, writeFileSync } from 'fs';
import { join } from 'path';
import { buildIsf } from '../../symbols/isfBuild';
import { KDBG_OWNER_TAG, KDBG_SIZE_WS03 } from '../../symbols/layouts/kdbg';
import { ntkrpampTypes } from '../../symbols/layouts/ntkrpamp';
import { SymbolStore } from '../../symbols/symbolStore';
import { TypeTable } from '../../symbols/typeTable';
import { FakeMemory, writeFields, writePeImage } from '../../testing/fakeMemory';
import { tempDir } from '../../testing/tempDir';
import type { CrashDump, DumpHeaderModel } from '../dump/types';
import { kdbgTypeTable } from '../objects/kdbg';
import { createSymbolResolver } from './createSymbolResolver';

const nt = new TypeTable(ntkrpampTypes(), 'ntkrpamp');
const NT_GUID = '0123456789ABCDEF0123456789ABCDEF';
const HOG_GUID = 'FEDCBA9876543210FEDCBA9876543210';
const KERNBASE = 0x80800000;
const HOG = 0xf7b1f000;
const KDBG = 0x80890000;
const LIST = 0x8089ffe0;

function store(): SymbolStore {
  const root = tempDir('res');
  const dir = join(root, 'windows', 'ntkrpamp.pdb');
  mkdirSync(dir, { recursive: true });
  const pdb = { GUID: NT_GUID, age: 1, database: 'ntkrpamp.pdb', machine_type: 332 };
  writeFileSync(join(dir, `${NT_GUID}-1.json`), JSON.stringify(buildIsf({
    types: ntkrpampTypes(), pdb,
    symbols: { _KiTrap0E: { address: 0x8c6bc }, _KiTrap08: { address: 0x8b000 }, KeBugCheckEx: { address: 0x27000 },
      KiProcessorBlock: { address: 0xa1000 } },
  })));
  writeFileSync(join(dir, `${NT_GUID}-1.frames.json`), JSON.stringify({ module: 'nt', pdb, functions: {
    _KiTrap0E: { rva: 0x8c6bc, size: 0x100, kind: 'trap', localsBytes: 0, savedRegs: 0, paramBytes: 0, prologBytes: 0 },
  } }));
  return new SymbolStore([root]);
}

function fakeDump(opts: { list?: boolean } = {}): CrashDump {
  const m = new FakeMemory();
  writePeImage(m, KERNBASE, { pdb: 'ntkrpamp.pdb', guid: NT_GUID, age: 1, size: 0x250000 });
  writePeImage(m, HOG, { pdb: 'StackHog.pdb', guid: HOG_GUID, age: 1, size: 0xb000 });
  writeFields(m, kdbgTypeTable(), '_KDDEBUGGER_DATA64', KDBG, {
    'Header.OwnerTag': KDBG_OWNER_TAG, 'Header.Size': KDBG_SIZE_WS03, KernBase: 0xffffffff80800000n,
  });
  const entries = [[0x89a01000, KERNBASE, 0x250000, 'ntkrpamp.exe'], [0x89a01100, HOG, 0xb000, 'StackHog.sys']] as const;
  if (opts.list !== false) {
    const links = [LIST, ...entries.map((e) => e[0])];
    links.forEach((l, i) => m.writeU32(l, links[(i + 1) % links.length]));
    entries.forEach(([e, base, size, name], i) => {
      writeFields(m, nt, '_LDR_DATA_TABLE_ENTRY', e, {
        DllBase: base, SizeOfImage: size, 'BaseDllName.Length': name.length * 2, 'BaseDllName.Buffer': 0x89a02000 + i * 0x100,
      });
      m.writeString(0x89a02000 + i * 0x100, name, true);
    });
  }
  const header = { kdDebuggerDataBlock: KDBG, psLoadedModuleList: opts.list === false ? 0 : LIST } as DumpHeaderModel;
  return { path: 'fake.dmp', fileSize: 0, header, phys: {} as never, kernelVm: m, warnings: [], close: () => undefined };
}

describe('SymbolResolver over a dump', () => {
  const dump = fakeDump();
  const r = createSymbolResolver(dump, { store: store() });

  it('names modules as WinDbg does and reports symbol status', () => {
    expect(r.modules().map((m) => [m.name, m.imageName, m.symbolStatus])).toEqual([
      ['nt', 'ntkrpamp.exe', 'loaded'], ['StackHog', 'StackHog.sys', 'none'],
    ]);
    expect(r.moduleByName('ntkrpamp')?.name).toBe('nt');
    expect(r.moduleAt(HOG + 0x10e2)?.name).toBe('StackHog');
    expect(r.moduleAt(0x1000)).toBeUndefined();
    expect(dump.warnings).toEqual([]);
  });

  it('formats addresses with WinDbg symbol text', () => {
    expect(r.format(KERNBASE + 0x8c6bc + 0x5c)).toBe('nt!_KiTrap0E+0x5c');
    expect(r.format(KERNBASE + 0x8b000)).toBe('nt!_KiTrap08');
    expect(r.format(HOG + 0x10e2)).toBe('StackHog+0x10e2');
    expect(r.format(KERNBASE + 0x10)).toBe('nt+0x10');
    expect(r.format(0x1000)).toBeUndefined();
  });

  it('resolves names with and without module and the blog underscore', () => {
    expect(r.resolve('nt!_KiTrap0E')).toBe(KERNBASE + 0x8c6bc);
    expect(r.resolve('nt!KiTrap0E')).toBe(KERNBASE + 0x8c6bc);
    expect(r.resolve('ntkrpamp!KeBugCheckEx')).toBe(KERNBASE + 0x27000);
    expect(r.resolve('KeBugCheckEx')).toBe(KERNBASE + 0x27000);
    expect(r.resolve('StackHog')).toBe(HOG);
    expect(r.resolve('nt!Nope')).toBeUndefined();
  });

  it('lists wildcard matches for x', () => {
    expect(r.search('nt!_KiTrap*').map((s) => s.name)).toEqual(['nt!_KiTrap08', 'nt!_KiTrap0E']);
    expect(r.search('*!KeBug*')).toEqual([{ name: 'nt!KeBugCheckEx', address: KERNBASE + 0x27000 }]);
  });

  it('gives frame data inside the function and types for nt, ntkrpamp', () => {
    expect(r.frameDataAt(KERNBASE + 0x8c6bc + 0x5c)?.kind).toBe('trap');
    expect(r.frameDataAt(KERNBASE + 0x8c6bc + 0x100)).toBeUndefined();
    expect(r.typesFor('nt')?.offsetof('_KPCR', 'PrcbData.CurrentThread')).toBe(0x124);
    expect(r.typesFor('ntkrpamp')).toBe(r.typesFor('nt'));
    expect(r.typesFor('StackHog')).toBeUndefined();
  });
});

describe('SymbolResolver without a module list', () => {
  it('still finds the kernel from KDBG KernBase, with a warning', () => {
    const dump = fakeDump({ list: false });
    const r = createSymbolResolver(dump, { store: store() });
    expect(r.modules().map((m) => [m.name, m.base, m.size])).toEqual([['nt', KERNBASE, 0x250000]]);
    expect(r.format(KERNBASE + 0x8c6bc + 0x5c)).toBe('nt!_KiTrap0E+0x5c');
    expect(dump.warnings).toEqual(['WARNING: no PsLoadedModuleList in the dump header or KDBG; module list unavailable']);
  });

  it('survives a garbage list and an empty store (built-in kernel types)', () => {
    const dump = fakeDump();
    (dump.kernelVm as FakeMemory).writeU32(LIST, 0xdead0000);
    const r = createSymbolResolver(dump, { store: new SymbolStore([]) });
    expect(dump.warnings[0]).toBe('WARNING: PsLoadedModuleList: unable to read list entry at dead0000');
    expect(r.modules().map((m) => [m.name, m.symbolStatus])).toEqual([['nt', 'none']]);
    expect(r.format(KERNBASE + 0x100)).toBe('nt+0x100');
    expect(r.typesFor('nt')?.sizeof('_KPCR')).toBe(0xfe0);
  });
});
