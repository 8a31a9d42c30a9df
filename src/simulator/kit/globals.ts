/**
 * nt's globals that debuggers read (processor count, memory sizes, KiBugCheckData, KiProcessorBlock, NtBuildLab),
 * the physical memory descriptor, the loaded-module list, KDBG and the version block, and KUSER_SHARED_DATA.
 */
import { NT_BASE } from '../image/kernelModules';
import type { BuiltModule } from '../image/modules';
import { writeKdbg, writeSharedUserData, writeVersionBlock } from '../kernel/debuggerData';
import { writeModuleList } from '../kernel/moduleList';
import type { PoolAllocator } from '../kernel/pool';
import type { StructWriter } from '../kernel/structWriter';
import type { PhysicalMemory } from '../memory/physicalMemory';
import * as B from './box';
import type { BuildMechanics } from './buildMechanics';
import type { NtData } from './ntData';
import type { ProcessorsResult } from './processors';

export interface GlobalsInput {
  w: StructWriter;
  /** The writer over the KDBG type table. */
  wk: StructWriter;
  phys: PhysicalMemory;
  sym: (name: string) => number;
  ntData: NtData;
  modules: BuiltModule[];
  pool: PoolAllocator;
  processors: ProcessorsResult;
  mech: BuildMechanics;
}

export function writeKernelGlobals(p: GlobalsInput): void {
  const { w, wk, phys, sym, ntData, modules, pool, processors, mech } = p;
  const bugcheck = processors.bugcheck;
  const ramPages = phys.runs.reduce((n, r) => n + r.pageCount, 0);
  const u32s: Record<string, number> = {
    KeNumberProcessors: B.PROCESSORS, PsInitialSystemProcess: B.SYSTEM_PROCESS, MmPfnDatabase: B.PFN_DATABASE,
    MmHighestPhysicalPage: Math.max(...phys.runs.map((r) => r.basePage + r.pageCount)) - 1, MmNumberOfPhysicalPages: ramPages,
    MmHighestUserAddress: 0x7ffeffff, MmSystemRangeStart: 0x80000000, MmUserProbeAddress: 0x7fff0000,
    MmPhysicalMemoryBlock: ntData.MiPhysicalMemoryDescriptor, KeLoaderBlock: 0, CmNtCSDVersion: mech.csdVersion, NtBuildNumber: mech.ntBuildNumber, PspCidTable: 0,
  };
  for (const [k, v] of Object.entries(u32s)) w.mem.u32(ntData[k], v);
  [bugcheck.code, ...bugcheck.args].forEach((v, i) => w.mem.u32(ntData.KiBugCheckData + 4 * i, v));
  processors.prcbs.forEach((prcb, i) => w.mem.u32(ntData.KiProcessorBlock + 4 * i, prcb));
  w.mem.ascii(ntData.NtBuildLab, mech.ntBuildLab);
  const desc = ntData.MiPhysicalMemoryDescriptor;
  w.mem.u32(desc, phys.runs.length);
  w.mem.u32(desc + 4, ramPages);
  phys.runs.forEach((r, i) => { w.mem.u32(desc + 8 + 8 * i, r.basePage); w.mem.u32(desc + 12 + 8 * i, r.pageCount); });
  writeModuleList(w, pool, ntData.PsLoadedModuleList, modules);
  writeKdbg(wk, w, { block: ntData.KdDebuggerDataBlock, listHead: ntData.KdpDebuggerDataListHead, symbols: { ...ntData, KernBase: NT_BASE, RtlpBreakWithStatusInstruction: sym('RtlpBreakWithStatusInstruction'), KiCallUserMode: sym('KiCallUserMode') } });
  writeVersionBlock(w, { at: ntData.KdVersionBlock, kernBase: NT_BASE, psLoadedModuleList: ntData.PsLoadedModuleList, debuggerDataList: ntData.KdpDebuggerDataListHead, build: mech.build.build });
  writeSharedUserData(w, {
    at: B.SHARED_USER_DATA, systemTime: B.SYSTEM_TIME, interruptTime: B.UP_TIME, tickCount: B.UP_TIME / 156250n,
    timeZoneBias: B.TIME_ZONE_BIAS, physicalPages: ramPages, suiteMask: mech.suiteMask,
    ntMajorVersion: mech.build.major, ntMinorVersion: mech.build.minor, productType: mech.productType,
    systemCall: B.KI_FAST_SYSTEM_CALL_RET - 4, systemCallReturn: B.KI_FAST_SYSTEM_CALL_RET,
  });
}
