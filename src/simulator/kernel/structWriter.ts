/**
 * Writes kernel structures field by field through the ISF type table: every offset and size comes from the
 * shipped layout (`ntkrpampTypes()`), never from a number typed here.
 */
import type { TypeTableApi } from '../../symbols/typeTable.api';
import type { VirtualSpace } from '../memory/virtualSpace';

export type FieldValue = number | bigint | string;

export class StructWriter {
  constructor(readonly types: TypeTableApi, readonly mem: VirtualSpace) {}

  sizeof(type: string): number {
    return this.types.sizeof(type);
  }

  offsetof(type: string, path: string): number {
    return this.types.offsetof(type, path);
  }

  /** Address of a field of the structure at `base`. */
  addr(type: string, base: number, path: string): number {
    return (base + this.types.offsetof(type, path)) >>> 0;
  }

  /** Maps and zero-fills the whole structure (what the allocator hands out), so unset fields read as 0. */
  zero(type: string, base: number): void {
    this.mem.write(base, new Uint8Array(this.types.sizeof(type)));
  }

  /** One field: integers by their declared size, pointers as 4 bytes; strings into UCHAR arrays. */
  set(type: string, base: number, path: string, value: FieldValue): void {
    const f = this.types.field(type, path);
    const at = (base + f.offset) >>> 0;
    const size = f.type.kind === 'pointer' ? 4 : f.type.kind === 'bitfield' ? this.types.sizeOfDescriptor(f.type.type) : this.types.sizeOfDescriptor(f.type);
    if (typeof value === 'string') {
      const bytes = new Uint8Array(size);
      bytes.set(Buffer.from(value, 'latin1').subarray(0, size - 1));
      this.mem.write(at, bytes);
      return;
    }
    if (f.bitLength !== undefined) {
      const cur = BigInt(readUnsigned(this.mem.read(at, size)));
      const mask = ((1n << BigInt(f.bitLength)) - 1n) << BigInt(f.bitPosition ?? 0);
      const next = (cur & ~mask) | ((BigInt(value) << BigInt(f.bitPosition ?? 0)) & mask);
      this.writeInt(at, size, next);
      return;
    }
    this.writeInt(at, size, BigInt(value));
  }

  /** Whether this build's layout has the field (a path through nested structures). */
  has(type: string, path: string): boolean {
    if (!this.types.hasType(type)) return false;
    try {
      this.types.field(type, path);
      return true;
    } catch {
      return false;
    }
  }

  /**
   * The fields this build's layout has, the others skipped: for values one family keeps and another dropped or
   * never had (KTRAP_FRAME.DbgArgPointer went in Windows 8, KPRCB.DpcData came in Server 2003). docs/builds.md.
   */
  fillPresent(type: string, base: number, values: Record<string, FieldValue>): void {
    for (const [path, v] of Object.entries(values)) if (this.has(type, path)) this.set(type, base, path, v);
  }

  /** Several fields at once: `{ 'PrcbData.Number': 3, SelfPcr: 0xf7737000 }`. */
  fill(type: string, base: number, values: Record<string, FieldValue>): void {
    for (const [path, v] of Object.entries(values)) this.set(type, base, path, v);
  }

  /** A LIST_ENTRY field made into an empty list head (Flink = Blink = itself). */
  emptyList(type: string, base: number, path: string): void {
    const a = this.addr(type, base, path);
    this.fill('_LIST_ENTRY', a, { Flink: a, Blink: a });
  }

  private writeInt(at: number, size: number, v: bigint): void {
    const bytes = new Uint8Array(size);
    let x = BigInt.asUintN(size * 8, v);
    for (let i = 0; i < size; i++) { bytes[i] = Number(x & 0xffn); x >>= 8n; }
    this.mem.write(at, bytes);
  }
}

function readUnsigned(b: Uint8Array): bigint {
  let v = 0n;
  for (let i = b.length - 1; i >= 0; i--) v = (v << 8n) | BigInt(b[i]);
  return v;
}

/** Links `entry` (a LIST_ENTRY address) at the tail of the list whose head is `head`. */
export function insertTail(w: StructWriter, head: number, entry: number): void {
  const blink = w.mem.readU32(head + w.offsetof('_LIST_ENTRY', 'Blink'));
  w.fill('_LIST_ENTRY', entry, { Flink: head, Blink: blink });
  w.set('_LIST_ENTRY', blink, 'Flink', entry);
  w.set('_LIST_ENTRY', head, 'Blink', entry);
}
