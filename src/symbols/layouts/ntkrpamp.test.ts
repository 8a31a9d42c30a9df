import { parseSizeofTables, readReferenceDoc } from '../../testing/docTables';
import { TypeTable } from '../typeTable';
import { kernelTypes } from '../kernelLayouts';
import { paeNotDerived } from '../paePageTables';
import { ntkrpampTypes } from './ntkrpamp';

/**
 * Independent check: the Server 2003 SP2 tables of dump-format.md (§3.1, §4.4, §6; PDB-derived, S6) against
 * the shipped layouts (imported from the real ISF, PAE page tables derived). The doc's tables are the oracle; nothing here repeats an offset by hand except
 * the few structures the doc describes in prose.
 */
const doc = readReferenceDoc('dump-format.md');
const types = new TypeTable(ntkrpampTypes(), 'ntkrpamp');

/** PAE kernel: the §6 tables come from the non-PAE PDB; PTE-sized members are 8 bytes here (dump-format §6 intro). */
const PAE_SIZES: Record<string, number> = { '_EPROCESS.PageDirectoryPte': 8 };

(doc ? describe : describe.skip)('ntkrpamp layouts match dump-format.md', () => {
  const tables = parseSizeofTables(doc ?? '');

  it('finds the tables of every structure the doc pins', () => {
    const names = tables.map((t) => t.name);
    for (const n of ['_KPCR', '_KPRCB', '_KTSS', '_KTHREAD', '_ETHREAD', '_KPROCESS', '_EPROCESS', '_KTRAP_FRAME',
      '_CONTEXT', '_LDR_DATA_TABLE_ENTRY', '_KUSER_SHARED_DATA', '_DBGKD_GET_VERSION64', '_KIDTENTRY']) {
      expect(names).toContain(n);
    }
    expect(tables.length).toBeGreaterThanOrEqual(20);
  });

  it.each(tables.map((t) => [t.name, t] as const))('%s has the doc size, offsets, sizes and dt types', (_n, table) => {
    expect(types.sizeof(table.name)).toBe(table.size);
    for (const row of table.rows) {
      const f = types.field(table.name, row.field);
      const key = `${table.name}.${row.field}`;
      expect([key, f.offset]).toEqual([key, row.offset]);
      expect([key, types.sizeOfDescriptor(f.type)]).toEqual([key, PAE_SIZES[key] ?? row.size]);
      if (!row.type.startsWith('Enum')) expect([key, types.describe(f.type)]).toEqual([key, row.type]);
    }
  });

  it('matches the sizes listed in the §6 introduction', () => {
    const intro = doc!.match(/^Sizes: (.+)$/m)![1];
    const pairs = [...intro.matchAll(/`(_\w+)` (0x[0-9A-F]+)/g)];
    expect(pairs.length).toBeGreaterThanOrEqual(10);
    for (const [, name, size] of pairs) expect([name, types.sizeof(name)]).toEqual([name, parseInt(size, 16)]);
  });

  it('decodes _KGDTENTRY.HighWord as §6.5 describes it (Bytes and Bits)', () => {
    const para = doc!.split('\n').find((l) => l.startsWith('`_KGDTENTRY` (8 bytes)'))!;
    expect(types.sizeof('_KGDTENTRY')).toBe(8);
    for (const [, name, off] of para.matchAll(/(\w+) (?:UChar|Uint2B) \+0x([0-9a-f]+)/g)) {
      const path = ['LimitLow', 'BaseLow'].includes(name) ? name : `HighWord.Bytes.${name}`;
      expect([path, types.offsetof('_KGDTENTRY', path)]).toEqual([path, name === 'LimitLow' || name === 'BaseLow'
        ? parseInt(off, 16) : 4 + parseInt(off, 16)]);
    }
    const bits = [...para.matchAll(/(\w+) Pos (\d+) (\d+) Bits?/g)];
    expect(bits.length).toBe(10);
    for (const [, name, pos, len] of bits) {
      const f = types.field('_KGDTENTRY', `HighWord.Bits.${name}`);
      expect([name, f.offset, f.bitPosition, f.bitLength]).toEqual([name, 4, +pos, +len]);
    }
  });

  it('has the prose-described small types', () => {
    expect(types.offsetof('_EXCEPTION_REGISTRATION_RECORD', 'Handler')).toBe(4);
    expect(types.sizeof('_KiIoAccessMap')).toBe(0x2024);
    expect(types.offsetof('_KiIoAccessMap', 'IoMap')).toBe(0x20);
    expect(types.offsetof('_KSYSTEM_TIME', 'High2Time')).toBe(8);
  });
});

describe('the shipped Server 2003 SP2 PAE layouts', () => {
  it('defines every type a descriptor names, with fields inside their struct (bar the PAE ones not derived)', () => {
    const isf = ntkrpampTypes();
    const notDerived = paeNotDerived(kernelTypes('win2003_sp2_x86', { pae: false }));
    const named = (d: any): string[] =>
      d.kind === 'pointer' || d.kind === 'array' ? named(d.subtype) : d.kind === 'bitfield' ? named(d.type)
        : ['struct', 'union', 'enum'].includes(d.kind) ? [d.name] : d.kind === 'base' ? [d.name] : [];
    for (const [tname, ut] of Object.entries(isf.user_types)) {
      for (const [fname, f] of Object.entries(ut.fields)) {
        for (const n of named(f.type)) expect([tname, fname, types.hasType(n)]).toEqual([tname, fname, true]);
        if (notDerived.includes(`${tname}.${fname}`)) continue;
        expect([tname, fname, f.offset + types.sizeOfDescriptor(f.type) <= ut.size]).toEqual([tname, fname, true]);
      }
    }
  });

  it('uses pdbconv base type names with a 4-byte pointer', () => {
    const { base_types } = ntkrpampTypes();
    expect(base_types.pointer).toEqual({ kind: 'int', size: 4, signed: false, endian: 'little' });
    expect(Object.keys(base_types)).toEqual(expect.arrayContaining(
      ['unsigned long', 'unsigned short', 'unsigned char', 'long', 'unsigned long long', 'void']));
  });

  it('has the two fields the old hand-typed layouts got wrong at their real offsets', () => {
    expect(types.offsetof('_KDPC', 'Importance')).toBe(0x001);
    expect(types.offsetof('_KDPC', 'Number')).toBe(0x002);
    expect(types.offsetof('_KDPC', 'Expedite')).toBe(0x003);
    expect(types.offsetof('_KUSER_SHARED_DATA', 'Reserved2')).toBe(0x248);
  });

  it('is parsed once and shared', () => {
    expect(ntkrpampTypes()).toBe(ntkrpampTypes());
    expect(ntkrpampTypes().user_types._KPCR.size).toBe(0xfe0);
  });
});
