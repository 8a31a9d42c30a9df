/**
 * `TRIAGE_DUMP32`, the x86 small memory dump (DumpType 4, the Minidump folder's 64 KB file): at file offset 0x1000,
 * after DUMP_HEADER32, a directory of file offsets to what the kernel saved (mindumpdef.h / ntiodump.h, as in
 * dump-format.md §1.6): the CONTEXT and EXCEPTION records, the bugchecking processor's KPRCB, the current
 * EPROCESS and ETHREAD, the crashing thread's kernel stack (from its ESP up to `TopOfStack`), the loaded-driver
 * list (DUMP_DRIVER_ENTRY32 + a string pool of DUMP_STRINGs), and extra data blocks (TRIAGE_DATA_BLOCK: a VA,
 * a file offset and a size — pages the kernel judged useful, e.g. around the faulting address).
 * There is no physical memory and there are no page tables: a reader sees saved virtual ranges only.
 */
import { defineLayout, u32, u64 } from './layout';

export const TRIAGE_DUMP32 = defineLayout('TRIAGE_DUMP32', 0x68, {
  ServicePackBuild: [0x00, u32],
  SizeOfDump: [0x04, u32],
  /** File offset of the 'DGRT' ULONG at the end of the dump: the dump was written completely. */
  ValidOffset: [0x08, u32],
  ContextOffset: [0x0c, u32],
  ExceptionOffset: [0x10, u32],
  MmOffset: [0x14, u32],
  UnloadedDriversOffset: [0x18, u32],
  PrcbOffset: [0x1c, u32],
  ProcessOffset: [0x20, u32],
  ThreadOffset: [0x24, u32],
  CallStackOffset: [0x28, u32],
  SizeOfCallStack: [0x2c, u32],
  DriverListOffset: [0x30, u32],
  DriverCount: [0x34, u32],
  StringPoolOffset: [0x38, u32],
  StringPoolSize: [0x3c, u32],
  BrokenDriverOffset: [0x40, u32],
  TriageOptions: [0x44, u32],
  /** The highest address of the saved stack: the stack bytes are the range [TopOfStack − SizeOfCallStack, TopOfStack). */
  TopOfStack: [0x48, u32],
  DataPageAddress: [0x4c, u32],
  DataPageOffset: [0x50, u32],
  DataPageSize: [0x54, u32],
  DebuggerDataOffset: [0x58, u32],
  DebuggerDataSize: [0x5c, u32],
  DataBlocksOffset: [0x60, u32],
  DataBlocksCount: [0x64, u32],
});

/** One saved virtual range of a triage dump (mindumpdef.h: ULONG64 Address, ULONG Offset, ULONG Size). */
export const TRIAGE_DATA_BLOCK = defineLayout('TRIAGE_DATA_BLOCK', 0x10, {
  Address: [0x0, u64],
  Offset: [0x8, u32],
  Size: [0xc, u32],
});

/** 'DGRT' at ValidOffset (TRIAGE_DUMP_VALID), and the 64 KB size of an x86 triage dump (TRIAGE_DUMP_SIZE32). */
export const TRIAGE_DUMP_VALID = 0x54524744;
export const TRIAGE_DUMP_SIZE32 = 0x10000;
export const TRIAGE_DUMP_HEADER_OFFSET = 0x1000;

/** MiniDumpFields / TriageOptions bits (mindumpdef.h TRIAGE_DUMP_*). */
export const TriageFields = {
  CONTEXT: 0x1, EXCEPTION: 0x2, PRCB: 0x4, PROCESS: 0x8, THREAD: 0x10, STACK: 0x20, DRIVER_LIST: 0x40,
  BROKEN_DRIVER: 0x80, MMINFO: 0x100, DATAPAGE: 0x200, DEBUGGER_DATA: 0x400, DATA_BLOCKS: 0x800,
} as const;
