/**
 * The box's processors: the crash processor's state comes from the scenario's death (doubleFault.ts); the others
 * were idle in hal!HalProcessorIdle and were frozen by the bugcheck IPI (their state saved in their PRCBs).
 */
import type { X86Registers } from '../../common/x86Registers';
import type { IdtEntry } from '../kernel/descriptors';
import { writeProcessor, type ProcessorPlan, type ProcessorState } from '../kernel/processorBlock';
import type { StructWriter } from '../kernel/structWriter';
import type { BuildMechanics } from './buildMechanics';
import { apBlock, apBlockBase, CPU_VALUES, IDLE_STACK_BASE, PROCESSORS, type CpuBlock } from './box';
import type { Bugcheck, Death } from './death';
import { doubleFaultCpu, KERNEL_SEGS, CR0, CR4 } from './doubleFault';

export interface ProcessorInputs {
  w: StructWriter;
  sym: (name: string) => number;
  systemDtb: number;
  crashCpu: number;
  /** The crashing thread (the crash CPU's CurrentThread) and its TEB. */
  thread: number;
  teb: number;
  death: Death;
}

export interface ProcessorsResult {
  blocks: CpuBlock[];
  prcbs: number[];
  bugcheck: Bugcheck;
  /** The header's CONTEXT: the crash processor inside KeBugCheckEx. */
  bugcheckContext: X86Registers & { contextFlags: number };
  /** The double-fault task's registers (TSS 0x50) as it started. */
  tss50: X86Registers;
}

/** The boot processor's blocks (its KPCR where the build's family keeps it: buildMechanics.ts) and the APs'. */
export function cpuBlocks(w: StructWriter, sym: (name: string) => number, mech: BuildMechanics): CpuBlock[] {
  const blocks: CpuBlock[] = [{
    number: 0, kpcr: mech.bootKpcr === 'ffdff000' ? 0xffdff000 : sym('KiInitialPCR'), tss: 0x80042000, idleThread: sym('KiInitialThread'), dfTss: sym('KiDoubleFaultTSS'),
    nmiTss: sym('KiNMITSS'), dfStackTop: sym('KiDoubleFaultStack') + 0x3000, gdt: 0x8003f000, idt: 0x8003f400,
  }];
  for (let n = 1; n < PROCESSORS; n++) blocks.push(apBlock(w, n, apBlockBase(w, n)));
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
  let crash: ReturnType<typeof doubleFaultCpu> | undefined;
  for (const b of blocks) {
    const plan: ProcessorPlan = { ...b, kdVersionBlock: b.number === 0 ? sym('KdVersionBlock') : 0 };
    const values = CPU_VALUES[b.number];
    const idleInitial = IDLE_STACK_BASE(b.number) - 0x210;
    const prcb = b.kpcr + w.offsetof('_KPCR', 'PrcbData');
    prcbs.push(prcb);
    let state: ProcessorState;
    if (b.number === p.crashCpu) {
      crash = doubleFaultCpu(w, b, sym, { systemDtb: p.systemDtb, thread: p.thread, teb: p.teb, death: p.death, values });
      state = crash.state;
    } else {
      const idleEsp = idleInitial - 0x10;
      w.mem.u32(idleEsp - 4, sym('KiIdleLoop:r0'));
      state = {
        currentThread: b.idleThread, teb: 0, exceptionList: 0xffffffff, irql: 0x1d, contextSwitches: values.contextSwitches,
        halReserved: values.halReserved, special: { cr0: CR0, cr2: 0x7ffdf0b8 + b.number * 0x1000, cr3: p.systemDtb, cr4: CR4, tr: 0x28 },
        context: {
          contextFlags: 0x10017, eip: sym('hal!HalProcessorIdle:halted'), esp: idleEsp - 4, ebp: 0, eax: 0, ebx: b.kpcr,
          ecx: prcb + w.offsetof('_KPRCB', w.has('_KPRCB', 'DpcData') ? 'DpcData' : 'DpcListHead'), edx: 0, esi: 0, edi: 0, efl: 0x246, ...KERNEL_SEGS,
        },
        tssCr3: p.systemDtb, esp0: idleInitial - 0x10, dfBacklink: 0, tssBusy: true,
      };
    }
    writeProcessor(w, plan, state, constants);
  }
  if (!crash) throw new Error(`crash processor ${p.crashCpu} is not one of the box's ${PROCESSORS}`);
  return { blocks, prcbs, bugcheck: crash.bugcheck, bugcheckContext: crash.bugcheckContext, tss50: crash.tss50 };
}
