import type { IsfBaseType, IsfEnum, IsfFile, IsfTypeDescriptor, IsfUserType } from '../isf';

/**
 * The layout source is written the way `dt` prints a type, so a reviewer can hold it next to a `dt` transcript:
 *
 *   struct _KPCR 0xfe0
 *     +0x01c SelfPcr          : Ptr32 _KPCR
 *     +0x058 KernelReserved   : [14] Uint4B
 *     +0x0a0 AutoAlignment    : Pos 0, 1 Bit of Uint4B     (dt omits the storage type; ISF needs it)
 *   union __unnamed_X 0x4
 *   enum _NT_PRODUCT_TYPE 0x4 Int4B
 *     NtProductWinNt = 1
 *
 * This file turns that text into ISF (volatility3's schema), with base type names as pdbconv writes them.
 */

/** dt spelling → pdbconv base type name. */
export const DT_BASE_NAMES: Record<string, string> = {
  Void: 'void', Char: 'char', UChar: 'unsigned char', Wchar: 'wchar',
  Int2B: 'short', Uint2B: 'unsigned short', Int4B: 'long', Uint4B: 'unsigned long',
  Int8B: 'long long', Uint8B: 'unsigned long long',
};

const int = (size: number, signed: boolean): IsfBaseType => ({ kind: 'int', size, signed, endian: 'little' });

/** The x86 base types of a pdbconv ISF ('pointer' is the pointer size, 4 on x86). */
export const X86_BASE_TYPES: Record<string, IsfBaseType> = {
  void: { kind: 'void', size: 0, signed: true, endian: 'little' },
  char: { kind: 'char', size: 1, signed: true, endian: 'little' },
  'unsigned char': { kind: 'char', size: 1, signed: false, endian: 'little' },
  wchar: int(2, true),
  short: int(2, true),
  'unsigned short': int(2, false),
  long: int(4, true),
  'unsigned long': int(4, false),
  'long long': int(8, true),
  'unsigned long long': int(8, false),
  pointer: int(4, false),
};

type Types = Pick<IsfFile, 'base_types' | 'user_types' | 'enums'>;

interface RawField { name: string; offset: number; type: string; line: number }
interface RawBlock { kind: 'struct' | 'union'; name: string; size: number; fields: RawField[] }

const num = (s: string): number => (s.startsWith('0x') ? parseInt(s, 16) : parseInt(s, 10));

/** Parse layout text blocks into ISF types. Throws (a programming error in the layout source) on any bad row. */
export function parseLayouts(sources: string[]): Types {
  const blocks: RawBlock[] = [];
  const enums: Record<string, IsfEnum> = {};
  let block: RawBlock | undefined;
  let enumBlock: IsfEnum | undefined;
  sources.join('\n').split('\n').forEach((raw, i) => {
    const line = raw.replace(/(^|\s+)\/\/.*$/, '').trim();
    if (!line) return;
    let m: RegExpMatchArray | null;
    if ((m = line.match(/^(struct|union)\s+(\S+)\s+(0x[0-9a-f]+|\d+)$/i))) {
      block = { kind: m[1] as 'struct' | 'union', name: m[2], size: num(m[3]), fields: [] };
      enumBlock = undefined;
      blocks.push(block);
    } else if ((m = line.match(/^enum\s+(\S+)\s+(0x[0-9a-f]+|\d+)\s+(\S+)$/))) {
      enumBlock = { size: num(m[2]), base: DT_BASE_NAMES[m[3]] ?? m[3], constants: {} };
      enums[m[1]] = enumBlock;
      block = undefined;
    } else if (enumBlock && (m = line.match(/^(\w+)\s*=\s*(-?(?:0x[0-9a-f]+|\d+))$/i))) {
      enumBlock.constants[m[1]] = num(m[2]);
    } else if (block && (m = line.match(/^\+(0x[0-9a-f]+)\s+(\w+)\s*:\s*(.+)$/i))) {
      block.fields.push({ offset: num(m[1]), name: m[2], type: m[3].trim(), line: i + 1 });
    } else {
      throw new Error(`layout source line ${i + 1}: cannot parse '${raw}'`);
    }
  });

  const kinds = new Map(blocks.map((b) => [b.name, b.kind]));
  const user_types: Record<string, IsfUserType> = {};
  for (const b of blocks) {
    if (user_types[b.name]) throw new Error(`layout source: ${b.name} defined twice`);
    const fields: IsfUserType['fields'] = {};
    for (const f of b.fields) {
      if (fields[f.name]) throw new Error(`layout source line ${f.line}: ${b.name}.${f.name} defined twice`);
      fields[f.name] = { offset: f.offset, type: parseDtType(f.type, kinds, enums, f.line) };
    }
    user_types[b.name] = { kind: b.kind, size: b.size, fields };
  }
  return { base_types: { ...X86_BASE_TYPES }, user_types, enums };
}

/** One dt type spelling → an ISF type descriptor. */
export function parseDtType(
  text: string,
  kinds: Map<string, 'struct' | 'union'>,
  enums: Record<string, IsfEnum>,
  line = 0,
): IsfTypeDescriptor {
  const t = text.trim();
  let m: RegExpMatchArray | null;
  if ((m = t.match(/^Pos\s+(\d+),\s*(\d+)\s+Bits?\s+of\s+(.+)$/))) {
    return { kind: 'bitfield', bit_position: +m[1], bit_length: +m[2], type: parseDtType(m[3], kinds, enums, line) };
  }
  if ((m = t.match(/^Ptr32\s+(.+)$/))) return { kind: 'pointer', subtype: parseDtType(m[1], kinds, enums, line) };
  if ((m = t.match(/^\[(\d+)\]\s+(.+)$/))) {
    return { kind: 'array', count: +m[1], subtype: parseDtType(m[2], kinds, enums, line) };
  }
  if (t === 'Function') return { kind: 'function' };
  if (DT_BASE_NAMES[t]) return { kind: 'base', name: DT_BASE_NAMES[t] };
  if (enums[t]) return { kind: 'enum', name: t };
  const kind = kinds.get(t);
  if (kind) return { kind, name: t };
  throw new Error(`layout source line ${line}: unknown type '${t}'`);
}
