/**
 * The page-bitmap headers that follow DUMP_HEADER32 at file offset 0x1000 in the two bitmap-based x86 dump types
 * (dump-format.md §1.4, §1.5, §2.2):
 *  - `SUMMARY_DUMP32` ('SDMP' 'DUMP'), DumpType 2, the "kernel memory dump" of XP/2003/7 (mindumpdef.h; its WDK
 *    PDB layout: size 0x20 + a ULONG bitmap, `HeaderSize` = file offset of the first saved page);
 *  - the bitmap dump header ('FDMP' or 'SDMP' 'DUMP', 64-bit counters), DumpType 5/6 as Windows 8+ writes it for
 *    x86 too — the `_SUMMARY_DUMP` volatility3 reads (crash_common.json) and kdmp-parser's `BMP_HEADER64`.
 * In both, bit n of the bitmap (bit n%32 of ULONG n/32) set means PFN n is saved, and saved pages follow one
 * another in ascending PFN order from `HeaderSize`/`FirstPage`: file offset = first + rank(n) × 0x1000.
 */
import { bytes, defineLayout, u32, u64 } from './layout';

export const SUMMARY_DUMP32 = defineLayout('SUMMARY_DUMP32', 0x20, {
  Signature: [0x00, u32],
  ValidDump: [0x04, u32],
  DumpOptions: [0x08, u32],
  /** File offset of the first saved page ("Offset to the start of actual memory dump"). */
  HeaderSize: [0x0c, u32],
  /** Bits in the bitmap: the highest PFN described + 1. */
  BitmapSize: [0x10, u32],
  /** Bits set: pages saved. */
  Pages: [0x14, u32],
  /** The on-disk RTL_BITMAP: SizeOfBitMap, the serialised Buffer pointer slot, then Buffer[] at +0x20. */
  SizeOfBitMap: [0x18, u32],
  BitmapBufferSlot: [0x1c, u32],
});

export const BITMAP_DUMP_HEADER = defineLayout('BITMAP_DUMP_HEADER', 0x38, {
  Signature: [0x00, u32],
  ValidDump: [0x04, u32],
  DumpOptions: [0x08, u32],
  /** Not decoded by any public reader (volatility3, kdmp-parser, Rekall); kept as bytes. */
  Reserved: [0x0c, bytes(0x14)],
  /** File offset of the first saved page (volatility3: HeaderSize; kdmp-parser: FirstPage). */
  FirstPage: [0x20, u64],
  /** Bits set: pages saved (volatility3: Pages; kdmp-parser: TotalPresentPages). */
  TotalPresentPages: [0x28, u64],
  /** Bits in the bitmap (volatility3: BitmapSize; kdmp-parser: Pages). */
  BitmapSize: [0x30, u64],
});

/** Where the bitmap's ULONGs start, relative to each header. */
export const SUMMARY_BITMAP_AT = 0x20;
export const BITMAP_DUMP_BITMAP_AT = 0x38;
/** Both headers sit right after the one-page DUMP_HEADER32. */
export const BITMAP_HEADER_FILE_OFFSET = 0x1000;

/** 'SDMP', 'FDMP' and 'DUMP' as little-endian ULONGs (mindumpdef.h DUMP_SUMMARY_SIGNATURE, DUMP_FULL_SIGNATURE). */
export const DUMP_SUMMARY_SIGNATURE = 0x504d4453;
export const DUMP_FULL_SIGNATURE = 0x504d4446;
export const DUMP_SUMMARY_VALID = 0x504d5544;
/** SUMMARY_DUMP DumpOptions bits (mindumpdef.h). */
export const DUMP_SUMMARY_VALID_KERNEL_VA = 1;
export const DUMP_SUMMARY_VALID_CURRENT_USER_VA = 2;

