/**
 * What a dump writer's caller says about the header (camelCase, as the analyzer's DumpHeaderModel names it),
 * and its translation into DUMP_HEADER32 fields with the defaults a Server 2003 kernel writes.
 * The run list, NumberOfRuns, NumberOfPages and RequiredDumpSpace are computed by the writer.
 */
import type { X86Registers } from '../common/x86Registers';
import type { Encodable } from './layout';
import {
  DUMP_HEADER32, DUMP_SIGNATURE32, DUMP_VALID_DUMP32, DumpType, IMAGE_FILE_MACHINE_I386, MAX_RUNS_32,
} from './dumpHeader32';
import { ContextFlags } from './x86Context';
import { EXCEPTION_NONCONTINUABLE, STATUS_BREAKPOINT } from './exceptionRecord32';

export interface DumpHeader32Input {
  majorVersion?: number;          // default 0xF (free build)
  minorVersion?: number;          // default 3790 (Server 2003)
  directoryTableBase: number;
  pfnDataBase?: number;
  psLoadedModuleList?: number;
  psActiveProcessHead?: number;
  machineImageType?: number;      // default 0x14C
  numberProcessors?: number;      // default 1
  bugCheckCode: number;
  bugCheckParameters: [number, number, number, number];
  /** VersionUser text; left as the 'PAGE' fill when absent (as the kernel leaves it). */
  versionUser?: string;
  paeEnabled?: number;            // default 1
  kdSecondaryVersion?: number;    // default 0
  kdDebuggerDataBlock?: number;
  /** The bugchecking processor's registers; ContextFlags defaults to CONTEXT_ALL. Missing registers are 0. */
  context?: Partial<X86Registers> & { contextFlags?: number };
  /** Defaults to the breakpoint record a bugcheck dump carries: 0x80000003, NONCONTINUABLE, at the context's Eip. */
  exception?: { code?: number; flags?: number; record?: number; address?: number; information?: number[] };
  /** Left as the 'PAGE' fill when absent. */
  comment?: string;
  dumpType?: number;              // default 1 (full); the writer lays out pages for type 1 only
  miniDumpFields?: number;        // 'PAGE' fill when absent (full dumps)
  secondaryDataState?: number;    // 'PAGE' fill when absent
  productType?: number;           // default 3 (ServerNt)
  suiteMask?: number;             // default 0x110 (TerminalServer SingleUserTS)
  writerStatus?: number;          // default 0
  systemUpTime?: bigint;          // 100 ns units; default 0
  systemTime?: bigint;            // FILETIME; default 0
}

export interface RunSpec { basePage: number; pageCount: number }

/** The DUMP_HEADER32 fields to encode over a 'PAGE'-filled page. */
export function headerFields(input: DumpHeader32Input, runs: RunSpec[], numberOfPages: number, fileSize: number): Encodable<typeof DUMP_HEADER32> {
  const c = input.context ?? {};
  const info = input.exception?.information ?? [];
  const runSlots = Array.from({ length: MAX_RUNS_32 }, (_, i) =>
    runs[i] ? { BasePage: runs[i].basePage, PageCount: runs[i].pageCount } : { BasePage: 0, PageCount: 0 });
  return {
    Signature: DUMP_SIGNATURE32,
    ValidDump: DUMP_VALID_DUMP32,
    MajorVersion: input.majorVersion ?? 0xf,
    MinorVersion: input.minorVersion ?? 3790,
    DirectoryTableBase: input.directoryTableBase,
    PfnDataBase: input.pfnDataBase ?? 0,
    PsLoadedModuleList: input.psLoadedModuleList ?? 0,
    PsActiveProcessHead: input.psActiveProcessHead ?? 0,
    MachineImageType: input.machineImageType ?? IMAGE_FILE_MACHINE_I386,
    NumberProcessors: input.numberProcessors ?? 1,
    BugCheckCode: input.bugCheckCode,
    BugCheckParameter1: input.bugCheckParameters[0],
    BugCheckParameter2: input.bugCheckParameters[1],
    BugCheckParameter3: input.bugCheckParameters[2],
    BugCheckParameter4: input.bugCheckParameters[3],
    VersionUser: input.versionUser,
    PaeEnabled: input.paeEnabled ?? 1,
    KdSecondaryVersion: input.kdSecondaryVersion ?? 0,
    KdDebuggerDataBlock: input.kdDebuggerDataBlock ?? 0,
    // The unused run slots are zero in a real header (the kernel clears the descriptor buffer).
    PhysicalMemoryBlock: { NumberOfRuns: runs.length, NumberOfPages: numberOfPages, Run: runSlots },
    ContextRecord: {
      ContextFlags: c.contextFlags ?? ContextFlags.CONTEXT_ALL,
      Dr0: c.dr0 ?? 0, Dr1: c.dr1 ?? 0, Dr2: c.dr2 ?? 0, Dr3: c.dr3 ?? 0, Dr6: c.dr6 ?? 0, Dr7: c.dr7 ?? 0,
      FloatSave: { ControlWord: 0, StatusWord: 0, TagWord: 0, ErrorOffset: 0, ErrorSelector: 0, DataOffset: 0, DataSelector: 0, RegisterArea: new Uint8Array(80), Cr0NpxState: 0 },
      SegGs: c.gs ?? 0, SegFs: c.fs ?? 0, SegEs: c.es ?? 0, SegDs: c.ds ?? 0,
      Edi: c.edi ?? 0, Esi: c.esi ?? 0, Ebx: c.ebx ?? 0, Edx: c.edx ?? 0, Ecx: c.ecx ?? 0, Eax: c.eax ?? 0,
      Ebp: c.ebp ?? 0, Eip: c.eip ?? 0, SegCs: c.cs ?? 0, EFlags: c.efl ?? 0, Esp: c.esp ?? 0, SegSs: c.ss ?? 0,
      ExtendedRegisters: new Uint8Array(512),
    },
    Exception: {
      ExceptionCode: input.exception?.code ?? STATUS_BREAKPOINT,
      ExceptionFlags: input.exception?.flags ?? EXCEPTION_NONCONTINUABLE,
      ExceptionRecord: input.exception?.record ?? 0,
      ExceptionAddress: input.exception?.address ?? c.eip ?? 0,
      NumberParameters: info.length,
      ExceptionInformation: Array.from({ length: 15 }, (_, i) => info[i] ?? 0),
    },
    Comment: input.comment,
    DumpType: input.dumpType ?? DumpType.FULL,
    MiniDumpFields: input.miniDumpFields,
    SecondaryDataState: input.secondaryDataState,
    ProductType: input.productType ?? 3,
    SuiteMask: input.suiteMask ?? 0x110,
    WriterStatus: input.writerStatus ?? 0,
    RequiredDumpSpace: BigInt(fileSize),
    SystemUpTime: input.systemUpTime ?? 0n,
    SystemTime: input.systemTime ?? 0n,
  };
}
