/**
 * The dump layer's part of opening a dump: file → bounded page cache → validated header → the page index of its
 * dump type (runs for a full dump, the page bitmap for summary and bitmap dumps) → physical memory.
 * Address translation is the memory layer's (memory/openCrashDump.ts builds on this).
 */
import { PAGE_SIZE } from '../../common/hex';
import { DumpType, HEADER_PAGES_32 } from '../../format/dumpHeader32';
import { FileSource } from '../source/fileSource';
import { PageCache } from '../source/pageCache';
import type { ByteSource } from '../source/types';
import { validateHeader32 } from './validateHeader';
import type { RawHeader32 } from './headerModel';
import { RunIndex } from './runIndex';
import { DumpPhysicalMemory } from './physicalMemory';
import { readBitmapHeader } from './validateBitmap';
import { truncationWarning } from './truncation';
import type { BitmapHeaderModel, PageIndex, PhysicalRun } from './types';

export interface OpenOptions {
  /** 4 KiB blocks the page cache may hold (default 2048 = 8 MiB). */
  cachePages?: number;
}

export interface PhysicalDump {
  source: ByteSource;
  header: RawHeader32;
  /** The header's physical memory runs, with file offsets for a full dump (fileOffset −1: not laid out by run). */
  runs: PhysicalRun[];
  index: PageIndex;
  phys: DumpPhysicalMemory;
  /** Summary and bitmap dumps: the page-bitmap header at 0x1000. */
  bitmap?: BitmapHeaderModel;
  /** Lines to show on open (a truncated file). */
  warnings: string[];
}

/** Validates the header of `raw` and indexes its pages; closes the source when that fails. */
export function openPhysicalDumpFrom(raw: ByteSource, opts: OpenOptions = {}): PhysicalDump {
  const source = new PageCache(raw, opts.cachePages ?? 2048);
  try {
    const { header, runs } = validateHeader32(source);
    if (header.DumpType === DumpType.FULL) {
      const index = new RunIndex(RunIndex.layout(runs));
      const expected = (HEADER_PAGES_32 + header.PhysicalMemoryBlock.NumberOfPages) * PAGE_SIZE;
      return { source, header, runs: index.runs.slice(), index, phys: new DumpPhysicalMemory(source, index), warnings: truncationWarning(source.size, expected) };
    }
    const { model, index } = readBitmapHeader(source, header.DumpType);
    return {
      source, header, runs: runs.map((r) => ({ ...r, fileOffset: -1 })), index, phys: new DumpPhysicalMemory(source, index),
      bitmap: model, warnings: truncationWarning(source.size, index.end),
    };
  } catch (e) {
    source.close();
    throw e;
  }
}

export function openPhysicalDump(path: string, opts: OpenOptions = {}): PhysicalDump {
  return openPhysicalDumpFrom(FileSource.open(path), opts);
}
