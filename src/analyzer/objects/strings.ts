import type { TypeTableApi } from '../../symbols/typeTable.api';
import type { VirtualMemory } from '../memory/types';
import { TypedView } from './typedView';

/** Longest UNICODE_STRING read (bytes): a damaged Length must not make a huge read. */
export const MAX_UNICODE_BYTES = 0x1000;

/** Text of a _UNICODE_STRING at `va` (Length is in bytes); null when the header or buffer is unreadable. */
export function readUnicodeString(vm: VirtualMemory, types: TypeTableApi, va: number): string | null {
  const us = new TypedView(vm, types, '_UNICODE_STRING', va);
  const length = us.num('Length');
  const buffer = us.num('Buffer');
  if (length === null || buffer === null) return null;
  if (length === 0) return '';
  const bytes = vm.read(buffer, Math.min(length & ~1, MAX_UNICODE_BYTES));
  return bytes ? Buffer.from(bytes).toString('utf16le') : null;
}

/** A NUL-terminated ANSI string at `va`, at most `max` bytes (NtBuildLab); null when the first byte is unreadable. */
export function readAnsiString(vm: VirtualMemory, va: number, max = 256): string | null {
  const s = vm.readSparse(va, max);
  let end = 0;
  while (end < max && s.readable[end] && s.bytes[end] !== 0) end++;
  return end === 0 && !s.readable[0] ? null : Buffer.from(s.bytes.subarray(0, end)).toString('latin1');
}
