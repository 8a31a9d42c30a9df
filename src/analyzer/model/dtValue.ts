import type { IsfTypeDescriptor } from '../../symbols/isf';
import type { TypeTableApi } from '../../symbols/typeTable.api';
import type { VirtualMemory } from '../memory/types';
import { hex8 } from '../../common/hex';
import { readUnicodeString } from '../objects/strings';

/** WinDbg's unsigned integer text in `dt`: 0–9 bare, otherwise 0x + minimal hex. */
export const dtUnsigned = (v: number | bigint): string => {
  const b = BigInt(v);
  if (b < 10n) return b.toString();
  const hi = b >> 32n;
  return hi ? `0x${hi.toString(16)}\`${(b & 0xffffffffn).toString(16).padStart(8, '0')}` : `0x${b.toString(16)}`;
};

const charText = (c: number): string => (c >= 0x20 && c < 0x7f ? String.fromCharCode(c) : '');

/** Reads little-endian unsigned `size` bytes; null when any byte is unreadable. */
function readUnsigned(vm: VirtualMemory, va: number, size: number): bigint | null {
  const bytes = vm.read(va >>> 0, size);
  if (!bytes) return null;
  let v = 0n;
  for (let i = size - 1; i >= 0; i--) v = (v << 8n) | BigInt(bytes[i]);
  return v;
}

const signedOf = (v: bigint, size: number): bigint => {
  const bits = BigInt(size * 8);
  return v >= 1n << (bits - 1n) ? v - (1n << bits) : v;
};

/**
 * The value column of one `dt` member at `va`, laid out as WinDbg 6.x prints it (windbg-output.md §10.1):
 * `0x28`, `0n`-less decimals for signed types, `0 ''` for UChar, `0xf773a2e0 _KTSS`, `(null) `,
 * `[14] 0`, `_LIST_ENTRY [ 0x... - 0x... ]`, `_UNICODE_STRING "text"`, `0y1`, and `??` when unreadable.
 */
export function dtValueText(types: TypeTableApi, vm: VirtualMemory, va: number, d: IsfTypeDescriptor): string {
  switch (d.kind) {
    case 'base': return baseText(types, vm, va, d);
    case 'pointer': {
      const p = vm.readU32(va);
      if (p === null) return '??';
      if (p === 0) return '(null) ';
      const target = d.subtype.kind === 'function' ? 'void' : types.describe(d.subtype);
      const links = d.subtype.kind === 'struct' && d.subtype.name === '_LIST_ENTRY' ? ` ${listLinks(vm, p)}` : '';
      return `0x${hex8(p)} ${target}${links}`;
    }
    case 'array': {
      const sub = d.subtype;
      if (sub.kind === 'base' && (sub.name === 'unsigned char' || sub.name === 'char')) {
        const bytes = vm.read(va, d.count);
        if (!bytes) return `[${d.count}]  ??`;
        const end = bytes.indexOf(0);
        return `[${d.count}]  "${Array.from(bytes.subarray(0, end < 0 ? bytes.length : end), charText).join('')}"`;
      }
      if (sub.kind === 'struct' || sub.kind === 'union' || sub.kind === 'class') return `[${d.count}] ${sub.name}`;
      return `[${d.count}] ${dtValueText(types, vm, va, sub)}`;
    }
    case 'struct': case 'union': case 'class': return structText(types, vm, va, d.name);
    case 'enum': {
      const size = types.sizeOfDescriptor(d) || 4;
      const v = readUnsigned(vm, va, size);
      if (v === null) return '??';
      const n = Number(signedOf(v, size));
      const name = Object.entries(types.enumConstants?.(d.name) ?? {}).find(([, c]) => c === n)?.[0];
      return name ? `${n} ( ${name} )` : `${n}`;
    }
    case 'bitfield': {
      const size = types.sizeOfDescriptor(d.type);
      const v = readUnsigned(vm, va, size);
      if (v === null) return '??';
      const bits = (v >> BigInt(d.bit_position)) & ((1n << BigInt(d.bit_length)) - 1n);
      const bin = `0y${bits.toString(2).padStart(d.bit_length, '0')}`;
      return d.bit_length > 8 ? `${bin} (${dtUnsigned(bits)})` : bin;
    }
    case 'function': return '';
  }
}

function baseText(types: TypeTableApi, vm: VirtualMemory, va: number, d: { kind: 'base'; name: string }): string {
  const size = types.sizeOfDescriptor(d);
  if (size === 0) return '';
  const v = readUnsigned(vm, va, size);
  if (v === null) return '??';
  const signed = !d.name.startsWith('unsigned') && d.name !== 'wchar';
  if (size === 1) {
    const c = Number(v);
    // UChar is always hex once non-zero (`0x4 ''`), unlike wider unsigned types; Char prints decimal.
    return signed ? `${Number(signedOf(v, 1))} '${charText(c)}'` : `${c ? `0x${c.toString(16)}` : '0'} '${charText(c)}'`;
  }
  return signed ? signedOf(v, size).toString() : dtUnsigned(v);
}

function listLinks(vm: VirtualMemory, va: number): string {
  const f = vm.readU32(va);
  const b = vm.readU32((va + 4) >>> 0);
  const t = (x: number | null) => (x === null ? '0x????????' : `0x${hex8(x)}`);
  return `[ ${t(f)} - ${t(b)} ]`;
}

function structText(types: TypeTableApi, vm: VirtualMemory, va: number, name: string): string {
  if (name === '_LIST_ENTRY') return `${name} ${listLinks(vm, va)}`;
  if (name === '_UNICODE_STRING') {
    const s = readUnicodeString(vm, types, va);
    return s === null ? `${name} ??` : `${name} "${s}"`;
  }
  if (name === '_LARGE_INTEGER' || name === '_ULARGE_INTEGER') {
    const v = readUnsigned(vm, va, 8);
    if (v === null) return `${name} ??`;
    const hi = v >> 32n;
    const lo = (v & 0xffffffffn).toString(16);
    return hi ? `${name} 0x${hi.toString(16)}\`${lo.padStart(8, '0')}` : `${name} 0x${lo}`;
  }
  return name;
}
