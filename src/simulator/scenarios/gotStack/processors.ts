/**
 * The four processors of the got-stack machine: CPU 3 took the double fault (its block is the blog's), CPUs 0–2
 * were idle in hal!HalProcessorIdle and were frozen by the bugcheck IPI (their state saved in their PRCBs).
 */
import type { X86Registers } from '../../../common/x86Registers';
import type { IdtEntry } from '../../kernel/descriptors';
import { writeContext, writeProcessor, type ProcessorPlan, type ProcessorState } from '../../kernel/processorBlock';
import type { StructWriter } from '../../kernel/structWriter';
import { KEBUGCHECKEX_LOCALS } from '../../nt/kernelFunctions';
import { AP_BLOCK_BASE, apBlock, CPU_VALUES, CRASH_CPU, IDLE_STACK_BASE, PROCESSORS, TEB, THREAD, type CpuBlock } from './plan';

const CR0 = 0x8001003b;
const CR4 = 0x000006f9;
const KERNEL_SEGS = { cs: 8, ss: 0x10, ds: 0x23, es: 0x23, fs: 0x30, gs: 0 };

export interface ProcessorInputs {
  w: StructWriter;
  sym: (name: string) => number;
  systemDtb: number;
  crash: { tss28: X86Registers; cr2: number; exceptionList: number; initialStack: number };
}

export interface ProcessorsResult {
  blocks: CpuBlock[];
  prcbs: number[];
  bugcheckContext: X86Registers & { contextFlags: number };
  tss50: X86Registers;
}

export function cpuBlocks(w: StructWriter, sym: (name: string) => number): CpuBlock[] {
  const blocks: CpuBlock[] = [{
    number: 0, kpcr: 0xffdff000, tss: 0x80042000, idleThread: sym('KiInitialThread'), dfTss: sym('KiDoubleFaultTSS'),
    nmiTss: sym('KiNMITSS'), dfStackTop: sym('KiDoubleFaultStack') + 0x3000, gdt: 0x8003f000, idt: 0x8003f400,
  }];
  for (let n = 1; n < PROCESSORS; n++) blocks.push(apBlock(w, n, AP_BLOCK_BASE(n)));
  return blocks;
}

function idtEntries(sym: (name: string) => number): IdtEntry[] {
  const entries: IdtEntry[] = [];
  for (let v = 0; v < 256; v++) {
    const trap = `_KiTrap${v.toString(16).toUpperCase().padStart(2, '0')}`;
    if (v === 2) entries.push({ taskGate: 0x58 });
    else if (v === 8) entries.push({ taskGate: 0x50 });
    else if (v <= 0x13) entries.push({ handler: sym(trap), dpl: v === 3 || v === 4 ? 3 : 0 });
    else if (v === 0x2e) entries.push({ handler: sym('_KiSystemService'), dpl: 3 });
    else entries.push({ handler: sym('KiUnexpectedInterrupt') });
  }
  return entries;
}

export function writeProcessors(p: ProcessorInputs, blocks: CpuBlock[]): ProcessorsResult {
  const { w, sym } = p;
  const constants = { systemDtb: p.systemDtb, kiTrap08: sym('_KiTrap08'), kiTrap02: sym('_KiTrap02'), idt: idtEntries(sym), numberOfProcessors: PROCESSORS };
  const prcbs: number[] = [];
  let bugcheckContext: (X86Registers & { contextFlags: number }) | undefined;
  let tss50: X86Registers | undefined;
  for (const b of blocks) {
    const plan: ProcessorPlan = { ...b, kdVersionBlock: b.number === 0 ? sym('KdVersionBlock') : 0 };
    const values = CPU_VALUES[b.number];
    const idleInitial = IDLE_STACK_BASE(b.number) - 0x210;
    const prcb = b.kpcr + w.offsetof('_KPCR', 'PrcbData');
    prcbs.push(prcb);
    let state: ProcessorState;
    if (b.number === CRASH_CPU) {
      state = {
        currentThread: THREAD, teb: TEB, exceptionList: p.crash.exceptionList, irql: 0x1f, contextSwitches: values.contextSwitches,
        halReserved: values.halReserved, special: { cr0: CR0, cr2: p.crash.cr2, cr3: p.systemDtb, cr4: CR4, tr: 0x50 },
        tssRegs: p.crash.tss28, tssCr3: 0, esp0: p.crash.initialStack - 0x10, dfBacklink: 0x28, tssBusy: true,
      };
      const df = writeDoubleFaultStack(w, b, sym);
      bugcheckContext = df;
      tss50 = { eax: 0, ebx: 0, ecx: 0, edx: 0, esi: 0, edi: 0, eip: sym('_KiTrap08'), esp: b.dfStackTop, ebp: 0, efl: 0, ...KERNEL_SEGS };
    } else {
      const idleEsp = idleInitial - 0x10;
      w.mem.u32(idleEsp - 4, sym('KiIdleLoop:r0'));
      state = {
        currentThread: b.idleThread, teb: 0, exceptionList: 0xffffffff, irql: 0x1d, contextSwitches: values.contextSwitches,
        halReserved: values.halReserved, special: { cr0: CR0, cr2: 0x7ffdf0b8 + b.number * 0x1000, cr3: p.systemDtb, cr4: CR4, tr: 0x28 },
        context: {
          contextFlags: 0x10017, eip: sym('hal!HalProcessorIdle:halted'), esp: idleEsp - 4, ebp: 0, eax: 0, ebx: b.kpcr,
          ecx: prcb + w.offsetof('_KPRCB', 'DpcData'), edx: 0, esi: 0, edi: 0, efl: 0x246, ...KERNEL_SEGS,
        },
        tssCr3: p.systemDtb, esp0: idleInitial - 0x10, dfBacklink: 0, tssBusy: true,
      };
    }
    writeProcessor(w, plan, state, constants);
  }
  return { blocks, prcbs, bugcheckContext: bugcheckContext!, tss50: tss50! };
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
