import { TypedView } from './typedView';
import { asciiz, readUnicodeString as readUs } from './strings';
import type { VirtualMemory } from '../memory/types';
import type { TypeTableApi } from '../../symbols/typeTable.api';

/**
 * The objects layer's TypedView with the few conveniences the display commands need: unsigned values for
 * hex columns, members that only some builds have, and inline character arrays. Unreadable reads are null.
 */
export class StructView extends TypedView {
  /** True when this build's layout has the member. */
  has(path: string): boolean {
    try {
      this.types.field(this.typeName, path);
      return true;
    } catch {
      return false;
    }
  }

  addrOf(path: string): number {
    return this.addressOf(path);
  }

  /** Unsigned value of a member of at most 4 bytes (pointers, integers, bitfields); null when unreadable. */
  value(path: string): number | null {
    const v = this.num(path);
    return v === null ? null : v >>> 0;
  }

  /** Same as value(), but a member this build does not have also answers null. */
  optional(path: string): number | null {
    return this.has(path) ? this.value(path) : null;
  }

  /** View of an embedded member, or (follow) of the structure a pointer member points at; null when unreadable. */
  child(path: string, typeName: string, follow = false): StructView | null {
    if (!follow) return new StructView(this.vm, this.types, typeName, this.addressOf(path));
    const p = this.value(path);
    return p === null ? null : new StructView(this.vm, this.types, typeName, p);
  }

  /** A NUL-terminated 8-bit string stored inline (`ImageFileName`, `[16] UChar`). */
  inlineString(path: string): string | null {
    const b = this.bytes(path);
    return b ? asciiz(b) : null;
  }
}

export const readUnicodeString = (vm: VirtualMemory, types: TypeTableApi, va: number): string | null => readUs(vm, types, va);
