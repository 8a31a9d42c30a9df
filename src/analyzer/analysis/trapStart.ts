/**
 * Where the reconstruction starts on an overflowed task. The task's own context (TSS 0x28 on the blog's
 * dump) is inside a trap handler whose EBP points at its KTRAP_FRAME (frame data kind 'trap'). The
 * handler's frame is partly in the guard page, so WinDbg's walk reads it as edited and stops; but the
 * interrupted code's EBP and EIP (+0x60, +0x68) lie above the limit and are readable, and for a kernel-mode
 * trap its ESP is the address of the frame's HardwareEsp slot (no ring change, nothing pushed there).
 * On the blog's dump: EBP b8ae60ec, EIP 808813d8, ESP b8ae6058 — the `kf = …` of walkthrough.md step 31.
 * Offsets come from the kernel's _KTRAP_FRAME type (ISF), never from constants.
 */
import type { X86Registers } from '../../common/x86Registers';
import type { VirtualMemory } from '../memory/types';
import type { SymbolResolverApi } from '../symbols/types';
import type { TypeTableApi } from '../../symbols/typeTable.api';
import type { ChainStart, StackBounds } from '../stackwalk/reconstructor';
import type { LeadingFrame } from '../stackwalk/stackUse';
import { u32 } from '../../common/hex';

export interface ReconstructionOrigin {
  start: ChainStart;
  /** The trap handler's own frame, reported in front of the chain (its in-stack part is the residue). */
  leading?: LeadingFrame;
  /** Address of the KTRAP_FRAME the start came from. */
  trapFrame?: number;
}

export function reconstructionOrigin(
  regs: X86Registers, vm: VirtualMemory, symbols: SymbolResolverApi, types: TypeTableApi | null, stack: StackBounds,
): ReconstructionOrigin {
  const fromTrap = types && symbols.frameDataAt(regs.eip)?.kind === 'trap' ? trapStart(regs, vm, types, stack) : undefined;
  if (fromTrap) return fromTrap;
  // No trap frame to go through: scan from the context's ESP, clipped to the valid stack.
  const esp = Math.max(u32(regs.esp), u32(stack.limit));
  return { start: { eip: u32(regs.eip), esp, ebp: u32(regs.ebp), trust: 'context', regs } };
}

function trapStart(regs: X86Registers, vm: VirtualMemory, t: TypeTableApi, stack: StackBounds): ReconstructionOrigin | undefined {
  const tf = u32(regs.ebp);
  const at = (field: string) => vm.readU32(u32(tf + t.offsetof('_KTRAP_FRAME', field)));
  const ebp = at('Ebp');
  const eip = at('Eip');
  const cs = at('SegCs');
  if (ebp === null || eip === null || cs === null) return undefined;
  const kernelMode = (cs & 1) === 0;
  const esp = kernelMode ? u32(tf + t.offsetof('_KTRAP_FRAME', 'HardwareEsp')) : at('HardwareEsp');
  if (esp === null || esp < u32(stack.limit) || esp >= u32(stack.initialStack)) return undefined;
  return {
    start: { eip, esp, ebp, trust: 'trap', regs: { ...regs, eip, esp, ebp } },
    leading: { childEbp: tf, retAddr: eip, pc: u32(regs.eip), esp: u32(regs.esp), trust: 'context', kind: 'trap' },
    trapFrame: tf,
  };
}

/** Reads KTRAP_FRAME.Eip through the kernel's types (for the reconstruction's outermost trap-handler frame). */
export function trapFrameEipReader(vm: VirtualMemory, types: TypeTableApi | null): ((address: number) => number | null) | undefined {
  if (!types) return undefined;
  let off: number;
  try {
    off = types.offsetof('_KTRAP_FRAME', 'Eip');
  } catch {
    return undefined; // symbols without the trap frame type: the outermost frame keeps an unknown return
  }
  return (address) => vm.readU32(u32(address + off));
}
