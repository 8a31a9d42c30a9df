/**
 * One processor's control structures: KPCR + KPRCB, the normal TSS (0x28), the double-fault and NMI TSSs,
 * the GDT and IDT. On an application processor they are one allocation in KeStartAllProcessors' order
 * (walkthrough.md "per-processor block"); on the boot processor they are the loader's and nt's.
 */
import type { X86Registers } from '../../common/x86Registers';
import type { StructWriter } from './structWriter';
import { GDT_LIMIT, IDT_LIMIT, writeGdt, writeIdt, type IdtEntry } from './descriptors';

export interface ProcessorPlan {
  number: number;
  kpcr: number;
  tss: number;
  idleThread: number;
  dfTss: number;
  nmiTss: number;
  dfStackTop: number;
  gdt: number;
  idt: number;
  kdVersionBlock: number;
}

/** What the processor was doing when the machine stopped. */
export interface ProcessorState {
  currentThread: number;
  teb: number;
  exceptionList: number;
  irql: number;
  contextSwitches: number;
  halReserved: number[];
  /** CONTEXT saved in KPRCB.ProcessorState (frozen processors); undefined leaves it zero (the bugcheck CPU, puzzle 9). */
  context?: X86Registers & { contextFlags: number };
  special: { cr0: number; cr2: number; cr3: number; cr4: number; tr: number };
  /** The normal TSS's register image (the bugcheck CPU: the task that double-faulted) and its CR3. */
  tssRegs?: X86Registers;
  tssCr3: number;
  esp0: number;
  /** TSS 0x50's Backlink (0x28 on the processor that took the double fault). */
  dfBacklink: number;
  tssBusy: boolean;
}

export interface ProcessorConstants {
  systemDtb: number;
  kiTrap08: number;
  kiTrap02: number;
  idt: IdtEntry[];
  numberOfProcessors: number;
}

const CPU = { mhz: 3670, cpuType: 0x0f, cpuId: 1, cpuStep: 0x0401, l2Size: 0x100000, l2Assoc: 8 };

export function writeProcessor(w: StructWriter, p: ProcessorPlan, s: ProcessorState, k: ProcessorConstants): void {
  const pcr = '_KPCR';
  w.zero(pcr, p.kpcr);
  const prcb = w.addr(pcr, p.kpcr, 'PrcbData');
  w.fillPresent(pcr, p.kpcr, {
    'NtTib.ExceptionList': s.exceptionList,
    TssCopy: p.tss,
    ContextSwitches: s.contextSwitches,
    SetMemberCopy: 1 << p.number,
    Used_Self: s.teb,
    SelfPcr: p.kpcr,
    Prcb: prcb,
    Irql: s.irql,
    IRR: 0,
    IrrActive: 0,
    IDR: 0xffffffff,
    KdVersionBlock: p.kdVersionBlock,
    IDT: p.idt,
    GDT: p.gdt,
    TSS: s.dfBacklink ? p.dfTss : p.tss,
    MajorVersion: 1,
    MinorVersion: 1,
    SetMember: 1 << p.number,
    StallScaleFactor: CPU.mhz,
    Number: p.number,
    SecondLevelCacheAssociativity: CPU.l2Assoc,
    SecondLevelCacheSize: CPU.l2Size,
  });
  const halReserved = w.addr(pcr, p.kpcr, 'HalReserved');
  s.halReserved.forEach((v, i) => w.mem.u32(halReserved + 4 * i, v));

  // SetMember until Vista; processor groups (Windows 7 on) keep GroupSetMember and GroupIndex instead.
  w.fillPresent('_KPRCB', prcb, {
    MinorVersion: 1, MajorVersion: 1, CurrentThread: s.currentThread, NextThread: 0, IdleThread: p.idleThread,
    Number: p.number, BuildType: 0, SetMember: 1 << p.number, GroupSetMember: 1 << p.number, GroupIndex: p.number, CpuType: CPU.cpuType, CpuID: CPU.cpuId, CpuStep: CPU.cpuStep,
    MHz: CPU.mhz, VendorString: 'GenuineIntel',
  });
  // The empty DPC queues: KPRCB.DpcData[2] (normal, threaded) from Server 2003 on, a doubly linked DpcListHead
  // each until Windows 8.1, then a singly linked KDPC_LIST (LastEntry → its own ListHead when empty); XP has one
  // DpcListHead in the KPRCB.
  if (!w.has('_KPRCB', 'DpcData')) {
    w.emptyList('_KPRCB', prcb, 'DpcListHead');
  } else {
    for (let i = 0; i < 2; i++) {
      const dpc = prcb + w.offsetof('_KPRCB', 'DpcData') + i * w.sizeof('_KDPC_DATA');
      if (w.has('_KDPC_DATA', 'DpcListHead')) w.emptyList('_KDPC_DATA', dpc, 'DpcListHead');
      else w.set('_KDPC_DATA', dpc, 'DpcList.LastEntry', w.addr('_KDPC_DATA', dpc, 'DpcList.ListHead'));
    }
  }
  const state = w.addr('_KPRCB', prcb, 'ProcessorState');
  if (s.context) writeContext(w, w.addr('_KPROCESSOR_STATE', state, 'ContextFrame'), s.context);
  w.fill('_KPROCESSOR_STATE', state, {
    'SpecialRegisters.Cr0': s.special.cr0, 'SpecialRegisters.Cr2': s.special.cr2,
    'SpecialRegisters.Cr3': s.special.cr3, 'SpecialRegisters.Cr4': s.special.cr4,
    'SpecialRegisters.Gdtr.Limit': GDT_LIMIT, 'SpecialRegisters.Gdtr.Base': p.gdt,
    'SpecialRegisters.Idtr.Limit': IDT_LIMIT, 'SpecialRegisters.Idtr.Base': p.idt,
    'SpecialRegisters.Tr': s.special.tr, 'SpecialRegisters.Ldtr': 0,
  });

  writeTss(w, p.tss, { esp0: s.esp0, cr3: s.tssCr3, regs: s.tssRegs, backlink: 0, full: true });
  const dfStart = { eip: k.kiTrap08, esp: p.dfStackTop, ebp: 0, eax: 0, ebx: 0, ecx: 0, edx: 0, esi: 0, edi: 0, efl: 0, cs: 8, ss: 0x10, ds: 0x23, es: 0x23, fs: 0x30, gs: 0 };
  writeTss(w, p.dfTss, { esp0: p.dfStackTop, cr3: k.systemDtb, regs: dfStart, backlink: s.dfBacklink, full: false });
  writeTss(w, p.nmiTss, { esp0: p.dfStackTop, cr3: k.systemDtb, regs: { ...dfStart, eip: k.kiTrap02 }, backlink: 0, full: false });
  writeGdt(w, { gdt: p.gdt, tss: p.tss, kpcr: p.kpcr, teb: s.teb, dfTss: p.dfTss, nmiTss: p.nmiTss, tssBusy: s.tssBusy });
  writeIdt(w, p.idt, k.idt);
}

function writeTss(w: StructWriter, at: number, t: { esp0: number; cr3: number; regs?: X86Registers; backlink: number; full: boolean }): void {
  const hardwarePart = w.offsetof('_KTSS', 'IoMaps');
  w.mem.write(at, new Uint8Array(t.full ? w.sizeof('_KTSS') : hardwarePart));
  w.fill('_KTSS', at, { Backlink: t.backlink, Esp0: t.esp0, Ss0: 0x10, CR3: t.cr3, IoMapBase: w.sizeof('_KTSS') });
  const r = t.regs;
  if (!r) return;
  w.fill('_KTSS', at, {
    Eip: r.eip, EFlags: r.efl, Eax: r.eax, Ecx: r.ecx, Edx: r.edx, Ebx: r.ebx, Esp: r.esp, Ebp: r.ebp, Esi: r.esi, Edi: r.edi,
    Es: r.es, Cs: r.cs, Ss: r.ss, Ds: r.ds, Fs: r.fs, Gs: r.gs,
  });
}

export function writeContext(w: StructWriter, at: number, c: X86Registers & { contextFlags: number }): void {
  w.fill('_CONTEXT', at, {
    ContextFlags: c.contextFlags, SegGs: c.gs, SegFs: c.fs, SegEs: c.es, SegDs: c.ds, Edi: c.edi, Esi: c.esi, Ebx: c.ebx,
    Edx: c.edx, Ecx: c.ecx, Eax: c.eax, Ebp: c.ebp, Eip: c.eip, SegCs: c.cs, EFlags: c.efl, Esp: c.esp, SegSs: c.ss,
  });
}
