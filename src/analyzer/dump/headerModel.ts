/** DUMP_HEADER32 as decoded by the format/ layout table → the analyzer's DumpHeaderModel. */
import { decode } from '../../format/codec';
import { DUMP_HEADER32, PAGE_FILL } from '../../format/dumpHeader32';
import type { Decoded } from '../../format/layout';
import type { DumpHeaderModel, PhysicalRun } from './types';

export type RawHeader32 = Decoded<typeof DUMP_HEADER32>;

export const decodeHeader32 = (page: Uint8Array): RawHeader32 => decode(DUMP_HEADER32, page);

/** A CHAR[] field starting with the 'PAGE' fill was never written (dbgeng's test too): show it as ''. */
const text = (s: string): string => (s.startsWith('PAGE') ? '' : s);

/** `runs` are the validated runs with their file offsets (the header model carries them, not raw slots). */
export function toHeaderModel(h: RawHeader32, runs: PhysicalRun[]): DumpHeaderModel {
  const c = h.ContextRecord;
  const e = h.Exception;
  const tag = (v: number) => Buffer.from(new Uint32Array([v]).buffer).toString('latin1');
  return {
    signature: tag(h.Signature),
    validDump: tag(h.ValidDump),
    majorVersion: h.MajorVersion,
    minorVersion: h.MinorVersion,
    directoryTableBase: h.DirectoryTableBase,
    pfnDataBase: h.PfnDataBase,
    psLoadedModuleList: h.PsLoadedModuleList,
    psActiveProcessHead: h.PsActiveProcessHead,
    machineImageType: h.MachineImageType,
    numberProcessors: h.NumberProcessors,
    bugCheckCode: h.BugCheckCode,
    bugCheckParameters: [h.BugCheckParameter1, h.BugCheckParameter2, h.BugCheckParameter3, h.BugCheckParameter4],
    paeEnabled: h.PaeEnabled,
    kdSecondaryVersion: h.KdSecondaryVersion,
    kdDebuggerDataBlock: h.KdDebuggerDataBlock,
    numberOfRuns: h.PhysicalMemoryBlock.NumberOfRuns,
    numberOfPages: h.PhysicalMemoryBlock.NumberOfPages,
    runs,
    context: {
      contextFlags: c.ContextFlags,
      eax: c.Eax, ebx: c.Ebx, ecx: c.Ecx, edx: c.Edx, esi: c.Esi, edi: c.Edi,
      eip: c.Eip, esp: c.Esp, ebp: c.Ebp, efl: c.EFlags,
      cs: c.SegCs, ss: c.SegSs, ds: c.SegDs, es: c.SegEs, fs: c.SegFs, gs: c.SegGs,
      dr0: c.Dr0, dr1: c.Dr1, dr2: c.Dr2, dr3: c.Dr3, dr6: c.Dr6, dr7: c.Dr7,
    },
    exception: {
      code: e.ExceptionCode, flags: e.ExceptionFlags, record: e.ExceptionRecord, address: e.ExceptionAddress,
      numberParameters: e.NumberParameters,
      // NumberParameters is at most 15 in a sound record; a larger (or fill) value shows all 15 slots.
      information: e.ExceptionInformation.slice(0, Math.min(e.NumberParameters, 15)),
    },
    comment: text(h.Comment),
    versionUser: text(h.VersionUser),
    dumpType: h.DumpType,
    miniDumpFields: h.MiniDumpFields,
    secondaryDataState: h.SecondaryDataState,
    productType: h.ProductType,
    suiteMask: h.SuiteMask,
    writerStatus: h.WriterStatus,
    requiredDumpSpace: h.RequiredDumpSpace,
    systemUpTime: h.SystemUpTime,
    systemTime: h.SystemTime,
  };
}

export { PAGE_FILL };
