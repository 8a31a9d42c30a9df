/**
 * `kdsim simulate --dump-type`: one scenario, four file formats. The machine is the same; what differs is which
 * of its pages the file keeps and how they are laid out (dump-format.md §1.3–§1.5, docs/simulator.md):
 *   full   DumpType 1, every page of every run, laid out by run;
 *   kernel DumpType 2, SUMMARY_DUMP32 + bitmap, the kernel-space pages and page tables (kernelPages.ts);
 *   bitmap DumpType 5, the 'FDMP' bitmap header + bitmap, every page (what volatility3 reads).
 */
import { DumpType } from '../../format/dumpHeader32';
import { writeFullDump32File, type FullDump32Spec } from '../../format/dumpWriter';
import { writeBitmapDump32File } from '../../format/bitmapDumpWriter';
import { kernelPfns } from './kernelPages';

export const DUMP_TYPES = ['full', 'kernel', 'bitmap'] as const;
export type DumpTypeName = typeof DUMP_TYPES[number];

/** Writes `file` (created exclusively; simulate's commitAll renames it into place with the truth). */
export async function writeDumpOfTypeFile(file: string, spec: FullDump32Spec, type: DumpTypeName): Promise<{ fileSize: number; pagesWritten: number }> {
  switch (type) {
    case 'full': return writeFullDump32File(file, spec);
    case 'bitmap': return writeBitmapDump32File(file, { ...spec, dumpType: DumpType.BITMAP_FULL });
    case 'kernel': {
      const saved = kernelPfns(spec.header.directoryTableBase, (spec.header.paeEnabled ?? 1) === 1, spec.runs, spec.readPage);
      return writeBitmapDump32File(file, { ...spec, dumpType: DumpType.SUMMARY, savedPfns: saved });
    }
  }
}
