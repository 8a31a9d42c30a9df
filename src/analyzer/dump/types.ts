import type { PhysicalMemory, VirtualMemory } from '../memory/types';
import type { X86Registers } from '../../common/x86Registers';

/** Where a physical page sits in the dump file: runs (full dumps) or a page bitmap (summary, bitmap dumps). */
export interface PageIndex {
  /** File offset of physical address `pa`, or undefined when its page was not saved. */
  fileOffsetOf(pa: number): number | undefined;
}

/**
 * The page-bitmap header at 0x1000 of a summary (DumpType 2, 'SDMP') or bitmap (DumpType 5, 'FDMP') dump,
 * with the 64-bit counters of the bitmap header read as numbers (validation bounds them).
 */
export interface BitmapHeaderModel {
  kind: 'SUMMARY_DUMP32' | 'BITMAP_DUMP';
  signature: string;           // 'SDMP' or 'FDMP'
  validDump: string;           // 'DUMP'
  dumpOptions: number;
  /** File offset of the first saved page (SUMMARY_DUMP32.HeaderSize, bitmap header FirstPage). */
  headerSize: number;
  /** Bits in the bitmap (PFNs described). */
  bitmapSize: number;
  /** Pages saved (bits set). */
  pages: number;
  /** Saved frames as ranges of consecutive PFNs with their file offsets. */
  saved: PhysicalRun[];
}

export interface PhysicalRun {
  basePage: number;
  pageCount: number;
  /** File offset of the run's first page; −1 in the header runs of a summary or bitmap dump, whose pages are placed by the bitmap. */
  fileOffset: number;
}

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
  /** Summary and bitmap dumps: the page-bitmap header at 0x1000 (absent for full dumps). */
  bitmap?: BitmapHeaderModel;
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
