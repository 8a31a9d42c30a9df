/**
 * The dump layer's part of opening a dump: file → bounded page cache → validated header and runs →
 * physical memory. Address translation is the memory layer's (memory/openCrashDump.ts builds on this).
 */
import { FileSource } from '../source/fileSource';
import { PageCache } from '../source/pageCache';
import type { ByteSource } from '../source/types';
import { validateHeader32 } from './validateHeader';
import type { RawHeader32 } from './headerModel';
import { RunIndex } from './runIndex';
import { DumpPhysicalMemory } from './physicalMemory';

export interface OpenOptions {
  /** 4 KiB blocks the page cache may hold (default 2048 = 8 MiB). */
  cachePages?: number;
}

export interface PhysicalDump {
  source: ByteSource;
  header: RawHeader32;
  index: RunIndex;
  phys: DumpPhysicalMemory;
}

/** Validates the header of `raw` and indexes its runs; closes the source when that fails. */
export function openPhysicalDumpFrom(raw: ByteSource, opts: OpenOptions = {}): PhysicalDump {
  const source = new PageCache(raw, opts.cachePages ?? 2048);
  try {
    const { header, runs } = validateHeader32(source);
    const index = new RunIndex(RunIndex.layout(runs));
    return { source, header, index, phys: new DumpPhysicalMemory(source, index) };
  } catch (e) {
    source.close();
    throw e;
  }
}

export function openPhysicalDump(path: string, opts: OpenOptions = {}): PhysicalDump {
  return openPhysicalDumpFrom(FileSource.open(path), opts);
}
