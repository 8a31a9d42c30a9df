/**
 * Header checks of dump-format.md §1.3, each failing with the offending field's value and file offset.
 * All arithmetic is on JS numbers from u32 fields: sums of at most 86 u32s stay far below 2^53, so no
 * check can overflow; counts are bounded before anything is allocated from them.
 */
import {
  DUMP_HEADER32, DumpType, IMAGE_FILE_MACHINE_I386, MAX_RUNS_32, PAGE_FILL, PHYSICAL_MEMORY_DESCRIPTOR32,
} from '../../format/dumpHeader32';
import { offsetOf } from '../../format/layout';
import type { ByteSource } from '../source/types';
import { describeTag, detectDumpKind } from './detect';
import { DumpFormatError, UnsupportedDumpError } from './dumpErrors';
import { decodeHeader32, type RawHeader32 } from './headerModel';

const hex = (v: number): string => `0x${v.toString(16)}`;
const at = (field: Parameters<typeof offsetOf<typeof DUMP_HEADER32>>[1]) => ({ fileOffset: offsetOf(DUMP_HEADER32, field), field });
const RUNS_AT = offsetOf(DUMP_HEADER32, 'PhysicalMemoryBlock');
const runAt = (i: number) => ({ fileOffset: RUNS_AT + offsetOf(PHYSICAL_MEMORY_DESCRIPTOR32, 'Run') + 8 * i, field: `Run[${i}]` });
/** PAE physical addresses have 40 bits (volatility3's MAXPHYADDR for PAE): PFNs below 2^28. */
const PFN_LIMIT = 2 ** 28;

/** Full, kernel summary and bitmap dumps are read; these are recognised and refused. */
const READ_TYPES: number[] = [DumpType.FULL, DumpType.SUMMARY, DumpType.BITMAP_FULL];
const UNSUPPORTED_TYPES: Record<number, string> = {
  [DumpType.HEADER]: 'a header-only dump (DumpType 3)',
  [DumpType.TRIAGE]: 'a small memory (triage) dump (DumpType 4)',
  [DumpType.BITMAP_FULL]: 'a bitmap full dump (DumpType 5)',
  [DumpType.BITMAP_KERNEL]: 'a bitmap kernel dump (DumpType 6)',
};

export interface ValidRun { basePage: number; pageCount: number }

/**
 * Reads and checks the header; returns it with the run list it vouches for. Whether the file holds every page
 * the header promises is the caller's question (a file cut short still opens, with a warning).
 */
export function validateHeader32(src: ByteSource): { header: RawHeader32; runs: ValidRun[] } {
  const name = src.name;
  if (src.size === 0) throw new DumpFormatError(name, 'the file is empty (0 bytes); a crash dump starts with a 0x1000-byte DUMP_HEADER32');
  const head = src.read(0, Math.min(src.size, DUMP_HEADER32.size));
  const kind = detectDumpKind(head);
  if (kind === 'PAGEDU64') throw new UnsupportedDumpError(name, 'a 64-bit kernel dump (PAGEDU64)');
  if (kind === 'MDMP') throw new UnsupportedDumpError(name, 'a user-mode minidump (MDMP)');
  if (kind === 'unknown') {
    if (head.length < 8) throw new DumpFormatError(name, `the file is ${head.length} bytes, too short for the 'PAGE' 'DUMP' signatures`);
    if (Buffer.from(head.subarray(0, 4)).toString('latin1') !== 'PAGE') {
      throw new DumpFormatError(name, `not a crash dump: Signature ${describeTag(head.subarray(0, 4))} is not 'PAGE'`, at('Signature'));
    }
    throw new DumpFormatError(name, `not a 32-bit crash dump: ValidDump ${describeTag(head.subarray(4, 8))} is not 'DUMP'`, at('ValidDump'));
  }
  if (src.size < DUMP_HEADER32.size) {
    throw new DumpFormatError(name, `the file is ${hex(src.size)} bytes, shorter than the 0x1000-byte DUMP_HEADER32 (truncated dump?)`);
  }
  const h = decodeHeader32(head);
  if (h.MachineImageType !== IMAGE_FILE_MACHINE_I386) {
    throw new DumpFormatError(name, `MachineImageType ${hex(h.MachineImageType)} is not i386 (0x14c) in a 32-bit dump header`, at('MachineImageType'));
  }
  if (!READ_TYPES.includes(h.DumpType)) {
    const what = UNSUPPORTED_TYPES[h.DumpType];
    if (what) throw new UnsupportedDumpError(name, what, at('DumpType'));
    const fill = h.DumpType === PAGE_FILL ? " (the 'PAGE' fill: never written)" : '';
    throw new DumpFormatError(name, `DumpType ${hex(h.DumpType)}${fill} is not a known dump type`, at('DumpType'));
  }
  if (h.PaeEnabled > 1) throw new DumpFormatError(name, `PaeEnabled ${hex(h.PaeEnabled)} is neither 0 nor 1`, at('PaeEnabled'));
  const runs = checkRuns(name, h);
  return { header: h, runs };
}

function checkRuns(name: string, h: RawHeader32): ValidRun[] {
  const block = h.PhysicalMemoryBlock;
  const count = block.NumberOfRuns;
  const countAt = { fileOffset: RUNS_AT, field: 'NumberOfRuns' };
  if (count === PAGE_FILL) throw new DumpFormatError(name, `NumberOfRuns ${hex(count)} is the 'PAGE' fill: the physical memory descriptor was never written`, countAt);
  if (count > MAX_RUNS_32) throw new DumpFormatError(name, `NumberOfRuns ${hex(count)} exceeds the ${MAX_RUNS_32} runs a DUMP_HEADER32 can hold`, countAt);
  if (count === 0) throw new DumpFormatError(name, 'NumberOfRuns is 0: the dump holds no physical memory', countAt);
  const runs = block.Run.slice(0, count).map((r) => ({ basePage: r.BasePage, pageCount: r.PageCount }));
  const show = (i: number) => `run ${i} (BasePage ${hex(runs[i].basePage)}, PageCount ${hex(runs[i].pageCount)})`;
  let total = 0;
  runs.forEach((r, i) => {
    if (r.basePage + r.pageCount > PFN_LIMIT) throw new DumpFormatError(name, `${show(i)} ends above the 40-bit PAE physical address space`, runAt(i));
    if (i > 0) {
      const prev = runs[i - 1];
      if (r.basePage < prev.basePage) throw new DumpFormatError(name, `${show(i)} is below ${show(i - 1)}: runs must be sorted by BasePage`, runAt(i));
      if (r.basePage < prev.basePage + prev.pageCount) throw new DumpFormatError(name, `${show(i)} overlaps ${show(i - 1)}`, runAt(i));
    }
    total += r.pageCount;
  });
  if (total !== block.NumberOfPages) {
    throw new DumpFormatError(name, `NumberOfPages ${hex(block.NumberOfPages)} is not the sum of the runs' PageCounts (${hex(total)})`, { fileOffset: RUNS_AT + 4, field: 'NumberOfPages' });
  }
  return runs;
}
