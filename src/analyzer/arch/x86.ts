/**
 * 32-bit x86 (i386), the only architecture kdsim implements: 4-byte pointers, PAE or non-PAE paging by the dump
 * header's PaeEnabled, the k walker's trap/TSS/FPO/frame-pointer/scan strategies, 32-bit disassembly.
 */
import { hex8 } from '../../common/hex';
import { PAE_PAGING, X86_PAGING, type PagingMode } from '../memory/pagingModes';
import { UNWINDERS } from '../stackwalk/walker';
import type { TargetArch } from './types';

const REGISTERS = ['eax', 'ebx', 'ecx', 'edx', 'esi', 'edi', 'eip', 'esp', 'ebp', 'efl', 'cs', 'ss', 'ds', 'es', 'fs', 'gs'] as const;
const MASK64 = (1n << 64n) - 1n;

/** `00000001`00000000`: the 64-bit form WinDbg uses for values wider than the target's 32 bits. */
const hex64 = (v: bigint): string => {
  const s = (v & MASK64).toString(16).padStart(16, '0');
  return `${s.slice(0, 8)}\`${s.slice(8)}`;
};

export function x86Arch(paging: PagingMode): TargetArch {
  return {
    name: 'x86',
    pointerSize: 4,
    registers: REGISTERS,
    pc: 'eip',
    sp: 'esp',
    fp: 'ebp',
    paging,
    unwinders: UNWINDERS,
    disasmBitness: 32,
    toVirtualAddress: (value) => Number(value & 0xffffffffn),
    formatAddress: (va) => hex8(Number(BigInt(va) & 0xffffffffn)),
    formatValue(value) {
      const v = value & MASK64;
      const low = Number(v & 0xffffffffn);
      // 80000000 and ffffffff`80000000 are the same 32-bit value to WinDbg on x86.
      if (v <= 0xffffffffn || v === BigInt.asUintN(64, BigInt(low | 0))) return { decimal: String(low | 0), hex: hex8(low) };
      return { decimal: BigInt.asIntN(64, v).toString(), hex: hex64(v) };
    },
  };
}

export const X86_PAE: TargetArch = x86Arch(PAE_PAGING);
export const X86_NON_PAE: TargetArch = x86Arch(X86_PAGING);
