/**
 * Reads a display range row by row (bytes-or-gap: an unreadable unit is null, never 0). One row at a time, so
 * `dps b8ae6000 b8ae9000` reads 3073 small pieces rather than one large buffer.
 */
import type { MemoryRow } from '../../render/memory';
import type { DisplayRange } from './rangeArgs';

export interface ByteReader {
  /** Bytes of [addr, addr+len) with a per-byte readable mask. */
  read(addr: number, len: number): { bytes: Uint8Array; readable: Uint8Array };
}

export function unitValue(bytes: Uint8Array, readable: Uint8Array, at: number, size: number): number | bigint | null {
  for (let i = 0; i < size; i++) if (!readable[at + i]) return null;
  let v = 0n;
  for (let i = size - 1; i >= 0; i--) v = (v << 8n) | BigInt(bytes[at + i]);
  return size === 8 ? v : Number(v);
}

/** `space`: virtual addresses stop at 0xffffffff (the x86 target's top); physical ones go on (PAE: 40 bits). */
export function readRows(reader: ByteReader, r: DisplayRange, unitSize: number, perRow: number, withBytes: boolean, space: 'virtual' | 'physical' = 'virtual'): MemoryRow[] {
  const rows: MemoryRow[] = [];
  for (let done = 0; done < r.count; done += perRow) {
    const n = Math.min(perRow, r.count - done);
    const delta = done * unitSize;
    const address = space === 'physical' ? r.start + delta : (r.start + delta) >>> 0;
    // A virtual range past 0xffffffff is a gap, not a wrap (memory/types.ts).
    const len = space === 'physical' ? n * unitSize : Math.min(n * unitSize, 0x100000000 - address);
    const got = len > 0 ? reader.read(address, len) : { bytes: new Uint8Array(0), readable: new Uint8Array(0) };
    const bytes = new Uint8Array(n * unitSize);
    const readable = new Uint8Array(n * unitSize);
    bytes.set(got.bytes.subarray(0, len));
    readable.set(got.readable.subarray(0, len));
    const row: MemoryRow = { address, values: [] };
    if (r.segment) row.segment = { selector: r.segment.selector, offset: (r.segment.offset + delta) >>> 0 };
    for (let i = 0; i < n; i++) row.values.push(unitValue(bytes, readable, i * unitSize, unitSize));
    if (withBytes) row.bytes = [...bytes].map((b, i) => (readable[i] ? b : null));
    rows.push(row);
  }
  return rows;
}
