import type { IsfTypeDescriptor } from '../../symbols/isf';
import type { TypeTableApi } from '../../symbols/typeTable.api';
import type { VirtualMemory } from '../memory/types';

/** Signed dt spellings (TypeTableApi exposes signedness only through describe()). */
const SIGNED = new Set(['Char', 'Int2B', 'Int4B', 'Int8B', 'Wchar']);

/**
 * A lazy typed view of one structure instance: `type` at `address` in `vm`. Every offset comes from the
 * TypeTable; nothing is read until a field is asked for, and an unreadable field is null, never 0.
 */
export class TypedView {
  constructor(
    readonly vm: VirtualMemory,
    readonly types: TypeTableApi,
    readonly typeName: string,
    readonly address: number,
  ) {}

  get size(): number {
    return this.types.sizeof(this.typeName);
  }

  /** VA of a field (dotted path). */
  addressOf(path: string): number {
    return (this.address + this.types.offsetof(this.typeName, path)) >>> 0;
  }

  /**
   * A scalar field: integers up to 4 bytes, pointers and enums as numbers (signed types sign-extended),
   * 8-byte integers as bigint, bitfields as their extracted value; null when any byte is unreadable.
   */
  get(path: string): number | bigint | null {
    const f = this.types.field(this.typeName, path);
    const va = (this.address + f.offset) >>> 0;
    if (f.type.kind === 'bitfield') return this.readBitfield(va, f.type);
    return this.readScalar(va, f.type, path);
  }

  /** A field that must fit a number (pointer, 1/2/4-byte integer, bitfield ≤ 32 bits). */
  num(path: string): number | null {
    const v = this.get(path);
    return typeof v === 'bigint' ? Number(v) : v;
  }

  /** A 64-bit slot as a 32-bit value (KDDEBUGGER_DATA64 pointers are sign-extended 32-bit VAs on x86). */
  u32Of64(path: string): number | null {
    const v = this.get(path);
    return v === null ? null : Number(BigInt(v) & 0xffffffffn) >>> 0;
  }

  /** Raw bytes of a field (arrays, embedded structs), or null when any is unreadable. */
  bytes(path: string): Uint8Array | null {
    const f = this.types.field(this.typeName, path);
    return this.vm.read((this.address + f.offset) >>> 0, this.types.sizeOfDescriptor(f.type));
  }

  /** An embedded struct/union field as its own view (`PrcbData`, `Tcb`, `ApcState`). */
  sub(path: string): TypedView {
    const f = this.types.field(this.typeName, path);
    const name = structName(f.type);
    if (!name) throw new TypeError(`${this.typeName}.${path} is not a structure`);
    return new TypedView(this.vm, this.types, name, (this.address + f.offset) >>> 0);
  }

  /** Follow a pointer field to a view of its pointee (`typeName` overrides a Void pointer); null if unreadable or NULL. */
  deref(path: string, typeName?: string): TypedView | null {
    const f = this.types.field(this.typeName, path);
    const target = typeName ?? (f.type.kind === 'pointer' ? structName(f.type.subtype) : undefined);
    if (!target) throw new TypeError(`${this.typeName}.${path} does not point to a structure`);
    const p = this.vm.readU32((this.address + f.offset) >>> 0);
    return p ? new TypedView(this.vm, this.types, target, p) : null;
  }

  /** The same address seen as another type (CONTAINING_RECORD-style casts use `at`). */
  as(typeName: string): TypedView {
    return new TypedView(this.vm, this.types, typeName, this.address);
  }

  /** True when this build's layout has the member. */
  has(path: string): boolean {
    try {
      this.types.field(this.typeName, path);
      return true;
    } catch {
      return false;
    }
  }

  /** Unsigned value of a member of at most 4 bytes (pointers, integers, bitfields), for hex columns; null when unreadable. */
  value(path: string): number | null {
    const v = this.num(path);
    return v === null ? null : v >>> 0;
  }

  /** Same as value(), but a member this build does not have also answers null. */
  optional(path: string): number | null {
    return this.has(path) ? this.value(path) : null;
  }

  /** View of an embedded member, or (follow) of the structure a pointer member points at; null when unreadable. */
  child(path: string, typeName: string, follow = false): TypedView | null {
    if (!follow) return new TypedView(this.vm, this.types, typeName, this.addressOf(path));
    const p = this.value(path);
    return p === null ? null : new TypedView(this.vm, this.types, typeName, p);
  }

  /** A NUL-terminated 8-bit string stored inline (`ImageFileName`, `[16] UChar`). */
  inlineString(path: string): string | null {
    const b = this.bytes(path);
    return b ? asciiz(b) : null;
  }

  private readScalar(va: number, t: IsfTypeDescriptor, path: string): number | bigint | null {
    const size = this.types.sizeOfDescriptor(t);
    const signed = t.kind === 'base' && SIGNED.has(this.types.describe(t));
    switch (size) {
      case 1: { const v = this.vm.readU8(va); return v === null ? null : signed ? (v << 24) >> 24 : v; }
      case 2: { const v = this.vm.readU16(va); return v === null ? null : signed ? (v << 16) >> 16 : v; }
      case 4: { const v = this.vm.readU32(va); return v === null ? null : signed ? v | 0 : v; }
      case 8: { const v = this.vm.readU64(va); return v === null ? null : signed ? BigInt.asIntN(64, v) : v; }
      default: throw new TypeError(`${this.typeName}.${path} is not a scalar (${this.types.describe(t)})`);
    }
  }

  private readBitfield(va: number, t: Extract<IsfTypeDescriptor, { kind: 'bitfield' }>): number | bigint | null {
    const size = this.types.sizeOfDescriptor(t.type);
    const raw = this.vm.read(va, size);
    if (!raw) return null;
    let v = 0n;
    for (let i = size - 1; i >= 0; i--) v = (v << 8n) | BigInt(raw[i]);
    const bits = (v >> BigInt(t.bit_position)) & ((1n << BigInt(t.bit_length)) - 1n);
    return t.bit_length <= 32 ? Number(bits) : bits;
  }
}

function structName(t: IsfTypeDescriptor): string | undefined {
  return t.kind === 'struct' || t.kind === 'union' || t.kind === 'class' ? t.name : undefined;
}

/** CONTAINING_RECORD: the start of `typeName` whose `linkPath` field is at `linkVa`. */
export function containingRecord(vm: VirtualMemory, types: TypeTableApi, typeName: string, linkPath: string, linkVa: number): TypedView {
  return new TypedView(vm, types, typeName, (linkVa - types.offsetof(typeName, linkPath)) >>> 0);
}

/** A NUL-terminated (or full-width) ANSI string from a fixed char array (ImageFileName). */
export function asciiz(bytes: Uint8Array): string {
  const end = bytes.indexOf(0);
  return Buffer.from(end < 0 ? bytes : bytes.subarray(0, end)).toString('latin1');
}
