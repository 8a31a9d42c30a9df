/**
 * RAM above 4 GiB: the dump's runs reach past 1`00000000 and the marker pages read back at their 64-bit physical
 * addresses (through the analyzer's physical reader), while the 32 MiB fixture stays without them.
 */
import { openCrashDump } from '../analyzer/memory/openCrashDump';
import { writeHighMemoryDump, type HighMemoryDump } from './highMemoryDump';
import { highMemoryMarkerPfns } from './kit/highMemory';
import { PhysicalMemory, pcRunsFor } from './memory/physicalMemory';

describe('a 5 GiB machine', () => {
  let d: HighMemoryDump;
  beforeAll(async () => { d = await writeHighMemoryDump(); });
  afterAll(async () => { await d?.remove(); });

  it('has a physical run above 4 GiB and the marker at 1`00000000 and at its last page', () => {
    const dump = openCrashDump(d.path);
    try {
      expect(dump.header.runs.some((r) => r.basePage + r.pageCount > 0x100000)).toBe(true);
      // 5 GiB: 3 GiB below the PCI hole, the other 2 GiB remapped to 1`00000000..1`7fffffff.
      expect(d.markerPfns).toEqual([0x100000, 0x17ffff]);
      const first = dump.phys.read(0x100000000, 16)!;
      // dd: 00000000 00000001 6973646b 4d41526d — the line's own 64-bit address, then "kdsimRAM".
      expect(Buffer.from(first).toString('latin1')).toBe('\0\0\0\0\x01\0\0\0kdsimRAM');
      expect(Buffer.from(dump.phys.read(0x17ffff000, 0x1000)!)).toEqual(Buffer.from(d.markerPage(0x17ffff)));
      // Page 0 of the machine (what a 32-bit truncation of 1`00000000 reads) is not the marker.
      expect(Buffer.from(dump.phys.read(0x1000, 16) ?? new Uint8Array(16))).not.toEqual(Buffer.from(first));
    } finally {
      dump.close();
    }
  });

  it('marks nothing on a machine without RAM above 4 GiB', () => {
    expect(highMemoryMarkerPfns(new PhysicalMemory(pcRunsFor(32 << 20), 0xb00))).toEqual([]);
    expect(highMemoryMarkerPfns(new PhysicalMemory(pcRunsFor(3 * 2 ** 30), 0xb00))).toEqual([]);
  });
});
