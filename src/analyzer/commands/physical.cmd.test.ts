/**
 * `!dd` above 4 GiB: a small synthetic full dump whose RAM has a page at physical 0x100000000 (the first page
 * past 4 GiB of a 5 GiB machine) and one at 0x3ffff000. The 64-bit expression value reaches the physical
 * layer whole, so neither address is read as its low 32 bits.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { writeFullDump32 } from '../../format/dumpWriter';
import { TestMachine } from '../../testing/testMachine';
import { openDump, runLineText, type Session } from '../index';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kdsim-phys64-'));
let session: Session;

beforeAll(async () => {
  const m = new TestMachine([{ basePage: 0x30, pageCount: 0x10 }, { basePage: 0x3ffff, pageCount: 1 }, { basePage: 0x100000, pageCount: 1 }]);
  const words = (pa: number, ...v: number[]) => m.writePhys(pa, new Uint8Array(new Uint32Array(v).buffer));
  words(0x3ffff000, 0xdead0001, 0xdead0002, 0xdead0003, 0xdead0004);
  words(0x100000000, 0x40000001, 0x40000002, 0x40000003, 0x40000004);
  const file = path.join(dir, 'above4g.dmp');
  await writeFullDump32(file, m.spec({ numberProcessors: 1, context: { eip: 0x80812345, esp: 0xf7737f00, cs: 8, ss: 0x10, efl: 0x286 } }));
  session = openDump(file);
});

afterAll(() => {
  session?.dump.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('!dd with physical addresses above 4 GiB', () => {
  it('reads the page at physical 0x100000000 for 1`00000000 (not page 0)', async () => {
    expect(await runLineText(session, '!dd 1`00000000 L4')).toEqual(['#100000000  40000001 40000002 40000003 40000004']);
  });

  it('does not read 3ffff000 for 13ffff000 (that page is not in the dump)', async () => {
    expect(await runLineText(session, '!dd 13ffff000 L4')).toEqual(['#13ffff000  ???????? ???????? ???????? ????????']);
    expect(await runLineText(session, '!dd 3ffff000 L4')).toEqual(['#3ffff000  dead0001 dead0002 dead0003 dead0004']);
  });

  it('evaluates 1`00000000 as 4294967296, printed in 64-bit form', async () => {
    expect(await runLineText(session, '? 1`00000000')).toEqual(['Evaluate expression: 4294967296 = 00000001`00000000']);
    expect(await runLineText(session, '? 80000000')).toEqual(['Evaluate expression: -2147483648 = 80000000']);
  });
});
