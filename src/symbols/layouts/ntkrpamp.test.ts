import { TypeTable } from '../typeTable';
import { ntkrpampTypes } from './ntkrpamp';

const types = new TypeTable(ntkrpampTypes(), 'ntkrpamp');

describe('ntkrpamp layout source', () => {
  it('defines every struct a descriptor names, with fields inside the struct', () => {
    const isf = ntkrpampTypes();
    const named = (d: any): string[] =>
      d.kind === 'pointer' || d.kind === 'array' ? named(d.subtype) : d.kind === 'bitfield' ? named(d.type)
        : ['struct', 'union', 'enum'].includes(d.kind) ? [d.name] : d.kind === 'base' ? [d.name] : [];
    for (const [tname, ut] of Object.entries(isf.user_types)) {
      for (const [fname, f] of Object.entries(ut.fields)) {
        for (const n of named(f.type)) expect([tname, fname, types.hasType(n)]).toEqual([tname, fname, true]);
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

  it('gives each caller its own copy', () => {
    const a = ntkrpampTypes();
    a.user_types._KPCR.size = 1;
    expect(ntkrpampTypes().user_types._KPCR.size).toBe(0xfe0);
  });
});
