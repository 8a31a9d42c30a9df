/**
 * `!pte` / `!vtop` on the got-stack dump (PAE). Layouts: kdexts' `!pte` (the debugger documentation's x86 example
 * `801544F4  - PDE at C0300800        PTE at C0200550` / `contains 0003B163      contains 00154121` /
 * `pfn 3b G-DA--KWV    pfn 154 G--A--KRV`, here with PAE's 64-bit entries and self-map at C0600000/C0000000)
 * and dbgeng's `X86VtoP:` trace ending `Virtual address … translates to physical address ….`.
 */
import * as path from 'path';
import { openSession } from '../session/debugSession';
import { executeLine } from './dispatch';
import { pteFlags } from './pte.cmd';

const DUMP = path.resolve(__dirname, '../../../fixtures/dumps/got-stack.dmp');

async function text(line: string): Promise<string[]> {
  const session = openSession(DUMP);
  try {
    return (await executeLine(session, line)).flatMap((d) => d.lines);
  } finally {
    session.dump.close();
  }
}

describe('!pte and !vtop (PAE)', () => {
  it('!pte names the PDE and PTE by their self-map addresses and decodes both', async () => {
    expect(await text('!pte 8088b702')).toEqual([
      '               VA 8088b702',
      'PDE at C0602020            PTE at C0404458',
      'contains 0000000000B00063  contains 000000000088B163',
      'pfn b00 ---DA--KWEV        pfn 88b -G-DA--KWEV',
    ]);
  });

  it('!pte on the overflowed stack page shows the PTE not valid', async () => {
    const out = await text('!pte b8ae5fe4');
    expect(out[1]).toBe('PDE at C0602E28            PTE at C05C5728');
    expect(out[3]).toMatch(/not valid$/);
  });

  it('!vtop traces the walk and the physical address, which !dd then reads', async () => {
    expect(await text('!vtop 0 8088b702')).toEqual([
      'X86VtoP: Virt 8088b702, pagedir 00039000',
      'X86VtoP: PAE PDPE 00039010 - 000000000003c001',
      'X86VtoP: PAE PDE 0003c020 - 0000000000b00063',
      'X86VtoP: PAE PTE 00b00458 - 000000000088b163',
      'X86VtoP: PAE Mapped phys 0088b702',
      'Virtual address 8088b702 translates to physical address 88b702.',
    ]);
    expect((await text('!vtop 0 b8ae5fe4')).slice(-1)).toEqual(['Virtual address b8ae5fe4 translation fails, error 0xD0000147.']);
  });

  it('flag letters follow kdexts: C G L D A N T U/K W/R E V', () => {
    expect(pteFlags(0x163n)).toBe('-G-DA--KWEV');
    expect(pteFlags(0x8000000000000001n | 0x4n)).toBe('-------UR-V');
  });
});
