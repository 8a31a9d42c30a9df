/**
 * Opens a 32-bit kernel crash dump (full, summary or bitmap): the dump layer's validated physical memory (dump/openPhysicalDump.ts),
 * the paging-root check, and the kernel address space through the header's DirectoryTableBase.
 * Throws one-line KdsimErrors for anything it cannot read; a dump with sound paging but garbage kernel
 * data still opens, with warnings. (It lives in the memory layer because a CrashDump carries a
 * VirtualMemory, and the dump layer may not import the memory layer.)
 */
import { FileSource } from '../source/fileSource';
import type { ByteSource } from '../source/types';
import { openPhysicalDumpFrom, type OpenOptions } from '../dump/openPhysicalDump';
import { toHeaderModel } from '../dump/headerModel';
import type { CrashDump } from '../dump/types';
import { PAE_PAGING, X86_PAGING } from './pagingModes';
import { DumpVirtualMemory } from './virtualMemory';
import { checkPagingRoot } from './pagingCheck';
import { kdbgWarning } from './kdbgCheck';
import { processorCountWarning } from '../dump/processorCount';

export type { OpenOptions } from '../dump/openPhysicalDump';

export function openCrashDump(path: string, opts: OpenOptions = {}): CrashDump {
  return openCrashDumpFrom(FileSource.open(path), path, opts);
}

/** The same over any ByteSource (in-memory dumps in tests); the source is closed on failure. */
export function openCrashDumpFrom(raw: ByteSource, path: string, opts: OpenOptions = {}): CrashDump {
  const { source, header: h, runs, index, phys, bitmap, warnings: openWarnings } = openPhysicalDumpFrom(raw, opts);
  try {
    const mode = h.PaeEnabled ? PAE_PAGING : X86_PAGING;
    checkPagingRoot(source.name, h.DirectoryTableBase, mode, phys, index);
    const kernelVm = new DumpVirtualMemory(phys, h.DirectoryTableBase, mode);
    const warnings = [processorCountWarning(h.NumberProcessors), kdbgWarning(kernelVm, h.KdDebuggerDataBlock)]
      .filter((w): w is string => !!w);
    return {
      path,
      fileSize: source.size,
      header: { ...toHeaderModel(h, runs), ...(bitmap ? { bitmap } : {}) },
      phys,
      kernelVm,
      warnings: [...openWarnings, ...warnings],
      close: () => source.close(),
    };
  } catch (e) {
    source.close();
    throw e;
  }
}
