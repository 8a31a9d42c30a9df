/**
 * Builds the whole got-stack machine: RAM and page tables, the loaded images, nt's globals, four processors, the
 * processes and threads, the overflowed stack, the debugger data blocks, and finally StackHog.exe's own address
 * space. Returns what the dump writer and the ground truth need.
 */
import { PAGE_SIZE } from '../../../common/hex';
import type { X86Registers } from '../../../common/x86Registers';
import { ntkrpampTypes } from '../../../symbols/layouts/ntkrpamp';
import { kdbgTypes } from '../../../symbols/layouts/kdbg';
import { TypeTable } from '../../../symbols/typeTable';
import { isFnDef, type BuiltModule } from '../../image/modules';
import { buildImages, SCOPETABLE_PREFIX } from '../../image/buildImages';
import { kernelModules, NT_BASE } from '../../image/kernelModules';
import { DEMAND_ZERO_PTE, PaeAddressSpace } from '../../memory/paeMapper';
import { PhysicalMemory, pcRunsFor, type PhysicalRun } from '../../memory/physicalMemory';
import { VirtualSpace } from '../../memory/virtualSpace';
import { writeKdbg, writeSharedUserData, writeVersionBlock } from '../../kernel/debuggerData';
import { writeModuleList } from '../../kernel/moduleList';
import { PoolAllocator } from '../../kernel/pool';
import { writeProcess, writeThread } from '../../kernel/processes';
import { StructWriter } from '../../kernel/structWriter';
import type { FnDef } from '../../code/frameFunction';
import { SeededRandom } from '../../rng';
import { makeSymbolizer } from '../../image/symbolizer';
import { STACKHOG_FUNCTIONS } from './drivers';
import { placeNtData } from './ntData';
import { buildOverflowStack, type OverflowResult } from './overflowStack';
import * as P from './plan';
import { productModules } from './productModules';
import { cpuBlocks, writeProcessors, type ProcessorsResult } from './processors';

export interface GotStackOptions { seed: number; ramBytes: number; blogSeed: boolean }

export interface Machine {
  runs: PhysicalRun[];
  readPage(pfn: number): Uint8Array | undefined;
  systemDtb: number;
  processDtb: number;
  modules: BuiltModule[];
  ntData: Record<string, number>;
  overflow: OverflowResult;
  processors: ProcessorsResult;
  bugcheck: { code: number; args: [number, number, number, number] };
  tss28: X86Registers;
  symbolize: ReturnType<typeof makeSymbolizer>;
  /** The kernel's view of memory (system page tables), for tests and tools. */
  memory: VirtualSpace;
}

export function buildGotStackMachine(opt: GotStackOptions): Machine {
  const rng = new SeededRandom(opt.seed);
  const phys = new PhysicalMemory(pcRunsFor(opt.ramBytes), P.FIRST_FREE_PFN);
  const system = PaeAddressSpace.createSystem(phys, P.SYSTEM_PDPT_PFN);
  const mem = new VirtualSpace(phys, system);
  const w = new StructWriter(new TypeTable(ntkrpampTypes(), 'nt'), mem);
  const wk = new StructWriter(new TypeTable(kdbgTypes(), 'kdbg'), mem);

  const defs = [...kernelModules(), ...productModules()];
  const built = buildImages(defs, mem);
  const nt = built.get('nt')!;
  const ntData = placeNtData(w, NT_BASE + nt.def.dataRva, NT_BASE + nt.def.sizeOfImage);
  for (const [k, v] of Object.entries(ntData)) nt.symbols.set(k, v);
  const modules = [...built.values()];
  const symbolize = makeSymbolizer(modules);

  const sym = (name: string): number => {
    const [modPart, rest] = name.includes('!') ? name.split('!') : ['nt', name];
    const [fn, label] = rest.split(':');
    const m = built.get(modPart)!;
    if (label) {
      const f = m.functions.find((x) => x.name === fn);
      const v = f?.labels.get(label);
      if (v === undefined) throw new Error(`no label ${name}`);
      return v;
    }
    const v = m.symbols.get(fn);
    if (v === undefined) throw new Error(`no symbol ${name}`);
    return v;
  };

  // CPU 0's loader-allocated GDT/IDT and TSS sit below the kernel, at PA = VA − 0x80000000.
  for (const va of [0x8003f000, 0x80042000, 0x80043000, 0x80044000]) mem.mapAt(va, (va - 0x80000000) / PAGE_SIZE);

  // The overflowed thread's stack: three present pages, the guard page below them not present (PTE 0).
  const limit = P.STACK_BASE - P.STACK_SIZE;
  mem.ensureMapped(limit, P.STACK_SIZE);
  system.setPte(limit - PAGE_SIZE, 0n);

  const fnDefs = new Map<string, FnDef>();
  for (const d of defs) for (const c of d.code) if (isFnDef(c)) fnDefs.set(`${d.name}!${c.name}`, c);
  for (const f of STACKHOG_FUNCTIONS) fnDefs.set(`${f.module}!${f.name}`, f);
  const callSites = modules.flatMap((m) => m.functions.flatMap((f) => [...f.labels].filter(([k]) => /^r\d+$/.test(k)).map(([, v]) => v)));
  const firstFaultEsp = opt.blogSeed ? P.BLOG_FIRST_FAULT_ESP : 0xb8ae6044 + 4 * rng.fork('esp').int(0, 8);
  const overflow = buildOverflowStack({
    w, rng, functions: fnDefs, symbolize, callSites, firstFaultEsp,
    code: (fn) => {
      const [m, name] = fn.split('!');
      return built.get(m)!.functions.find((f) => f.name === name)!;
    },
    scopeTable: (fn) => sym(`${fn.split('!')[0]}!${SCOPETABLE_PREFIX}${fn.split('!')[1]}`),
    sehHandler: sym('_except_handler3'),
    ntDeviceIoControlFile: sym('NtDeviceIoControlFile'),
    kiFastCallReturn: sym('KiFastCallEntry:r0'),
  });

  // Processors (CPU 3's double-fault stack and bugcheck context included).
  const blocks = cpuBlocks(w, sym);
  const processors = writeProcessors({ w, sym, systemDtb: system.dtb, crash: overflow }, blocks);

  // Processes and threads.
  const pool = new PoolAllocator(P.POOL.start, P.POOL.end);
  const active = ntData.PsActiveProcessHead;
  w.fill('_LIST_ENTRY', active, { Flink: active, Blink: active });
  writeProcess(w, { eprocess: ntData.KiInitialProcess, pid: 0, parentPid: 0, imageName: 'Idle', dtb: system.dtb, paeTop: 0, peb: 0, createTime: 0n, affinity: 0xf }, undefined);
  const bootTime = P.SYSTEM_TIME - P.UP_TIME;
  writeProcess(w, { eprocess: P.SYSTEM_PROCESS, pid: 4, parentPid: 0, imageName: 'System', dtb: system.dtb, paeTop: 0, peb: 0, createTime: 0n, affinity: 0xf }, active);
  const paeTopPfn = phys.allocate();
  const paeTop = 0xc0600000 + 0x3000;
  writeProcess(w, { eprocess: P.PROCESS, pid: 0xa4c, parentPid: 0x5f0, imageName: 'StackHog.exe', dtb: 0, paeTop, peb: P.PEB, createTime: P.SYSTEM_TIME - 0x00000002540be400n, affinity: 0xf }, active);
  const threadBase = { state: 5, processor: 0, teb: 0, trapFrame: 0, priority: 16, startAddress: sym('KiIdleLoop'), win32StartAddress: 0, kernelTime: 0x2f1, userTime: 0, contextSwitches: 0x1c2, waitTime: 0x1a6d3f0, systemThread: true, createTime: bootTime };
  writeThread(w, { ...threadBase, ethread: P.SYSTEM_THREAD, process: P.SYSTEM_PROCESS, tid: 8, pid: 4, initialStack: 0xf78a0000 - 0x210, stackBase: 0xf78a0000, stackLimit: 0xf789d000, kernelStack: 0xf789fcc8 });
  for (const b of blocks) {
    const base = P.IDLE_STACK_BASE(b.number);
    mem.ensureMapped(base - P.STACK_SIZE, P.STACK_SIZE);
    writeThread(w, {
      ...threadBase, ethread: b.idleThread, process: ntData.KiInitialProcess, tid: 0, pid: 0, state: b.number === P.CRASH_CPU ? 1 : 2,
      processor: b.number, priority: 0, initialStack: base - 0x210, stackBase: base, stackLimit: base - P.STACK_SIZE, kernelStack: base - 0x23c,
    });
  }
  writeThread(w, {
    ...threadBase, ethread: P.THREAD, process: P.PROCESS, tid: 0xd18, pid: 0xa4c, state: 2, processor: P.CRASH_CPU, teb: P.TEB,
    trapFrame: overflow.initialStack - w.sizeof('_KTRAP_FRAME'), priority: 10, startAddress: 0x7c8106e9, win32StartAddress: 0x00401c2e,
    kernelTime: 0x4b, userTime: 0x12, contextSwitches: 0x9d3, waitTime: 0x1a6d3e9, systemThread: false, createTime: P.SYSTEM_TIME - 0x0000000253c0b0e0n,
    initialStack: overflow.initialStack, stackBase: P.STACK_BASE, stackLimit: limit, kernelStack: overflow.initialStack - 0x2a8,
  });

  // Globals, module list, debugger blocks, shared user data.
  const bugcheck = { code: 0x7f, args: [8, blocks[P.CRASH_CPU].tss, 0, 0] as [number, number, number, number] };
  const ramPages = phys.runs.reduce((n, r) => n + r.pageCount, 0);
  const u32s: Record<string, number> = {
    KeNumberProcessors: P.PROCESSORS, PsInitialSystemProcess: P.SYSTEM_PROCESS, MmPfnDatabase: P.PFN_DATABASE,
    MmHighestPhysicalPage: Math.max(...phys.runs.map((r) => r.basePage + r.pageCount)) - 1, MmNumberOfPhysicalPages: ramPages,
    MmHighestUserAddress: 0x7ffeffff, MmSystemRangeStart: 0x80000000, MmUserProbeAddress: 0x7fff0000,
    MmPhysicalMemoryBlock: ntData.MiPhysicalMemoryDescriptor, KeLoaderBlock: 0, CmNtCSDVersion: 0x200, NtBuildNumber: 0xf0000ece, PspCidTable: 0,
  };
  for (const [k, v] of Object.entries(u32s)) mem.u32(ntData[k], v);
  [bugcheck.code, ...bugcheck.args].forEach((v, i) => mem.u32(ntData.KiBugCheckData + 4 * i, v));
  processors.prcbs.forEach((prcb, i) => mem.u32(ntData.KiProcessorBlock + 4 * i, prcb));
  mem.ascii(ntData.NtBuildLab, '3790.srv03_sp2_rtm.070216-1710');
  const desc = ntData.MiPhysicalMemoryDescriptor;
  mem.u32(desc, phys.runs.length);
  mem.u32(desc + 4, ramPages);
  phys.runs.forEach((r, i) => { mem.u32(desc + 8 + 8 * i, r.basePage); mem.u32(desc + 12 + 8 * i, r.pageCount); });
  writeModuleList(w, pool, ntData.PsLoadedModuleList, modules);
  writeKdbg(wk, w, { block: ntData.KdDebuggerDataBlock, listHead: ntData.KdpDebuggerDataListHead, symbols: { ...ntData, KernBase: NT_BASE, RtlpBreakWithStatusInstruction: sym('RtlpBreakWithStatusInstruction'), KiCallUserMode: sym('KiCallUserMode') } });
  writeVersionBlock(w, { at: ntData.KdVersionBlock, kernBase: NT_BASE, psLoadedModuleList: ntData.PsLoadedModuleList, debuggerDataList: ntData.KdpDebuggerDataListHead, build: 3790 });
  writeSharedUserData(w, {
    at: P.SHARED_USER_DATA, systemTime: P.SYSTEM_TIME, interruptTime: P.UP_TIME, tickCount: P.UP_TIME / 156250n,
    timeZoneBias: P.TIME_ZONE_BIAS, physicalPages: ramPages, suiteMask: 0x110,
    systemCall: P.USER_RETURN - 4, systemCallReturn: P.USER_RETURN,
  });

  // Last: StackHog.exe's address space (it shares the kernel's page tables, so it must see them all).
  const proc = PaeAddressSpace.createProcess(phys, system, paeTopPfn, 0x20);
  const user = new VirtualSpace(phys, proc);
  user.ensureMapped(P.TEB, PAGE_SIZE);
  user.ensureMapped(P.PEB, PAGE_SIZE);
  user.u32(P.TEB + 0x18, P.TEB);            // NT_TIB.Self
  user.u32(P.TEB + 0x30, P.PEB);            // ProcessEnvironmentBlock
  proc.setPte(P.USER_BUFFER, DEMAND_ZERO_PTE);
  w.set('_EPROCESS', P.PROCESS, 'Pcb.DirectoryTableBase', BigInt(proc.dtb));
  w.set('_KTSS', blocks[P.CRASH_CPU].tss, 'CR3', proc.dtb);

  return {
    runs: [...phys.runs], readPage: (pfn) => phys.readPage(pfn), systemDtb: system.dtb, processDtb: proc.dtb, modules, ntData,
    overflow, processors, bugcheck, tss28: { ...overflow.tss28, cr3: proc.dtb }, symbolize, memory: mem,
  };
}
