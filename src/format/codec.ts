/**
 * Reader and encoder derived from a layout table: `decode` runs a binary-parser Parser built from the table
 * (compiled once per layout), `encode` writes the same fields at the same offsets. Neither knows any record.
 */
import { Parser } from 'binary-parser';
import { fieldsInOrder, type Decoded, type Encodable, type FieldType, type Layout } from './layout';

const parsers = new WeakMap<Layout, Parser>();

/** CHAR[n] as C sees it: up to the first NUL, latin-1 (header text is ASCII). */
export const decodeChar = (b: Uint8Array): string => {
  const nul = b.indexOf(0);
  return Buffer.from(b.subarray(0, nul < 0 ? b.length : nul)).toString('latin1');
};

function parserFor(layout: Layout): Parser {
  const cached = parsers.get(layout);
  if (cached) return cached;
  let p = new Parser().endianness('little');
  let cursor = 0;
  for (const [name, offset, type] of fieldsInOrder(layout)) {
    if (offset > cursor) p = p.seek(offset - cursor);
    p = addField(p, name, type);
    cursor = offset + type.size;
  }
  if (layout.size > cursor) p = p.seek(layout.size - cursor);
  parsers.set(layout, p);
  return p;
}

function addField(p: Parser, name: string, type: FieldType): Parser {
  switch (type.kind) {
    case 'u8': return p.uint8(name);
    case 'u16': return p.uint16le(name);
    case 'u32': return p.uint32le(name);
    case 'u64': return p.uint64le(name);
    case 'bytes': return p.buffer(name, { length: type.size, clone: true });
    case 'char': return p.buffer(name, { length: type.size, formatter: (b) => decodeChar(b as Uint8Array) });
    case 'nested': return p.nest(name, { type: parserFor(type.layout) });
    case 'array': return p.array(name, { type: elementType(type.of), length: type.count });
  }
}

function elementType(of: FieldType): string | Parser {
  switch (of.kind) {
    case 'u8': return 'uint8';
    case 'u16': return 'uint16le';
    case 'u32': return 'uint32le';
    case 'u64': return 'uint64le';
    case 'nested': return parserFor(of.layout);
    default: throw new Error(`arrays of ${of.kind} are not supported by the layout codec`);
  }
}

/** Decodes one record at `offset` of `buf`; the buffer must hold the whole record. */
export function decode<L extends Layout>(layout: L, buf: Uint8Array, offset = 0): Decoded<L> {
  if (offset < 0 || offset + layout.size > buf.length) {
    throw new RangeError(`${layout.name} needs 0x${layout.size.toString(16)} bytes at 0x${offset.toString(16)}; buffer has 0x${buf.length.toString(16)}`);
  }
  const view = Buffer.from(buf.buffer, buf.byteOffset + offset, layout.size);
  return parserFor(layout).parse(view) as Decoded<L>;
}

/**
 * Writes the given fields of `value` into `buf` at `offset`; fields left out keep whatever the buffer holds
 * (the 'PAGE' fill of a dump header, for one). CHAR[n] text is NUL-terminated when shorter than n.
 */
export function encode<L extends Layout>(layout: L, value: Encodable<L>, buf: Uint8Array, offset = 0): void {
  const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const fields = layout.fields as Layout['fields'];
  for (const [name, v] of Object.entries(value as Record<string, unknown>)) {
    if (v === undefined) continue;
    const spec = fields[name];
    if (!spec) throw new Error(`${layout.name} has no field ${name}`);
    encodeField(spec[1], v, buf, dv, offset + spec[0], `${layout.name}.${name}`);
  }
}

function encodeField(type: FieldType, v: unknown, buf: Uint8Array, dv: DataView, at: number, what: string): void {
  switch (type.kind) {
    case 'u8': dv.setUint8(at, checkInt(v, 0xff, what)); return;
    case 'u16': dv.setUint16(at, checkInt(v, 0xffff, what), true); return;
    case 'u32': dv.setUint32(at, checkInt(v, 0xffffffff, what), true); return;
    case 'u64': dv.setBigUint64(at, BigInt.asUintN(64, BigInt(v as bigint | number)), true); return;
    case 'bytes': {
      const b = v as Uint8Array;
      if (b.length > type.size) throw new RangeError(`${what}: ${b.length} bytes do not fit in ${type.size}`);
      buf.set(b, at);
      return;
    }
    case 'char': {
      const b = Buffer.from(v as string, 'latin1');
      if (b.length > type.size) throw new RangeError(`${what}: text of ${b.length} chars does not fit CHAR[${type.size}]`);
      buf.set(b, at);
      if (b.length < type.size) buf[at + b.length] = 0;
      return;
    }
    case 'nested': encode(type.layout, v as never, buf, at); return;
    case 'array': {
      const items = v as unknown[];
      if (items.length > type.count) throw new RangeError(`${what}: ${items.length} entries do not fit ${type.count}`);
      items.forEach((item, i) => encodeField(type.of, item, buf, dv, at + i * type.of.size, `${what}[${i}]`));
    }
  }
}

function checkInt(v: unknown, max: number, what: string): number {
  const n = v as number;
  // Accept signed 32-bit views of the same bits (NTSTATUS codes written as negatives).
  if (!Number.isInteger(n) || n > max || n < -(max + 1) / 2) throw new RangeError(`${what}: ${String(v)} does not fit`);
  return n < 0 ? (n + max + 1) : n;
}
