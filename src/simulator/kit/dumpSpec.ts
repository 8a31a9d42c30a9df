/** The dump writer's input for a built machine: the DUMP_HEADER32 fields and the physical memory. */
import type { FullDump32Spec } from '../../format/dumpWriter';
import * as B from './box';
import type { CrashedStack, Machine } from './machine';

export function dumpSpec(m: Machine<CrashedStack>): FullDump32Spec {
  const { contextFlags, ...regs } = m.processors.bugcheckContext;
  return {
    header: {
      directoryTableBase: m.systemDtb,
      pfnDataBase: B.PFN_DATABASE,
      psLoadedModuleList: m.ntData.PsLoadedModuleList,
      psActiveProcessHead: m.ntData.PsActiveProcessHead,
      numberProcessors: B.PROCESSORS,
      bugCheckCode: m.bugcheck.code,
      bugCheckParameters: m.bugcheck.args,
      kdDebuggerDataBlock: m.ntData.KdDebuggerDataBlock,
      context: { ...regs, contextFlags },
      productType: m.mechanics.productType,
      suiteMask: m.mechanics.suiteMask,
      minorVersion: m.mechanics.build.build,
      systemUpTime: B.UP_TIME,
      systemTime: B.SYSTEM_TIME,
    },
    runs: m.runs,
    readPage: m.readPage,
  };
}
