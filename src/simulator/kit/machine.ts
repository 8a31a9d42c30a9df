/**
 * Builds the generic machine around a scenario's story: RAM and PAE page tables, the kernel's and the scenario's
 * images, nt's data, the crashing thread's stack pages (the story writes their contents), the processors (the
 * crash processor from the story's death), processes and threads (processesAndThreads.ts), nt's globals, the
 * module list, the debugger blocks and shared user data (globals.ts), and last the crashing process's own address
 * space. Every step is deterministic: the same story gives the same pages in the same order.
 */
import { PAGE_SIZE } from '../../common/hex';
import type { X86Registers } from '../../common/x86Registers';
import { kernelTypes } from '../../symbols/kernelLayouts';
import { kdbgTypes } from '../../symbols/layouts/kdbg';
import { TypeTable } from '../../symbols/typeTable';
import type { EmittedFunction } from '../code/emitter';
import type { FnDef } from '../code/frameFunction';
import { buildImages, SCOPETABLE_PREFIX } from '../image/buildImages';
import { kernelModules, NT_BASE } from '../image/kernelModules';
import { isFnDef, type BuiltModule, type ModuleDef } from '../image/modules';
import { makeSymbolizer } from '../image/symbolizer';
import { StructWriter } from '../kernel/structWriter';
import { PaeAddressSpace } from '../memory/paeMapper';
import { PhysicalMemory, pcRunsFor, type PhysicalRun } from '../memory/physicalMemory';
import { VirtualSpace } from '../memory/virtualSpace';
import { SeededRandom } from '../rng';
import * as B from './box';
import { buildMechanics, type BuildMechanics } from './buildMechanics';
import type { Bugcheck, Death } from './death';
import { writeKernelGlobals } from './globals';
import { writeHighMemoryMarkers } from './highMemory';
import { placeNtData, type NtData } from './ntData';
import { writeProcessesAndThreads } from './processesAndThreads';
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
  /** The Windows build the box runs (its layouts and mechanics); Server 2003 SP2 when unset. */
  mechanics?: BuildMechanics;
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
  mechanics: BuildMechanics;
}

export function buildMachine<T extends CrashedStack>(story: CrashStory<T>): Machine<T> {
  const rng = new SeededRandom(story.seed);
  const phys = new PhysicalMemory(pcRunsFor(story.ramBytes), B.FIRST_FREE_PFN);
  const system = PaeAddressSpace.createSystem(phys, B.SYSTEM_PDPT_PFN);
  const mem = new VirtualSpace(phys, system);
  const mech = story.mechanics ?? buildMechanics();
  const w = new StructWriter(new TypeTable(kernelTypes(mech.build.label, { pae: true }), 'nt'), mem);
  const wk = new StructWriter(new TypeTable(kdbgTypes(), 'kdbg'), mem);

  const defs = [...kernelModules(mech), ...story.drivers];
  const built = buildImages(defs, mem);
  const nt = built.get('nt')!;
  const ntData = placeNtData(w, NT_BASE + nt.def.dataRva, NT_BASE + nt.def.sizeOfImage, { kiInitialPcr: mech.bootKpcr === 'KiInitialPCR' });
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

  const blocks = cpuBlocks(w, sym, mech);
  const processors = writeProcessors({ w, sym, systemDtb: system.dtb, crashCpu: story.crashCpu, thread: story.thread.ethread, teb: story.thread.teb, death }, blocks);

  const { paeTopPfn, pool } = writeProcessesAndThreads({ w, phys, sym, ntData, blocks, systemDtb: system.dtb, story, death });
  writeKernelGlobals({ w, wk, phys, sym, ntData, modules, pool, processors, mech });
  writeHighMemoryMarkers(phys);

  // Last: the crashing process's address space (it shares the kernel's page tables, so it must see them all).
  const proc = PaeAddressSpace.createProcess(phys, system, paeTopPfn, 0x20);
  const st = story.thread;
  const sp = story.process;
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
    stack, processors, bugcheck: processors.bugcheck, tss28: { ...death.tss28, cr3: proc.dtb }, symbolize, memory: mem, crashCpu: story.crashCpu, mechanics: mech,
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
