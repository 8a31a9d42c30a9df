/**
 * Opens a 32-bit full crash dump: file → bounded page cache → validated header and runs → physical memory
 * → the kernel address space through the header's DirectoryTableBase. Throws one-line KdsimErrors for
 * anything it cannot read; a dump with sound paging but garbage kernel data still opens, with warnings.
 */
import { FileSource } from '../source/fileSource';
import { PageCache } from '../source/pageCache';
import type { ByteSource } from '../source/types';
import { PAE_PAGING, X86_PAGING } from '../memory/pagingModes';
import { DumpVirtualMemory } from '../memory/virtualMemory';
import { validateHeader32 } from './validateHeader';
import { toHeaderModel } from './headerModel';
import { RunIndex } from './runIndex';
import { DumpPhysicalMemory } from './physicalMemory';
import { checkPagingRoot } from './pagingCheck';
import { kdbgWarning } from './kdbgCheck';
import type { CrashDump } from './types';

export interface OpenOptions {
  /** 4 KiB blocks the page cache may hold (default 2048 = 8 MiB). */
  cachePages?: number;
}

export function openCrashDump(path: string, opts: OpenOptions = {}): CrashDump {
  return openCrashDumpFrom(FileSource.open(path), path, opts);
}

/** The same over any ByteSource (in-memory dumps in tests); the source is closed on failure. */
export function openCrashDumpFrom(raw: ByteSource, path: string, opts: OpenOptions = {}): CrashDump {
  const source = new PageCache(raw, opts.cachePages ?? 2048);
  try {
    const { header: h, runs } = validateHeader32(source);
    const index = new RunIndex(RunIndex.layout(runs));
    const phys = new DumpPhysicalMemory(source, index);
    const mode = h.PaeEnabled ? PAE_PAGING : X86_PAGING;
    checkPagingRoot(source.name, h.DirectoryTableBase, mode, phys, index);
    const kernelVm = new DumpVirtualMemory(phys, h.DirectoryTableBase, mode);
    const warning = kdbgWarning(kernelVm, h.KdDebuggerDataBlock);
    return {
      path,
      fileSize: source.size,
      header: toHeaderModel(h, index.runs.slice()),
      phys,
      kernelVm,
      warnings: warning ? [warning] : [],
      close: () => source.close(),
    };
  } catch (e) {
    source.close();
    throw e;
  }
}
