/**
 * The last two lines of the register display (`r`, `.tss`, `.trap`, `.cxr`): the symbol line, printed only
 * when eip is inside a module, then the instruction at eip with the effective-address note:
 *   nt!_KiTrap0E+0x5c:
 *   8088c718 89550c          mov     dword ptr [ebp+0Ch],edx ss:0010:b8ae5ff0=????????
 */
import type { X86Registers } from '../../common/x86Registers';
import type { VirtualMemory } from '../memory/types';
import type { SymbolResolverApi } from '../symbols/types';
import { effectiveAddressNote, type SegmentBase } from './effectiveAddress';
import { decodeAt } from './instruction';
import { instructionLine } from './line';

export function currentInstructionLines(
  vm: VirtualMemory, symbols: SymbolResolverApi, regs: X86Registers, segmentBase?: SegmentBase,
): string[] {
  const ins = decodeAt(vm, symbols, regs.eip);
  const note = ins.memory ? effectiveAddressNote(ins.memory, regs, vm, segmentBase) : undefined;
  const sym = symbols.format(regs.eip);
  return [...(sym === undefined ? [] : [`${sym}:`]), instructionLine(ins, note)];
}
