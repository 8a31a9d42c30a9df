import type { VirtualMemory } from '../../memory/types';
import type { TypeTableApi, FieldInfo } from '../../../symbols/typeTable.api';

/**
 * Reads fields of one kernel structure instance through the ISF layouts (the single source of offsets).
 * Every read answers null when the bytes are not in the dump, so renderers can print `????????`.
 */
export class StructView {
  constructor(
    readonly vm: VirtualMemory,
    readonly types: TypeTableApi,
    readonly typeName: string,
    readonly address: number,
  ) {}

  field(path: string): FieldInfo {
    return this.types.field(this.typeName, path);
  }

  has(path: string): boolean {
    try {
      this.types.field(this.typeName, path);
      return true;
    } catch {
      return false;
    }
  }

  addrOf(path: string): number {
    return (this.address + this.types.offsetof(this.typeName, path)) >>> 0;
  }

  /** Unsigned value of an integer, pointer or bitfield member of at most 4 bytes; null when unreadable. */
  value(path: string): number | null {
    const f = this.field(path);
    const at = (this.address + f.offset) >>> 0;
    const t = f.type.kind === 'bitfield' ? f.type.type : f.type;
    const size = Math.min(this.types.sizeOfDescriptor(t), 4);
    const raw = size === 1 ? this.vm.readU8(at) : size === 2 ? this.vm.readU16(at) : this.vm.readU32(at);
    if (raw === null) return null;
    if (f.type.kind !== 'bitfield') return raw >>> 0;
    const { bit_position: pos, bit_length: len } = f.type;
    return len >= 32 ? raw >>> 0 : (raw >>> pos) & (2 ** len - 1);
  }

  /** Same as value(), but a missing member (another build's layout) also answers null. */
  optional(path: string): number | null {
    return this.has(path) ? this.value(path) : null;
  }

  /** A NUL-terminated 8-bit string stored inline (e.g. `ImageFileName`, `[16] UChar`). */
  inlineString(path: string): string | null {
    const f = this.field(path);
    const bytes = this.vm.read((this.address + f.offset) >>> 0, this.types.sizeOfDescriptor(f.type));
    if (!bytes) return null;
    const end = bytes.indexOf(0);
    return String.fromCharCode(...bytes.subarray(0, end < 0 ? bytes.length : end));
  }

  /** View of an embedded member or of the structure a pointer member points at. */
  child(path: string, typeName: string, follow = false): StructView | null {
    if (!follow) return new StructView(this.vm, this.types, typeName, this.addrOf(path));
    const p = this.value(path);
    return p === null ? null : new StructView(this.vm, this.types, typeName, p);
  }
}

/** Reads a `_UNICODE_STRING` at `va` (Length, Buffer); null when the header or the buffer is unreadable. */
export function readUnicodeString(vm: VirtualMemory, types: TypeTableApi, va: number): string | null {
  const us = new StructView(vm, types, '_UNICODE_STRING', va);
  const len = us.value('Length');
  const buf = us.value('Buffer');
  if (len === null || buf === null) return null;
  if (len === 0) return '';
  const bytes = vm.read(buf, Math.min(len, 0x1000));
  if (!bytes) return null;
  let s = '';
  for (let i = 0; i + 1 < bytes.length; i += 2) s += String.fromCharCode(bytes[i] | (bytes[i + 1] << 8));
  return s;
}
