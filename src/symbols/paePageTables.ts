import type { IsfField, IsfFile, IsfTypeDescriptor, IsfUserType } from './isf';

type IsfTypes = Pick<IsfFile, 'base_types' | 'user_types' | 'enums'>;

/**
 * PAE page-table types for the PAE kernels (ntkrnlpa, ntkrpamp) of builds whose shared layouts come from the
 * non-PAE kernel (XP … 7 SP1; Windows 8 and later, and win7_sp1_x86_24000, are PAE already and pass through).
 *
 * Under PAE a PTE is 8 bytes (Intel SDM vol. 3, 4.4). The rules, read off the pairs the shared data holds
 * (win7_sp1_x86 beside its PAE revision win7_sp1_x86_24000, and every Windows 8+ table):
 *  - every bitfield is stored in an `unsigned long long`; flags in bits 0–11 keep their place and names;
 *  - a hardware page frame number grows from 20 to 26 bits (12–37) and bits 38–63 are `reserved1` (`Unused` in a
 *    transition PTE); `_HARDWARE_PTE` also gets its `LowPart`/`HighPart` halves and calls bit 11 `reserved0`;
 *  - what a software PTE keeps in its high bits (page-file offset, list link, prototype or subsection address,
 *    time stamp) moves to the high dword as one 32-bit field; a split `<X>AddressLow`/`<X>AddressHigh` pair
 *    becomes `<X>Address`; the bits freed in the low dword are `Unused`/`filler1`;
 *  - `_MMPTE` and its unnamed union grow to 8 bytes and `Long` to `unsigned long long`.
 * What is not derivable: structures that embed a PTE by value where the wider PTE would run into the next field
 * (the memory manager's `_MMPFN`, `_SEGMENT`, … differ between the kernels). They keep their non-PAE layout and
 * are listed by `paeNotDerived`; `_EPROCESS.PageDirectoryPte` fits (the non-PAE kernel pads it to 8 bytes).
 */
const ULL: IsfTypeDescriptor = { kind: 'base', name: 'unsigned long long' };
const bits = (pos: number, len: number): IsfTypeDescriptor => ({ kind: 'bitfield', bit_position: pos, bit_length: len, type: ULL });
const ulong: IsfTypeDescriptor = { kind: 'base', name: 'unsigned long' };

/** The field moved to the high dword (and the name of the low-dword filler it leaves) per software format. */
const HIGH_DWORD: Record<string, { field: string; filler: string }> = {
  _MMPTE_SOFTWARE: { field: 'PageFileHigh', filler: 'Unused' },
  _MMPTE_TIMESTAMP: { field: 'GlobalTimeStamp', filler: 'Unused' },
  _MMPTE_LIST: { field: 'NextEntry', filler: 'filler1' },
  _MMPTE_PROTOTYPE: { field: 'ProtoAddress', filler: 'Unused' },
  _MMPTE_SUBSECTION: { field: 'SubsectionAddress', filler: 'Unused' },
};
const HARDWARE_FORMATS: Record<string, string> = { _HARDWARE_PTE: 'reserved1', _MMPTE_HARDWARE: 'reserved1', _MMPTE_TRANSITION: 'Unused' };

function widenBitfields(u: IsfUserType): Record<string, IsfField> {
  const out: Record<string, IsfField> = {};
  for (const [name, f] of Object.entries(u.fields)) {
    out[name] = f.type.kind === 'bitfield' ? { offset: 0, type: bits(f.type.bit_position, f.type.bit_length) } : f;
  }
  return out;
}

function hardwarePte(name: string, u: IsfUserType): IsfUserType {
  const fields = widenBitfields(u);
  if (fields.PageFrameNumber) fields.PageFrameNumber = { offset: 0, type: bits(12, 26) };
  fields[HARDWARE_FORMATS[name]] = { offset: 0, type: bits(38, 26) };
  if (name === '_HARDWARE_PTE') {
    if (fields.reserved) { fields.reserved0 = fields.reserved; delete fields.reserved; }
    fields.LowPart = { offset: 0, type: ulong };
    fields.HighPart = { offset: 4, type: ulong };
  }
  return { kind: u.kind, size: 8, fields };
}

function softwarePte(name: string, u: IsfUserType): IsfUserType {
  const { field, filler } = HIGH_DWORD[name];
  const fields = widenBitfields(u);
  // A split address (ProtoAddressLow + ProtoAddressHigh) is whole in the high dword.
  for (const part of ['Low', 'High']) if (field.endsWith('Address')) delete fields[`${field}${part}`];
  delete fields[field];
  let lowEnd = 0;
  for (const f of Object.values(fields)) {
    if (f.type.kind === 'bitfield') lowEnd = Math.max(lowEnd, f.type.bit_position + f.type.bit_length);
  }
  if (lowEnd < 32) {
    const existing = fields[filler];
    const start = existing?.type.kind === 'bitfield' ? existing.type.bit_position : lowEnd;
    fields[filler] = { offset: 0, type: bits(start, 32 - start) };
  }
  fields[field] = { offset: 0, type: bits(32, 32) };
  return { kind: u.kind, size: 8, fields };
}

/** Names a PTE type by value (a field or an array of it), not through a pointer. */
function embeddedPte(t: IsfTypeDescriptor, ptes: Set<string>): boolean {
  if (t.kind === 'array') return embeddedPte(t.subtype, ptes);
  return (t.kind === 'struct' || t.kind === 'union' || t.kind === 'class') && ptes.has(t.name);
}

/** The page-table types `paeLayouts` widens, present in these types. */
const widenedTypes = (types: IsfTypes): Set<string> => {
  const u = types.user_types._MMPTE?.fields.u?.type;
  return new Set(['_MMPTE', ...Object.keys(HARDWARE_FORMATS), ...Object.keys(HIGH_DWORD), ...(u && 'name' in u ? [u.name] : [])]
    .filter((n) => types.user_types[n]));
};

/** The types of a PAE kernel from those of its non-PAE build (unchanged when they are PAE already). */
export function paeLayouts(types: IsfTypes): IsfTypes {
  const mmpte = types.user_types._MMPTE;
  if (!mmpte || mmpte.size === 8) return types;
  const user_types: Record<string, IsfUserType> = { ...types.user_types };
  for (const name of Object.keys(HARDWARE_FORMATS)) if (user_types[name]) user_types[name] = hardwarePte(name, user_types[name]);
  for (const name of Object.keys(HIGH_DWORD)) if (user_types[name]) user_types[name] = softwarePte(name, user_types[name]);
  const u = mmpte.fields.u?.type;
  if (u && (u.kind === 'struct' || u.kind === 'union')) {
    const union = user_types[u.name];
    const fields = { ...union.fields };
    for (const n of ['Long', 'VolatileLong']) if (fields[n]) fields[n] = { offset: 0, type: ULL };
    user_types[u.name] = { kind: union.kind, size: 8, fields };
  }
  user_types._MMPTE = { ...mmpte, size: 8 };
  return { base_types: types.base_types, user_types, enums: types.enums };
}

/**
 * Fields (`Owner.Field`) of the non-PAE `types` that embed a page-table type by value where the 8-byte PAE form
 * would run into the next field: their PAE layout is not derivable, and `paeLayouts` leaves them as they are.
 */
export function paeNotDerived(types: IsfTypes): string[] {
  if (types.user_types._MMPTE?.size === 8) return [];
  const widened = widenedTypes(types);
  const out: string[] = [];
  for (const [owner, ut] of Object.entries(types.user_types)) {
    if (widened.has(owner)) continue;
    const offsets = [...new Set(Object.values(ut.fields).map((f) => f.offset))].sort((a, b) => a - b);
    for (const [fname, f] of Object.entries(ut.fields)) {
      if (!embeddedPte(f.type, widened)) continue;
      const count = f.type.kind === 'array' ? f.type.count : 1;
      const next = offsets.find((o) => o > f.offset) ?? ut.size;
      if (f.offset + 8 * count > next) out.push(`${owner}.${fname}`);
    }
  }
  return out.sort();
}
