/**
 * The register display's note after a memory operand: `ss:0010:b8ae5ff0=????????`. The segment is the one
 * the CPU uses (ss for esp/ebp bases), the selector comes from the context, the address is the operand's
 * offset, and the value is read with the operand's size, `?` per digit when unreadable (a guard page).
 * fs/gs operands need the segment's base (the KPCR for fs=30); without one the value is unreadable.
 */
import type { X86Registers } from '../../common/x86Registers';
import type { VirtualMemory } from '../memory/types';
import { hex4, hex8, hexPad } from '../../common/hex';
import type { MemoryOperand } from './instruction';

const REG32 = ['eax', 'ebx', 'ecx', 'edx', 'esi', 'edi', 'esp', 'ebp'] as const;
type Reg32 = (typeof REG32)[number];
const SEGS = ['cs', 'ss', 'ds', 'es', 'fs', 'gs'] as const;
type Seg = (typeof SEGS)[number];

/** Flat segments (base 0) except fs/gs, whose base the caller may know from the GDT. */
export type SegmentBase = (segment: 'fs' | 'gs', selector: number) => number | undefined;

export function effectiveAddress(m: MemoryOperand, regs: X86Registers): number | undefined {
  const val = (r: string | undefined): number | undefined =>
    r === undefined ? 0 : (REG32 as readonly string[]).includes(r) ? regs[r as Reg32] : undefined;
  const base = val(m.base);
  const index = val(m.index);
  if (base === undefined || index === undefined) return undefined; // 16-bit or SIMD registers: no note
  return (base + index * m.scale + m.displacement) >>> 0;
}

export function effectiveAddressNote(
  m: MemoryOperand, regs: X86Registers, vm: VirtualMemory, segmentBase?: SegmentBase,
): string | undefined {
  if (!(SEGS as readonly string[]).includes(m.segment) || m.size === 0) return undefined;
  const ea = effectiveAddress(m, regs);
  if (ea === undefined) return undefined;
  const seg = m.segment as Seg;
  const selector = regs[seg];
  const linearBase = seg === 'fs' || seg === 'gs' ? segmentBase?.(seg, selector) : 0;
  const digits = Math.min(m.size, 8) * 2;
  const bytes = linearBase === undefined ? null : vm.read((linearBase + ea) >>> 0, Math.min(m.size, 8));
  let value = '?'.repeat(digits);
  if (bytes) {
    let v = 0n;
    for (let i = bytes.length - 1; i >= 0; i--) v = (v << 8n) | BigInt(bytes[i]);
    value = hexPad(v, digits);
  }
  return `${seg}:${hex4(selector)}:${hex8(ea)}=${value}`;
}
