/**
 * `.dumpdebug` for a 32-bit kernel dump, laid out as dbgeng prints it (KernelFull32DumpTargetInfo::DumpDebug
 * and DumpHeader32): the DUMP_HEADER32 fields, then for a full dump the Physical Memory Description with one
 * line per run, for a summary or bitmap dump the page-bitmap header at 0x1000 (SUMMARY_DUMP32 / SUMMARY_DUMP).
 * Text fields that hold the 'PAGE' fill (or nothing) are left out, and so are SecondaryDataState,
 * ProductType/SuiteMask and WriterStatus while they still hold the fill, as dbgeng does.
 * One deliberate difference: physical addresses of runs above 4 GiB print in full, where dbgeng's 32-bit
 * arithmetic would truncate them.
 */
import type { DumpHeaderModel } from '../dump/types';

const PAGE_FILL = 0x45474150;
const PAGE = 0x1000;
const h8 = (v: number): string => v.toString(16).padStart(8, '0');

export interface DumpDebugModel {
  header: DumpHeaderModel;
  /** From the KDBG block (KiProcessorBlock and its entries); absent when the block is missing. null = unreadable. */
  processorBlock?: { address: number | null; entries: (number | null)[] };
}

const addr = (v: number | null): string => (v === null ? '????????' : h8(v));

/**
 * First line per dump type. dbgeng's titles for the full and summary dumps; for the bitmap dump no 32-bit
 * transcript was found, so it follows the 64-bit one ("Kernel Bitmap Dump Analysis - Full address space ...").
 */
const TITLE: Record<number, string> = {
  1: '----- 32 bit Kernel Full Dump Analysis',
  2: '----- 32 bit Kernel Summary Dump Analysis',
  5: '----- 32 bit Kernel Bitmap Dump Analysis - Full address space is available',
};

export function renderDumpDebug({ header: h, processorBlock }: DumpDebugModel): string[] {
  const field = (name: string, value: string) => `${name.padEnd(20)}${value}`;
  const lines = [
    TITLE[h.dumpType] ?? TITLE[1],
    '',
    'DUMP_HEADER32:',
    field('MajorVersion', h8(h.majorVersion)),
    field('MinorVersion', h8(h.minorVersion)),
    field('DirectoryTableBase', h8(h.directoryTableBase)),
    field('PfnDataBase', h8(h.pfnDataBase)),
    field('PsLoadedModuleList', h8(h.psLoadedModuleList)),
    field('PsActiveProcessHead', h8(h.psActiveProcessHead)),
    field('MachineImageType', h8(h.machineImageType)),
    field('NumberProcessors', h8(h.numberProcessors)),
    field('BugCheckCode', h8(h.bugCheckCode)),
    ...h.bugCheckParameters.map((p, i) => field(`BugCheckParameter${i + 1}`, h8(p))),
  ];
  if (h.versionUser) lines.push(field('VersionUser', `'${h.versionUser}'`));
  lines.push(field('PaeEnabled', h8(h.paeEnabled)), field('KdDebuggerDataBlock', h8(h.kdDebuggerDataBlock)));
  if (h.comment) lines.push(field('Comment', `'${h.comment}'`));
  if (h.secondaryDataState !== PAGE_FILL) lines.push(field('SecondaryDataState', h8(h.secondaryDataState)));
  if (h.productType !== PAGE_FILL) lines.push(field('ProductType', h8(h.productType)), field('SuiteMask', h8(h.suiteMask)));
  if (h.writerStatus !== PAGE_FILL) lines.push(field('WriterStatus', h8(h.writerStatus)));

  if (h.bitmap) {
    lines.push(...renderBitmapHeader(h.bitmap, field));
  } else {
    lines.push(...renderRuns(h));
  }
  if (processorBlock) {
    lines.push('', `KiProcessorBlock at ${addr(processorBlock.address)}`, `  ${processorBlock.entries.length} KiProcessorBlock entries:`,
      ` ${processorBlock.entries.map((e) => ` ${addr(e)}`).join('')}`);
  }
  return lines;
}

/** Summary and bitmap dumps: the page-bitmap header at 0x1000 (SUMMARY_DUMP32 / the bitmap header), as dbgeng names its fields. */
function renderBitmapHeader(b: NonNullable<DumpHeaderModel['bitmap']>, field: (name: string, value: string) => string): string[] {
  return [
    '',
    b.kind === 'SUMMARY_DUMP32' ? 'SUMMARY_DUMP32:' : 'SUMMARY_DUMP:',
    field('DumpOptions', h8(b.dumpOptions)),
    field('HeaderSize', h8(b.headerSize)),
    field('BitmapSize', h8(b.bitmapSize)),
    field('Pages', h8(b.pages)),
    field('Bitmap.SizeOfBitMap', h8(b.bitmapSize)),
  ];
}

function renderRuns(h: DumpHeaderModel): string[] {
  const lines: string[] = [];
  lines.push('', 'Physical Memory Description:', `Number of runs: ${h.runs.length}`, '          FileOffset  Start Address  Length');
  for (const r of h.runs) {
    lines.push(`           ${h8(r.fileOffset)}     ${h8(r.basePage * PAGE)}     ${h8(r.pageCount * PAGE)}`);
  }
  const last = h.runs[h.runs.length - 1];
  if (last) {
    lines.push(`Last Page: ${h8(last.fileOffset + (last.pageCount - 1) * PAGE)}     ${h8((last.basePage + last.pageCount - 1) * PAGE)}`);
  }
  return lines;
}
