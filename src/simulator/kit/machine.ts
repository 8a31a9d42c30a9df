/**
 * Builds the generic machine around a scenario's story: RAM and PAE page tables, the kernel's and the scenario's
 * images, nt's globals, the crashing thread's stack pages (the story writes their contents), the processors (the
 * crash processor from the story's death), the Idle and System processes and the story's process and thread, the
 * loaded-module list, the debugger data blocks, shared user data, the memory descriptor, and last the crashing
 * process's own address space. Every step is deterministic: the same story gives the same pages in the same order.
 */
import { PAGE_SIZE } from '../../common/hex';
import type { X86Registers } from '../../common/x86Registers';
import { ntkrpampTypes } from '../../symbols/layouts/ntkrpamp';
import { kdbgTypes } from '../../symbols/layouts/kdbg';
import { TypeTable } from '../../symbols/typeTable';
import type { EmittedFunction } from '../code/emitter';
import type { FnDef } from '../code/frameFunction';
import { buildImages, SCOPETABLE_PREFIX } from '../image/buildImages';
import { kernelModules, NT_BASE } from '../image/kernelModules';
import { isFnDef, type BuiltModule, type ModuleDef } from '../image/modules';
import { makeSymbolizer } from '../image/symbolizer';
import { writeKdbg, writeSharedUserData, writeVersionBlock } from '../kernel/debuggerData';
import { writeModuleList } from '../kernel/moduleList';
import { PoolAllocator } from '../kernel/pool';
import { writeProcess, writeThread } from '../kernel/processes';
import { StructWriter } from '../kernel/structWriter';
import { PaeAddressSpace } from '../memory/paeMapper';
import { PhysicalMemory, pcRunsFor, type PhysicalRun } from '../memory/physicalMemory';
import { VirtualSpace } from '../memory/virtualSpace';
import { SeededRandom } from '../rng';
import * as B from './box';
import type { Bugcheck, Death } from './death';
import { writeHighMemoryMarkers } from './highMemory';
import { placeNtData, type NtData } from './ntData';
import { cpuBlocks, writeProcessors, type ProcessorsResult } from './processors';

/** The crashing user process (pid, names and times as `!process` shows them). */
export interface StoryProcess { eprocess: number; pid: number; parentPid: number; imageName: string; peb: number; createTime: bigint }

/** The crashing thread: its ETHREAD, ids, TEB and the counters `!thread` shows. */
export interface StoryThread {
  ethread: number; tid: number; teb: number; priority: number; startAddress: number; win32StartAddress: number;
  kernelTime: number; userTime: number; contextSwitches: number; waitTime: number; createTime: bigint;
  /** KTHREAD.KernelStack relative to InitialStack (where its last context switch left ESP). */
  kernelStackBelowInitial: number;
}

/** What the story's stack builder gets: the kernel's memory and type writer, its code and symbols. */
export interface StackContext {
  w: StructWriter;
  rng: SeededRandom;
  /** Every described function of the machine (the kernel's and the scenario's), by `module!name`. */
  functions: Map<string, FnDef>;
  code(fn: string): EmittedFunction;
  /** `nt!Name`, `Name` (nt), `module!Name`, or `module!Function:label` (a label the code emitter placed). */
  sym(name: string): number;
  symbolize: ReturnType<typeof makeSymbolizer>;
  /** Return addresses of every real call site (what stale stack slots plausibly hold). */
  callSites: number[];
  /** VA of a function's SEH scope table. */
  scopeTable(fn: string): number;
}

/** What the stack builder returns: how the thread died, plus whatever the scenario's truth needs (`T`). */
export interface CrashedStack { death: Death }

export interface CrashStory<T extends CrashedStack> {
  seed: number;
  ramBytes: number;
  /** The scenario's drivers (images with code), loaded after the kernel's boot modules. */
  drivers: ModuleDef[];
  crashCpu: number;
  process: StoryProcess;
  thread: StoryThread;
  /** The crashing thread's kernel stack: [base − KERNEL_STACK_SIZE, base) present, the page below a guard page. */
  stackBase: number;
  /** Writes the thread's stack (called once RAM, images and nt's data exist) and says how the thread died. */
  buildStack(ctx: StackContext): T;
  /** The crashing process's own pages beyond TEB and PEB (e.g. a demand-zero user buffer). */
  userSpace?(proc: PaeAddressSpace, user: VirtualSpace): void;
}

export interface Machine<T extends CrashedStack = CrashedStack> {
  runs: PhysicalRun[];
  readPage(pfn: number): Uint8Array | undefined;
  systemDtb: number;
  processDtb: number;
  modules: BuiltModule[];
  ntData: NtData;
  stack: T;
  processors: ProcessorsResult;
  bugcheck: Bugcheck;
  /** The faulting task's registers with its CR3 (the crashing process's page tables). */
  tss28: X86Registers;
  symbolize: ReturnType<typeof makeSymbolizer>;
  /** The kernel's view of memory (system page tables), for tests and tools. */
  memory: VirtualSpace;
  crashCpu: number;
}

export function buildMachine<T extends CrashedStack>(story: CrashStory<T>): Machine<T> {
  const rng = new SeededRandom(story.seed);
  const phys = new PhysicalMemory(pcRunsFor(story.ramBytes), B.FIRST_FREE_PFN);
  const system = PaeAddressSpace.createSystem(phys, B.SYSTEM_PDPT_PFN);
  const mem = new VirtualSpace(phys, system);
  const w = new StructWriter(new TypeTable(ntkrpampTypes(), 'nt'), mem);
  const wk = new StructWriter(new TypeTable(kdbgTypes(), 'kdbg'), mem);

  const defs = [...kernelModules(), ...story.drivers];
  const built = buildImages(defs, mem);
  const nt = built.get('nt')!;
  const ntData = placeNtData(w, NT_BASE + nt.def.dataRva, NT_BASE + nt.def.sizeOfImage);
  for (const [k, v] of Object.entries(ntData)) nt.symbols.set(k, v);
  const modules = [...built.values()];
  const symbolize = makeSymbolizer(modules);
  const sym = symbolLookup(built);

  // CPU 0's loader-allocated GDT/IDT and TSS sit below the kernel, at PA = VA − 0x80000000.
  for (const va of [0x8003f000, 0x80042000, 0x80043000, 0x80044000]) mem.mapAt(va, (va - 0x80000000) / PAGE_SIZE);

  // The crashing thread's stack: three present pages, the guard page below them not present (PTE 0).
  const limit = story.stackBase - B.KERNEL_STACK_SIZE;
  mem.ensureMapped(limit, B.KERNEL_STACK_SIZE);
  system.setPte(limit - PAGE_SIZE, 0n);

  const functions = new Map<string, FnDef>();
  for (const d of defs) for (const c of d.code) if (isFnDef(c)) functions.set(`${d.name}!${c.name}`, c);
  const callSites = modules.flatMap((m) => m.functions.flatMap((f) => [...f.labels].filter(([k]) => /^r\d+$/.test(k)).map(([, v]) => v)));
  const stack = story.buildStack({
    w, rng, functions, sym, symbolize, callSites,
    code: (fn) => {
      const [m, name] = fn.split('!');
      return built.get(m)!.functions.find((f) => f.name === name)!;
    },
    scopeTable: (fn) => sym(`${fn.split('!')[0]}!${SCOPETABLE_PREFIX}${fn.split('!')[1]}`),
  });
  const { death } = stack;

  const blocks = cpuBlocks(w, sym);
  const processors = writeProcessors({ w, sym, systemDtb: system.dtb, crashCpu: story.crashCpu, thread: story.thread.ethread, teb: story.thread.teb, death }, blocks);

  // Processes and threads.
  const pool = new PoolAllocator(B.POOL.start, B.POOL.end);
  const active = ntData.PsActiveProcessHead;
  w.fill('_LIST_ENTRY', active, { Flink: active, Blink: active });
  writeProcess(w, { eprocess: ntData.KiInitialProcess, pid: 0, parentPid: 0, imageName: 'Idle', dtb: system.dtb, paeTop: 0, peb: 0, createTime: 0n, affinity: 0xf }, undefined);
  const bootTime = B.SYSTEM_TIME - B.UP_TIME;
  writeProcess(w, { eprocess: B.SYSTEM_PROCESS, pid: 4, parentPid: 0, imageName: 'System', dtb: system.dtb, paeTop: 0, peb: 0, createTime: 0n, affinity: 0xf }, active);
  const paeTopPfn = phys.allocate();
  const paeTop = 0xc0600000 + 0x3000;
  const sp = story.process;
  writeProcess(w, { eprocess: sp.eprocess, pid: sp.pid, parentPid: sp.parentPid, imageName: sp.imageName, dtb: 0, paeTop, peb: sp.peb, createTime: sp.createTime, affinity: 0xf }, active);
  const threadBase = { state: 5, processor: 0, teb: 0, trapFrame: 0, priority: 16, startAddress: sym('KiIdleLoop'), win32StartAddress: 0, kernelTime: 0x2f1, userTime: 0, contextSwitches: 0x1c2, waitTime: 0x1a6d3f0, systemThread: true, createTime: bootTime };
  writeThread(w, { ...threadBase, ethread: B.SYSTEM_THREAD, process: B.SYSTEM_PROCESS, tid: 8, pid: 4, initialStack: 0xf78a0000 - 0x210, stackBase: 0xf78a0000, stackLimit: 0xf789d000, kernelStack: 0xf789fcc8 });
  for (const b of blocks) {
    const base = B.IDLE_STACK_BASE(b.number);
    mem.ensureMapped(base - B.KERNEL_STACK_SIZE, B.KERNEL_STACK_SIZE);
    writeThread(w, {
      ...threadBase, ethread: b.idleThread, process: ntData.KiInitialProcess, tid: 0, pid: 0, state: b.number === story.crashCpu ? 1 : 2,
      processor: b.number, priority: 0, initialStack: base - 0x210, stackBase: base, stackLimit: base - B.KERNEL_STACK_SIZE, kernelStack: base - 0x23c,
    });
  }
  const st = story.thread;
  writeThread(w, {
    ...threadBase, ethread: st.ethread, process: sp.eprocess, tid: st.tid, pid: sp.pid, state: 2, processor: story.crashCpu, teb: st.teb,
    trapFrame: death.initialStack - w.sizeof('_KTRAP_FRAME'), priority: st.priority, startAddress: st.startAddress, win32StartAddress: st.win32StartAddress,
    kernelTime: st.kernelTime, userTime: st.userTime, contextSwitches: st.contextSwitches, waitTime: st.waitTime, systemThread: false, createTime: st.createTime,
    initialStack: death.initialStack, stackBase: story.stackBase, stackLimit: limit, kernelStack: death.initialStack - st.kernelStackBelowInitial,
  });

  // Globals, module list, debugger blocks, shared user data.
  const bugcheck = processors.bugcheck;
  const ramPages = phys.runs.reduce((n, r) => n + r.pageCount, 0);
  const u32s: Record<string, number> = {
    KeNumberProcessors: B.PROCESSORS, PsInitialSystemProcess: B.SYSTEM_PROCESS, MmPfnDatabase: B.PFN_DATABASE,
    MmHighestPhysicalPage: Math.max(...phys.runs.map((r) => r.basePage + r.pageCount)) - 1, MmNumberOfPhysicalPages: ramPages,
    MmHighestUserAddress: 0x7ffeffff, MmSystemRangeStart: 0x80000000, MmUserProbeAddress: 0x7fff0000,
    MmPhysicalMemoryBlock: ntData.MiPhysicalMemoryDescriptor, KeLoaderBlock: 0, CmNtCSDVersion: 0x200, NtBuildNumber: 0xf0000ece, PspCidTable: 0,
  };
  for (const [k, v] of Object.entries(u32s)) mem.u32(ntData[k], v);
  [bugcheck.code, ...bugcheck.args].forEach((v, i) => mem.u32(ntData.KiBugCheckData + 4 * i, v));
  processors.prcbs.forEach((prcb, i) => mem.u32(ntData.KiProcessorBlock + 4 * i, prcb));
  mem.ascii(ntData.NtBuildLab, B.NT_BUILD_LAB);
  const desc = ntData.MiPhysicalMemoryDescriptor;
  mem.u32(desc, phys.runs.length);
  mem.u32(desc + 4, ramPages);
  phys.runs.forEach((r, i) => { mem.u32(desc + 8 + 8 * i, r.basePage); mem.u32(desc + 12 + 8 * i, r.pageCount); });
  writeModuleList(w, pool, ntData.PsLoadedModuleList, modules);
  writeKdbg(wk, w, { block: ntData.KdDebuggerDataBlock, listHead: ntData.KdpDebuggerDataListHead, symbols: { ...ntData, KernBase: NT_BASE, RtlpBreakWithStatusInstruction: sym('RtlpBreakWithStatusInstruction'), KiCallUserMode: sym('KiCallUserMode') } });
  writeVersionBlock(w, { at: ntData.KdVersionBlock, kernBase: NT_BASE, psLoadedModuleList: ntData.PsLoadedModuleList, debuggerDataList: ntData.KdpDebuggerDataListHead, build: 3790 });
  writeSharedUserData(w, {
    at: B.SHARED_USER_DATA, systemTime: B.SYSTEM_TIME, interruptTime: B.UP_TIME, tickCount: B.UP_TIME / 156250n,
    timeZoneBias: B.TIME_ZONE_BIAS, physicalPages: ramPages, suiteMask: B.SUITE_MASK,
    systemCall: B.KI_FAST_SYSTEM_CALL_RET - 4, systemCallReturn: B.KI_FAST_SYSTEM_CALL_RET,
  });
  writeHighMemoryMarkers(phys);

  // Last: the crashing process's address space (it shares the kernel's page tables, so it must see them all).
  const proc = PaeAddressSpace.createProcess(phys, system, paeTopPfn, 0x20);
  const user = new VirtualSpace(phys, proc);
  user.ensureMapped(st.teb, PAGE_SIZE);
  user.ensureMapped(sp.peb, PAGE_SIZE);
  user.u32(st.teb + 0x18, st.teb);          // NT_TIB.Self
  user.u32(st.teb + 0x30, sp.peb);          // ProcessEnvironmentBlock
  story.userSpace?.(proc, user);
  w.set('_EPROCESS', sp.eprocess, 'Pcb.DirectoryTableBase', BigInt(proc.dtb));
  w.set('_KTSS', blocks[story.crashCpu].tss, 'CR3', proc.dtb);

  return {
    runs: [...phys.runs], readPage: (pfn) => phys.readPage(pfn), systemDtb: system.dtb, processDtb: proc.dtb, modules, ntData,
    stack, processors, bugcheck, tss28: { ...death.tss28, cr3: proc.dtb }, symbolize, memory: mem, crashCpu: story.crashCpu,
  };
}

/** `Name` (nt), `module!Name`, `module!Function:label`. */
function symbolLookup(built: Map<string, BuiltModule>): (name: string) => number {
  return (name) => {
    const [modPart, rest] = name.includes('!') ? name.split('!') : ['nt', name];
    const [fn, label] = rest.split(':');
    const m = built.get(modPart);
    if (!m) throw new Error(`no module ${modPart} for symbol ${name}`);
    if (label) {
      const v = m.functions.find((x) => x.name === fn)?.labels.get(label);
      if (v === undefined) throw new Error(`no label ${name}`);
      return v;
    }
    const v = m.symbols.get(fn);
    if (v === undefined) throw new Error(`no symbol ${name}`);
    return v;
  };
}
