import { KdsimError } from '../common/errors';
import { kdbgTypes } from './layouts/kdbg';
import { ntkrpampTypes } from './layouts/ntkrpamp';
import { TypeTable } from './typeTable';

const nt = new TypeTable(ntkrpampTypes(), 'ntkrpamp');
const describeField = (type: string, path: string) => nt.describe(nt.field(type, path).type);

describe('TypeTable.describe', () => {
  it("spells types as dt prints them", () => {
    expect(describeField('_KPCR', 'TSS')).toBe('Ptr32 _KTSS');
    expect(describeField('_KPCR', 'SetMember')).toBe('Uint4B');
    expect(describeField('_KPCR', 'MajorVersion')).toBe('Uint2B');
    expect(describeField('_KPCR', 'Irql')).toBe('UChar');
    expect(describeField('_KTHREAD', 'WaitStatus')).toBe('Int4B');
    expect(describeField('_EPROCESS', 'Filler')).toBe('Uint8B');
    expect(describeField('_KPCR', 'KernelReserved')).toBe('[14] Uint4B');
    expect(describeField('_KPCR', 'NtTib')).toBe('_NT_TIB');
    expect(describeField('_KTHREAD', 'AutoAlignment')).toBe('Pos 0, 1 Bit');
    expect(describeField('_KTHREAD', 'ReservedFlags')).toBe('Pos 3, 29 Bits');
    expect(describeField('_KPCR', 'KdVersionBlock')).toBe('Ptr32 Void');
    expect(describeField('_KTHREAD', 'ApcStatePointer')).toBe('[2] Ptr32 _KAPC_STATE');
    expect(describeField('_KGDTENTRY', 'HighWord')).toBe('__unnamed');
  });

  it('spells an enum field by its enum name', () => {
    // Volatility 2's tables kept no enum names ('enum_10'); a pdbconv file says '_NT_PRODUCT_TYPE'. Either way dt
    // prints the ISF name, and the constants decode.
    const t = nt.field('_KUSER_SHARED_DATA', 'NtProductType').type;
    expect(t.kind).toBe('enum');
    const name = (t as { name: string }).name;
    expect(describeField('_KUSER_SHARED_DATA', 'NtProductType')).toBe(name);
    expect(ntkrpampTypes().enums[name].constants).toEqual({ NtProductWinNt: 1, NtProductLanManNt: 2, NtProductServer: 3 });
    expect(nt.sizeof(name)).toBe(4);
  });
});

describe('TypeTable layout queries', () => {
  it('adds nested offsets along a dotted path', () => {
    expect(nt.offsetof('_KPCR', 'PrcbData.CurrentThread')).toBe(0x124);
    expect(nt.offsetof('_KPCR', 'PrcbData.ProcessorState.SpecialRegisters.Gdtr.Base')).toBe(0x434);
    expect(nt.offsetof('_KPCR', 'PrcbData.ProcessorState.ContextFrame.Eip')).toBe(0x1f4);
  });

  it('indexes arrays of structs, element 0 when no index is given', () => {
    expect(nt.offsetof('_KPRCB', 'DpcData[1].DpcListHead')).toBe(0x920 + 0x14);
    expect(nt.offsetof('_KTSS', 'IoMaps.IoMap')).toBe(0x88);
    expect(nt.offsetof('_KPROCESS', 'DirectoryTableBase[1]')).toBe(0x1c);
    expect(() => nt.offsetof('_KPROCESS', 'DirectoryTableBase[2]')).toThrow(/out of range/);
  });

  it('reports bit position and length of bitfields', () => {
    const f = nt.field('_KGDTENTRY', 'HighWord.Bits.Dpl');
    expect([f.offset, f.bitPosition, f.bitLength]).toEqual([4, 13, 2]);
  });

  it('lists direct fields in offset order, union members in declaration order', () => {
    const names = nt.fields('_KPCR').slice(0, 3).map((f) => f.name);
    expect(names).toEqual(['NtTib', 'Used_ExceptionList', 'Used_StackBase']);
    const offs = nt.fields('_KTHREAD').map((f) => f.offset);
    expect(offs).toEqual([...offs].sort((a, b) => a - b));
  });

  it('lists bitfields sharing storage by bit position, as dt does', () => {
    const pos = nt.fields('_MMPTE_HARDWARE').map((f) => f.bitPosition!);
    expect(pos[0]).toBe(0);
    expect(pos).toEqual([...pos].sort((a, b) => a - b));
    expect(nt.fields('_MMPTE_HARDWARE').map((f) => f.name).slice(0, 2)).toEqual(['Valid', 'Writable']);
  });

  it('sizes base types, enums and descriptors', () => {
    expect(nt.sizeof('unsigned long long')).toBe(8);
    expect(nt.sizeOfDescriptor({ kind: 'pointer', subtype: { kind: 'base', name: 'void' } })).toBe(4);
  });

  it('throws E_SYMBOLS in WinDbg wording for unknown types and fields', () => {
    expect(() => nt.sizeof('_NOPE')).toThrow(new KdsimError('E_SYMBOLS', 'Symbol ntkrpamp!_NOPE not found.'));
    expect(() => nt.field('_KPCR', 'Prcb.Nope')).toThrow(/Symbol ntkrpamp!/);
    try { nt.field('_KPCR', 'Nope'); } catch (e) { expect((e as KdsimError).code).toBe('E_SYMBOLS'); }
  });
});

describe('KDDEBUGGER_DATA64 layout', () => {
  const kd = new TypeTable(kdbgTypes(), 'kdbg');
  it('is 0x318 bytes and puts the debugger fields at the §4.2 offsets', () => {
    expect(kd.sizeof('_KDDEBUGGER_DATA64')).toBe(0x318);
    expect(kd.offsetof('_KDDEBUGGER_DATA64', 'Header.OwnerTag')).toBe(0x10);
    expect(kd.offsetof('_KDDEBUGGER_DATA64', 'KernBase')).toBe(0x18);
    expect(kd.offsetof('_KDDEBUGGER_DATA64', 'KiProcessorBlock')).toBe(0x218);
  });
});
