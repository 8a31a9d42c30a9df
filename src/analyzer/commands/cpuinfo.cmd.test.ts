/** `!cpuinfo` on the got-stack dump: the header of a published kd session and one row per processor's KPRCB. */
import * as path from 'path';
import { openSession } from '../session/debugSession';
import { executeLine } from './dispatch';

const DUMP = path.resolve(__dirname, '../../../fixtures/dumps/got-stack.dmp');

it('!cpuinfo prints one row per processor in kdexts\' columns', async () => {
  const session = openSession(DUMP);
  try {
    const out = (await executeLine(session, '!cpuinfo')).flatMap((d) => d.lines);
    // Real header: "CP  F/M/S Manufacturer  MHz   PRCB Signature     MSR 8B Signature Features".
    expect(out[0]).toBe('CP  F/M/S Manufacturer  MHz   PRCB Signature     MSR 8B Signature Features');
    expect(out).toHaveLength(1 + 4);
    // Family 15 (CpuType 0xf), model 4 / stepping 1 (CpuStep 0x401), MHz 0xe56; MSR 8B unreadable in a dump.
    expect(out[4]).toBe(` 3  15,4,1 GenuineIntel 3670 0000000000000000  ${' '.repeat(16)} 00000000`);
  } finally {
    session.dump.close();
  }
});
