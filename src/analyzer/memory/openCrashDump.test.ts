import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { writeFullDump32 } from '../../format/dumpWriter';
import { openCrashDump } from './openCrashDump';
import { TestMachine } from '../../testing/testMachine';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kdsim-open-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const KDBG_VA = 0x8088ae78;

async function writeMachine(name: string, withKdbg: boolean): Promise<string> {
  const m = new TestMachine([{ basePage: 0x30, pageCount: 0x40 }, { basePage: 0x200, pageCount: 0x10 }]);
  const pa = m.map(0x8088a000);
  if (withKdbg) m.writePhys(pa + 0xe78 + 0x10, Buffer.from('KDBG\x18\x03', 'latin1'));
  m.map(0x8088b000, 0x201000);
  const file = path.join(dir, name);
  await writeFullDump32(file, m.spec({ kdDebuggerDataBlock: KDBG_VA, comment: 'test', numberProcessors: 2, context: { eip: 0x80812345, esp: 0xf7737f00, cs: 8, ss: 0x10, efl: 0x286 } }));
  return file;
}

describe('openCrashDump', () => {
  it('opens a sound full dump: header model, runs with file offsets, kernel reads through the header DTB', async () => {
    const d = openCrashDump(await writeMachine('sound.dmp', true));
    try {
      expect(d.header).toMatchObject({ signature: 'PAGE', validDump: 'DUMP', numberProcessors: 2, bugCheckCode: 0x7f, comment: 'test', dumpType: 1, paeEnabled: 1 });
      expect(d.header.runs).toEqual([{ basePage: 0x30, pageCount: 0x40, fileOffset: 0x1000 }, { basePage: 0x200, pageCount: 0x10, fileOffset: 0x41000 }]);
      expect(d.header.context).toMatchObject({ eip: 0x80812345, esp: 0xf7737f00, contextFlags: 0x1003f });
      expect(d.fileSize).toBe(0x51000);
      expect(d.kernelVm.readU32(KDBG_VA + 0x10)).toBe(0x4742444b);
      expect(d.phys.has(0x201000)).toBe(true);
      expect(d.phys.read(0x70000, 4)).toBeNull();
      expect(d.warnings).toEqual([]);
    } finally {
      d.close();
    }
  });

  it('still opens a dump whose KDBG block is garbage, with one warning line', async () => {
    const d = openCrashDump(await writeMachine('no-kdbg.dmp', false));
    expect(d.warnings).toEqual(["WARNING: KdDebuggerDataBlock 8088ae78 has OwnerTag 00000000, not 'KDBG'; kernel debugger data is missing or corrupt"]);
    expect(d.kernelVm.readU32(KDBG_VA)).toBe(0);
    d.close();
  });

  it('warns when the KDBG block is not mapped at all', async () => {
    const file = await writeMachine('unmapped-kdbg.dmp', true);
    const fd = fs.openSync(file, 'r+');
    const b = Buffer.alloc(4);
    b.writeUInt32LE(0x80900000);
    fs.writeSync(fd, b, 0, 4, 0x60); // KdDebuggerDataBlock -> an unmapped VA
    fs.closeSync(fd);
    const d = openCrashDump(file);
    expect(d.warnings).toHaveLength(1);
    expect(d.warnings[0]).toMatch(/^WARNING: KdDebuggerDataBlock 80900000 is not readable \(PTE 0x0 at PA 0x[0-9a-f]+ \(index 0x100\) is not present\); kernel lists and symbols may be unavailable$/);
    d.close();
  });
});
