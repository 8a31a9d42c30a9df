/**
 * WinDbg's memory-display lines (windbg-output.md §8): address column, two spaces, the units, then the ASCII
 * column (db, dc) or the symbol (dds, dps). Unreadable units print `??` per byte (`????????` for a dword).
 */
import { hex8, hexPad } from '../../common/hex';

export type DisplayKind = 'db' | 'dw' | 'dd' | 'dq' | 'dc' | 'dds' | 'dyb';

export interface MemoryRow {
  /** Linear (or physical, for `!d*`) address of the row's first unit. */
  address: number;
  /** `sel:offset` form when the address was typed that way (`0030:00000040`). */
  segment?: { selector: number; offset: number };
  /** Unit values; null = unreadable. dq values are bigints. */
  values: (number | bigint | null)[];
  /** Bytes of the row for the ASCII column (db, dc); null = unreadable. */
  bytes?: (number | null)[];
  /** Symbol of the value (dds/dps), when it falls inside a module. */
  symbol?: string;
}

export interface MemoryModel {
  kind: DisplayKind;
  physical: boolean;
  unitSize: number;
  rows: MemoryRow[];
}

export interface StringModel {
  kind: 'da' | 'du';
  rows: { address: number; segment?: { selector: number; offset: number }; text: string | null }[];
}

export function addressLabel(row: { address: number; segment?: { selector: number; offset: number } }, physical = false): string {
  if (physical) return `#${row.address.toString(16).padStart(8, ' ')}`;
  if (row.segment) return `${hexPad(row.segment.selector, 4)}:${hex8(row.segment.offset)}`;
  return hex8(row.address);
}

const ascii = (bytes: (number | null)[]): string =>
  bytes.map((b) => (b === null ? '?' : b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.')).join('');

function unit(v: number | bigint | null, size: number): string {
  if (size === 8) return v === null ? '????????`????????' : `${hexPad(BigInt(v) >> 32n, 8)}\`${hexPad(BigInt(v) & 0xffffffffn, 8)}`;
  return v === null ? '?'.repeat(size * 2) : hexPad(v, size * 2);
}

function dataColumn(m: MemoryModel, r: MemoryRow): string {
  switch (m.kind) {
    case 'db': {
      const cells = r.values.map((v) => unit(v, 1));
      const text = cells.map((c, i) => (i === 0 ? c : (i === 8 ? '-' : ' ') + c)).join('');
      return `${text.padEnd(16 * 3 - 1)}  ${ascii(r.bytes ?? [])}`;
    }
    case 'dc':
      return `${r.values.map((v) => unit(v, 4)).join(' ').padEnd(4 * 9 - 1)}  ${ascii(r.bytes ?? [])}`;
    case 'dyb':
      return `${r.values.map((v) => (v === null ? '????????' : Number(v).toString(2).padStart(8, '0'))).join(' ').padEnd(4 * 9 - 1)}  ${r.values.map((v) => unit(v, 1)).join(' ')}`;
    case 'dds':
      return `${unit(r.values[0], 4)}${r.symbol ? ` ${r.symbol}` : ''}`;
    default:
      return r.values.map((v) => unit(v, m.unitSize)).join(' ');
  }
}

export function renderMemory(m: MemoryModel): string[] {
  return m.rows.map((r) => `${addressLabel(r, m.physical)}  ${dataColumn(m, r)}`);
}

export function renderStrings(m: StringModel): string[] {
  return m.rows.map((r) => `${addressLabel(r)}  ${r.text === null ? '????????' : `"${r.text}"`}`);
}
