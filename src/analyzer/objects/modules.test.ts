import { ntkrpampTypes } from '../../symbols/layouts/ntkrpamp';
import { TypeTable } from '../../symbols/typeTable';
import { FakeMemory, writeFields, writePeImage } from '../../testing/fakeMemory';
import { readModuleList } from './modules';
import { readPeImage } from './peImage';

const nt = new TypeTable(ntkrpampTypes(), 'ntkrpamp');
const GUID = '1B2C3D4E5F60718293A4B5C6D7E8F901';

describe('readPeImage', () => {
  it('reads header fields and the RSDS pdb name, GUID (volatility3 display form) and age', () => {
    const m = new FakeMemory();
    writePeImage(m, 0x80800000, { pdb: 'ntkrpamp.pdb', guid: GUID, age: 2, size: 0x250000 });
    expect(readPeImage(m, 0x80800000)).toEqual({
      base: 0x80800000, machine: 0x14c, sizeOfImage: 0x250000, timeDateStamp: 0x45d69710, checkSum: 0x1f5a3b,
      characteristics: 0x10e, pdb: { name: 'ntkrpamp.pdb', guid: GUID, age: 2 },
    });
  });

  it('gives null without MZ/PE and no pdb when the CodeView record is not RSDS', () => {
    const m = new FakeMemory();
    expect(readPeImage(m.map(0x1000, 0x1000), 0x1000)).toBeNull();
    const n = new FakeMemory();
    writePeImage(n, 0x10000, { pdb: 'a.pdb', guid: GUID, age: 1, size: 0x1000 });
    n.write(0x10320, [0, 0, 0, 0]);
    expect(readPeImage(n, 0x10000)?.pdb).toBeUndefined();
  });
});

describe('readModuleList', () => {
  it('reads base, size and names from _LDR_DATA_TABLE_ENTRY; a broken list warns', () => {
    const m = new FakeMemory();
    const head = 0x8089ffe0;
    const e = 0x89a01000;
    m.writeU32(head, e).writeU32(e, head);
    writeFields(m, nt, '_LDR_DATA_TABLE_ENTRY', e, {
      DllBase: 0xf7b1f000, SizeOfImage: 0xb000, 'BaseDllName.Length': 24, 'BaseDllName.Buffer': 0x89a02000,
    });
    m.writeString(0x89a02000, 'StackHog.sys', true);
    const { modules, warning } = readModuleList(m, nt, head);
    expect(warning).toBeUndefined();
    expect(modules).toEqual([expect.objectContaining({ base: 0xf7b1f000, size: 0xb000, baseName: 'StackHog.sys', fullName: '' })]);
    m.writeU32(e, 0x12345678);
    expect(readModuleList(m, nt, head).warning).toBe('PsLoadedModuleList: unable to read list entry at 12345678');
  });
});
