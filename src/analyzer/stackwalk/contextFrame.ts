/**
 * Frame 0 comes straight from the register context (`r`, `.tss`, `.trap`, `.cxr`, or `k = ebp esp eip`):
 * the most trusted frame of any walk.
 */
import type { X86Registers } from '../../common/x86Registers';
import type { VirtualMemory } from '../memory/types';
import type { SymbolResolverApi } from '../symbols/types';
import type { Frame } from './frame';

export function contextFrame(regs: X86Registers, symbols: SymbolResolverApi, task?: number): Frame {
  return {
    index: 0, regs: { ...regs }, trust: 'context', childEbp: regs.ebp >>> 0, retAddr: null, args: [null, null, null],
    frameData: symbols.frameDataAt(regs.eip), task,
  };
}

/** The three dwords WinDbg shows as "Args to Child": ChildEBP+8, +0xc, +0x10. */
export function argsAt(vm: VirtualMemory, childEbp: number): [number | null, number | null, number | null] {
  return [vm.readU32((childEbp + 8) >>> 0), vm.readU32((childEbp + 0xc) >>> 0), vm.readU32((childEbp + 0x10) >>> 0)];
}
