import { parseSizeofTables, readReferenceDoc } from '../../testing/docTables';
import { TypeTable } from '../typeTable';
import { ntkrpampTypes } from './ntkrpamp';

/**
 * Independent check (`npm run test:interop`: it reads ../shared/reference/dump-format.md): the Server 2003 SP2
 * tables of dump-format.md (§3.1, §4.4, §6; PDB-derived, S6) against the shipped layouts (imported from the real ISF, PAE page tables derived). The doc's tables are the oracle; nothing here repeats an offset by hand except
 * the few structures the doc describes in prose.
 */
const doc = readReferenceDoc('dump-format.md');
if (!doc) throw new Error('ntkrpamp.interop.test: needs ../shared/reference/dump-format.md beside the checkout');
const types = new TypeTable(ntkrpampTypes(), 'ntkrpamp');

/** PAE kernel: the §6 tables come from the non-PAE PDB; PTE-sized members are 8 bytes here (dump-format §6 intro). */
const PAE_SIZES: Record<string, number> = { '_EPROCESS.PageDirectoryPte': 8 };

describe('ntkrpamp layouts match dump-format.md', () => {
  const tables = parseSizeofTables(doc);

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
    const intro = doc.match(/^Sizes: (.+)$/m)![1];
    const pairs = [...intro.matchAll(/`(_\w+)` (0x[0-9A-F]+)/g)];
    expect(pairs.length).toBeGreaterThanOrEqual(10);
    for (const [, name, size] of pairs) expect([name, types.sizeof(name)]).toEqual([name, parseInt(size, 16)]);
  });

  it('decodes _KGDTENTRY.HighWord as §6.5 describes it (Bytes and Bits)', () => {
    const para = doc.split('\n').find((l) => l.startsWith('`_KGDTENTRY` (8 bytes)'))!;
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
