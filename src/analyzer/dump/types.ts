import type { PhysicalMemory, VirtualMemory } from '../memory/types';
import type { X86Registers } from '../../common/x86Registers';

export interface PhysicalRun { basePage: number; pageCount: number; /** file offset of the run's first page */ fileOffset: number }

/** The decoded DUMP_HEADER32 (every field of dump-format.md §1), produced from the format/ layout table. */
export interface DumpHeaderModel {
  signature: string;           // 'PAGE'
  validDump: string;           // 'DUMP'
  majorVersion: number;        // 0xF free, 0xC checked
  minorVersion: number;        // build number
  directoryTableBase: number;
  pfnDataBase: number;
  psLoadedModuleList: number;
  psActiveProcessHead: number;
  machineImageType: number;
  numberProcessors: number;
  bugCheckCode: number;
  bugCheckParameters: [number, number, number, number];
  paeEnabled: number;
  kdSecondaryVersion: number;
  kdDebuggerDataBlock: number;
  numberOfRuns: number;
  numberOfPages: number;
  runs: PhysicalRun[];
  /** The CONTEXT at 0x320 as registers, plus its flags. */
  context: X86Registers & { contextFlags: number };
  exception: { code: number; flags: number; record: number; address: number; numberParameters: number; information: number[] };
  comment: string;             // '' when the 'PAGE' fill is there
  /** VersionUser text, '' when the 'PAGE' fill is there (optional: added by the foundation engineer). */
  versionUser?: string;
  dumpType: number;
  miniDumpFields: number;
  secondaryDataState: number;
  productType: number;
  suiteMask: number;
  writerStatus: number;
  requiredDumpSpace: bigint;
  systemUpTime: bigint;        // 100 ns units
  systemTime: bigint;          // FILETIME
}

/** An opened, validated dump: the header, the physical layer, and the kernel address space (header DTB). */
export interface CrashDump {
  readonly path: string;
  readonly fileSize: number;
  readonly header: DumpHeaderModel;
  readonly phys: PhysicalMemory;
  readonly kernelVm: VirtualMemory;
  /** Warnings found while opening (damaged kernel structures, etc.), one line each, WinDbg-style. */
  readonly warnings: string[];
  close(): void;
}
