/**
 * Declarative layouts of fixed-format records (dump header, runs, CONTEXT, EXCEPTION_RECORD).
 * Each field names its offset and type exactly once; the binary-parser reader (codec.ts), the encoder
 * (codec.ts) and the TypeScript type of a decoded record (`Decoded<L>`) are all derived from the table,
 * so the reader and the writer cannot disagree.
 */

export type FieldType =
  | { readonly kind: 'u8'; readonly size: 1 }
  | { readonly kind: 'u16'; readonly size: 2 }
  | { readonly kind: 'u32'; readonly size: 4 }
  | { readonly kind: 'u64'; readonly size: 8 }
  /** Raw bytes (reserved areas, register images). */
  | { readonly kind: 'bytes'; readonly size: number }
  /** CHAR[n]: decoded up to the first NUL as latin-1, encoded NUL-terminated when it fits. */
  | { readonly kind: 'char'; readonly size: number }
  | { readonly kind: 'nested'; readonly size: number; readonly layout: Layout }
  | { readonly kind: 'array'; readonly size: number; readonly of: FieldType; readonly count: number };

export interface Layout {
  readonly name: string;
  readonly size: number;
  readonly fields: { readonly [name: string]: readonly [offset: number, type: FieldType] };
}

export const u8 = { kind: 'u8', size: 1 } as const;
export const u16 = { kind: 'u16', size: 2 } as const;
export const u32 = { kind: 'u32', size: 4 } as const;
export const u64 = { kind: 'u64', size: 8 } as const;
export const bytes = <N extends number>(size: N) => ({ kind: 'bytes', size }) as const;
export const char = <N extends number>(size: N) => ({ kind: 'char', size }) as const;
export const nested = <L extends Layout>(layout: L) => ({ kind: 'nested', size: layout.size, layout }) as const;
/** `count` elements back to back; an element is a primitive or `nested(record)`. */
export const array = <T extends FieldType>(of: T, count: number) =>
  ({ kind: 'array', size: of.size * count, of, count }) as const;

/** The JS value of one field type. */
export type ValueOf<T> = T extends { kind: 'u8' | 'u16' | 'u32' } ? number
  : T extends { kind: 'u64' } ? bigint
  : T extends { kind: 'bytes' } ? Uint8Array
  : T extends { kind: 'char' } ? string
  : T extends { kind: 'nested'; layout: infer L } ? Decoded<L>
  : T extends { kind: 'array'; of: infer E } ? ValueOf<E>[]
  : never;

/** A decoded record: one property per field of the layout, typed from the table. */
export type Decoded<L> = L extends { fields: infer F }
  ? { -readonly [K in keyof F]: F[K] extends readonly [number, infer T] ? ValueOf<T> : never }
  : never;

/** What the encoder accepts: any subset of fields (nested records may be partial too). */
export type Encodable<L> = L extends { fields: infer F }
  ? { [K in keyof F]?: F[K] extends readonly [number, infer T] ? EncodableValue<T> : never }
  : never;
type EncodableValue<T> = T extends { kind: 'nested'; layout: infer L } ? Encodable<L>
  : T extends { kind: 'array'; of: infer E } ? EncodableValue<E>[]
  : ValueOf<T>;

/** Declares a layout and checks it: every field inside the record, none overlapping. */
export function defineLayout<const F extends Layout['fields']>(name: string, size: number, fields: F): { name: string; size: number; fields: F } {
  const spans = Object.entries(fields)
    .map(([field, [offset, type]]) => ({ field, offset, end: offset + type.size }))
    .sort((a, b) => a.offset - b.offset);
  let prev: { field: string; end: number } | undefined;
  for (const s of spans) {
    if (s.end > size) throw new Error(`layout ${name}: ${s.field} ends at 0x${s.end.toString(16)}, past the record size 0x${size.toString(16)}`);
    if (prev && s.offset < prev.end) throw new Error(`layout ${name}: ${s.field} overlaps ${prev.field}`);
    prev = s;
  }
  return { name, size, fields };
}

/** Offset of a field, for tests and for error messages that say where in the file a value sits. */
export function offsetOf<L extends Layout>(layout: L, field: keyof L['fields'] & string): number {
  return layout.fields[field][0];
}

/** Fields in offset order (the reader walks them so). */
export function fieldsInOrder(layout: Layout): [string, number, FieldType][] {
  return Object.entries(layout.fields)
    .map(([n, [o, t]]) => [n, o, t] as [string, number, FieldType])
    .sort((a, b) => a[1] - b[1]);
}
