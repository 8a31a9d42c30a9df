/**
 * `DUMP_HEADER32` ('PAGE' 'DUMP', 0x1000 bytes) and `PHYSICAL_MEMORY_DESCRIPTOR32` (dump-format.md §1,
 * mindumpdef.h). Offsets are written once, here; reader, writer and validator messages all use them.
 */
import { array, bytes, char, defineLayout, nested, u32, u64, u8 } from './layout';
import { CONTEXT_X86 } from './x86Context';
import { EXCEPTION_RECORD32 } from './exceptionRecord32';

export const PHYSICAL_MEMORY_RUN32 = defineLayout('PHYSICAL_MEMORY_RUN32', 8, {
  BasePage: [0x0, u32],
  PageCount: [0x4, u32],
});

/** (700 − 8) / 8: the most runs the header's 700-byte PhysicalMemoryBlockBuffer can hold. */
export const MAX_RUNS_32 = 86;

export const PHYSICAL_MEMORY_DESCRIPTOR32 = defineLayout('PHYSICAL_MEMORY_DESCRIPTOR32', 700, {
  NumberOfRuns: [0x0, u32],
  NumberOfPages: [0x4, u32],
  Run: [0x8, array(nested(PHYSICAL_MEMORY_RUN32), MAX_RUNS_32)],
});

export const DUMP_HEADER32 = defineLayout('DUMP_HEADER32', 0x1000, {
  Signature: [0x000, u32],
  ValidDump: [0x004, u32],
  MajorVersion: [0x008, u32],
  MinorVersion: [0x00c, u32],
  DirectoryTableBase: [0x010, u32],
  PfnDataBase: [0x014, u32],
  PsLoadedModuleList: [0x018, u32],
  PsActiveProcessHead: [0x01c, u32],
  MachineImageType: [0x020, u32],
  NumberProcessors: [0x024, u32],
  BugCheckCode: [0x028, u32],
  BugCheckParameter1: [0x02c, u32],
  BugCheckParameter2: [0x030, u32],
  BugCheckParameter3: [0x034, u32],
  BugCheckParameter4: [0x038, u32],
  VersionUser: [0x03c, char(32)],
  PaeEnabled: [0x05c, u8],
  KdSecondaryVersion: [0x05d, u8],
  Spare3: [0x05e, bytes(2)],
  KdDebuggerDataBlock: [0x060, u32],
  PhysicalMemoryBlock: [0x064, nested(PHYSICAL_MEMORY_DESCRIPTOR32)],
  // ContextRecord is a 1200-byte buffer; the CONTEXT fills its first 0x2CC bytes, the rest keeps the fill.
  ContextRecord: [0x320, nested(CONTEXT_X86)],
  Exception: [0x7d0, nested(EXCEPTION_RECORD32)],
  Comment: [0x820, char(128)],
  Attributes: [0x8a0, u32],
  BootId: [0x8a4, u32],
  Reserved0: [0x8a8, bytes(1760)],
  DumpType: [0xf88, u32],
  MiniDumpFields: [0xf8c, u32],
  SecondaryDataState: [0xf90, u32],
  ProductType: [0xf94, u32],
  SuiteMask: [0xf98, u32],
  WriterStatus: [0xf9c, u32],
  RequiredDumpSpace: [0xfa0, u64],
  Reserved2: [0xfa8, bytes(16)],
  SystemUpTime: [0xfb8, u64],
  SystemTime: [0xfc0, u64],
  Reserved3: [0xfc8, bytes(56)],
});

/** The 'PAGE' and 'DUMP' signatures as little-endian ULONGs, and the 64-bit 'DU64'. */
export const DUMP_SIGNATURE32 = 0x45474150;
export const DUMP_VALID_DUMP32 = 0x504d5544;
export const DUMP_VALID_DUMP64 = 0x34365544;
/** Every header ULONG the kernel did not write still holds this ('PAGE'). */
export const PAGE_FILL = DUMP_SIGNATURE32;
export const IMAGE_FILE_MACHINE_I386 = 0x14c;
/** Page data of a 32-bit full dump starts right after the one header page. */
export const HEADER_PAGES_32 = 1;

export const DumpType = {
  FULL: 1,
  SUMMARY: 2,
  HEADER: 3,
  TRIAGE: 4,
  BITMAP_FULL: 5,
  BITMAP_KERNEL: 6,
} as const;

/** A 0x1000-byte buffer pre-filled with 'PAGE', as the kernel starts every header. */
export function pageFilledHeader(): Uint8Array {
  const buf = new Uint8Array(DUMP_HEADER32.size);
  const fill = Buffer.from('PAGE', 'latin1');
  for (let i = 0; i < buf.length; i += 4) buf.set(fill, i);
  return buf;
}
