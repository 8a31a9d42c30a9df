/**
 * `.dumpdebug` for a 32-bit full dump, laid out as dbgeng prints it (KernelFull32DumpTargetInfo::DumpDebug
 * and DumpHeader32): the DUMP_HEADER32 fields, then the Physical Memory Description with one line per run.
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

export function renderDumpDebug({ header: h, processorBlock }: DumpDebugModel): string[] {
  const field = (name: string, value: string) => `${name.padEnd(20)}${value}`;
  const lines = [
    '----- 32 bit Kernel Full Dump Analysis',
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

  lines.push('', 'Physical Memory Description:', `Number of runs: ${h.runs.length}`, '          FileOffset  Start Address  Length');
  for (const r of h.runs) {
    lines.push(`           ${h8(r.fileOffset)}     ${h8(r.basePage * PAGE)}     ${h8(r.pageCount * PAGE)}`);
  }
  const last = h.runs[h.runs.length - 1];
  if (last) {
    lines.push(`Last Page: ${h8(last.fileOffset + (last.pageCount - 1) * PAGE)}     ${h8((last.basePage + last.pageCount - 1) * PAGE)}`);
  }
  if (processorBlock) {
    lines.push('', `KiProcessorBlock at ${addr(processorBlock.address)}`, `  ${processorBlock.entries.length} KiProcessorBlock entries:`,
      ` ${processorBlock.entries.map((e) => ` ${addr(e)}`).join('')}`);
  }
  return lines;
}
