/**
 * A dump with RAM above 4 GiB, for tests of physical addressing past 32 bits: the got-stack machine with
 * `ramBytes` (default 5 GiB) written to a fresh temporary directory as a sparse file (a few MiB on disk, about
 * two seconds). The first and last page above 4 GiB hold the kit's marker (kit/highMemory.ts): at physical
 * 1`00000000, `!dd 1`00000000 L4` prints `00000000 00000001 6973646b 4d41526d`.
 *
 *   const d = await writeHighMemoryDump();
 *   try { ... open d.path ... } finally { await d.remove(); }
 */
import { promises as fsp } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { highMemoryMarkerPage, highMemoryMarkerPfns } from './kit/highMemory';
import { PhysicalMemory, pcRunsFor } from './memory/physicalMemory';
import { simulate } from './simulate';

export interface HighMemoryDump {
  path: string;
  ramBytes: number;
  /** Frames of the marker pages (first and last page at or above 4 GiB). */
  markerPfns: number[];
  /** What the marker page of `pfn` holds. */
  markerPage(pfn: number): Uint8Array;
  /** Deletes the dump and its directory. */
  remove(): Promise<void>;
}

export async function writeHighMemoryDump(ramBytes = 5 * 2 ** 30): Promise<HighMemoryDump> {
  if (ramBytes <= 3 * 2 ** 30) throw new Error('writeHighMemoryDump: RAM must exceed 3 GiB to reach above 4 GiB');
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'kdsim-highmem-'));
  const remove = (): Promise<void> => fsp.rm(dir, { recursive: true, force: true });
  const file = path.join(dir, `got-stack-${Math.round(ramBytes / 2 ** 20)}M.dmp`);
  try {
    await simulate({ scenario: 'got-stack', output: file, ramBytes });
  } catch (e) {
    await remove();
    throw e;
  }
  const markerPfns = highMemoryMarkerPfns(new PhysicalMemory(pcRunsFor(ramBytes), 0));
  return { path: file, ramBytes, markerPfns, markerPage: highMemoryMarkerPage, remove };
}
