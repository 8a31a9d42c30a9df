/**
 * The double-fault death on the crash processor: TR is the double-fault task 0x50 whose Backlink is the thread's
 * busy task 0x28 (holding the registers at the fault), CR2 the guard-page address, and the double-fault stack
 * holds `_KiTrap08` → KeBugCheckEx(0x7F, 8, TSS, 0, 0) → RtlCaptureContext, whose CONTEXT the header carries.
 */
import type { X86Registers } from '../../common/x86Registers';
import { writeContext, type ProcessorState } from '../kernel/processorBlock';
import type { StructWriter } from '../kernel/structWriter';
import { KEBUGCHECKEX_LOCALS } from '../nt/kernelFunctions';
import type { CpuBlock } from './box';
import type { Bugcheck, DoubleFaultDeath } from './death';

export const CR0 = 0x8001003b;
export const CR4 = 0x000006f9;
export const KERNEL_SEGS = { cs: 8, ss: 0x10, ds: 0x23, es: 0x23, fs: 0x30, gs: 0 };

export interface CrashCpu {
  state: ProcessorState;
  bugcheck: Bugcheck;
  bugcheckContext: X86Registers & { contextFlags: number };
  tss50: X86Registers;
}

export function doubleFaultCpu(
  w: StructWriter, b: CpuBlock, sym: (name: string) => number,
  p: { systemDtb: number; thread: number; teb: number; death: DoubleFaultDeath; values: { contextSwitches: number; halReserved: number[] } },
): CrashCpu {
  const d = p.death;
  const state: ProcessorState = {
    currentThread: p.thread, teb: p.teb, exceptionList: d.exceptionList, irql: 0x1f, contextSwitches: p.values.contextSwitches,
    halReserved: p.values.halReserved, special: { cr0: CR0, cr2: d.cr2, cr3: p.systemDtb, cr4: CR4, tr: 0x50 },
    tssRegs: d.tss28, tssCr3: 0, esp0: d.initialStack - 0x10, dfBacklink: 0x28, tssBusy: true,
  };
  const bugcheckContext = writeDoubleFaultStack(w, b, sym);
  const tss50 = { eax: 0, ebx: 0, ecx: 0, edx: 0, esi: 0, edi: 0, eip: sym('_KiTrap08'), esp: b.dfStackTop, ebp: 0, efl: 0, ...KERNEL_SEGS };
  return { state, bugcheck: { code: 0x7f, args: [8, b.tss, 0, 0] }, bugcheckContext, tss50 };
}

/**
 * The double-fault stack after `_KiTrap08` called KeBugCheckEx(0x7F, 8, old TSS, 0, 0) and KeBugCheckEx called
 * RtlCaptureContext on its CONTEXT local: the header's CONTEXT is that record.
 */
function writeDoubleFaultStack(w: StructWriter, b: CpuBlock, sym: (name: string) => number): X86Registers & { contextFlags: number } {
  const top = b.dfStackTop;
  const m = w.mem;
  m.u32(top - 4, 0);                                   // #DF error code
  [0, 0, b.tss, 8, 0x7f].forEach((v, i) => m.u32(top - 8 - 4 * i, v));
  const kbceEntry = top - 0x1c;
  m.u32(kbceEntry, sym('_KiTrap08:r0'));
  const ebp = kbceEntry - 4;
  m.u32(ebp, 0);                                       // KiTrap08's EBP: the task started with EBP 0
  const ctx = ebp - KEBUGCHECKEX_LOCALS;
  m.u32(ctx - 4, ctx);                                 // RtlCaptureContext's argument
  m.u32(ctx - 8, sym('KeBugCheckEx:captured'));        // its return address
  m.u32(ctx - 12, 0);                                  // its saved EBX
  const context = {
    contextFlags: 0x10007, eip: sym('KeBugCheckEx:captured'), esp: ctx, ebp, eax: ctx, ebx: 0, ecx: b.gdt, edx: b.dfTss,
    esi: 0, edi: 0, efl: 0x96, ...KERNEL_SEGS,
  };
  writeContext(w, ctx, context);
  return context;
}
