/**
 * nt's global variables that debuggers read, placed in the kernel image's .data (their RVAs become ISF symbols).
 */
import { KDBG_SIZE_WS03 } from '../../symbols/layouts/kdbg';
import type { StructWriter } from '../kernel/structWriter';

export type NtData = Record<string, number>;

/** Places each variable after the previous one (aligned), from the start of nt's .data. */
export function placeNtData(w: StructWriter, dataStart: number, dataEnd: number, opts: { kiInitialPcr: boolean }): NtData {
  let at = dataStart;
  const out: NtData = {};
  const place = (name: string, size: number, align = 8): void => {
    at = Math.ceil(at / align) * align;
    out[name] = at;
    at += size;
  };
  place('KiDoubleFaultStack', 0x3000, 0x1000);
  place('KdDebuggerDataBlock', KDBG_SIZE_WS03);
  place('KdpDebuggerDataListHead', 0x10);
  place('KdVersionBlock', w.sizeof('_DBGKD_GET_VERSION64'));
  place('KeNumberProcessors', 4);
  place('KiProcessorBlock', 32 * 4);
  place('PsActiveProcessHead', w.sizeof('_LIST_ENTRY'));
  place('PsLoadedModuleList', w.sizeof('_LIST_ENTRY'));
  place('PsInitialSystemProcess', 4);
  place('PspCidTable', 4);
  place('MmPfnDatabase', 4);
  place('MmHighestPhysicalPage', 4);
  place('MmNumberOfPhysicalPages', 4);
  place('MmHighestUserAddress', 4);
  place('MmSystemRangeStart', 4);
  place('MmUserProbeAddress', 4);
  place('MmPhysicalMemoryBlock', 4);
  place('KeLoaderBlock', 4);
  place('CmNtCSDVersion', 4);
  place('NtBuildNumber', 4);
  place('KiBugCheckData', 5 * 4);
  place('NtBuildLab', 0x40);
  place('MiPhysicalMemoryDescriptor', 8 + 8 * 4);
  place('KiInitialProcess', w.sizeof('_EPROCESS'), 0x10);
  place('KiInitialThread', w.sizeof('_ETHREAD'), 0x10);
  place('KiDoubleFaultTSS', 0x70, 0x10);
  place('KiNMITSS', 0x70, 0x10);
  // Vista+: the boot processor's KPCR (with its KPRCB) is a kernel global, not the fixed ffdff000 of NT 5.
  if (opts.kiInitialPcr) place('KiInitialPCR', w.sizeof('_KPCR'), 0x1000);
  if (at > dataEnd) throw new Error('nt .data overflow');
  return out;
}
