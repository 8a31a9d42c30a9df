import { TypeTable } from '../typeTable';
import { kernelTypes } from '../kernelLayouts';
import { paeNotDerived } from '../paePageTables';
import { ntkrpampTypes } from './ntkrpamp';

const types = new TypeTable(ntkrpampTypes(), 'ntkrpamp');

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
