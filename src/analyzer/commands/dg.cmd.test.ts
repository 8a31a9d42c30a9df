import { commandRegistry } from './registry';
import { commands as dg } from './dg.cmd';
import { commands as idt } from './idt.cmd';
import { blogSession } from '../../testing/fakeKernel';

const GDT = 0xf773d400;
const IDT = 0xf773d800;

/** 8 descriptor bytes from base, raw 20-bit limit, access byte and the G/D/L/AVL nibble. */
const seg = (base: number, limit: number, access: number, nibble: number) => [
  limit & 0xff, (limit >>> 8) & 0xff, base & 0xff, (base >>> 8) & 0xff, (base >>> 16) & 0xff,
  access, (nibble << 4) | ((limit >>> 16) & 0xf), base >>> 24,
];

function blogTables() {
  const s = blogSession();
  s.fake.fill(GDT, 0x400).fill(IDT, 0x800);
  s.fake.write(GDT + 0x08, seg(0, 0xfffff, 0x9b, 0xc));
  s.fake.write(GDT + 0x23 - 3, seg(0, 0xfffff, 0xf3, 0xc));
  s.fake.write(GDT + 0x28, seg(0xf7737fe0, 0x20ab, 0x8b, 0));
  s.fake.write(GDT + 0x30, seg(0xf7737000, 0x1fff, 0x93, 0x4));
  s.fake.write(GDT + 0x50, seg(0xf773a2e0, 0x68, 0x89, 0));
  s.fake.write(IDT + 8 * 8, [0, 0, 0x50, 0, 0, 0x85, 0, 0]);
  s.fake.write(IDT + 0xe * 8, [0xbc, 0xc6, 0x08, 0, 0, 0x8e, 0x88, 0x80]);
  return s;
}

const run = (c: typeof dg, args: string, s = blogTables()) => (c[0].run(s, args, c[0].name, commandRegistry()) as { lines: string[] }).lines;

describe('dg', () => {
  it('decodes the two task-state segments of the double fault', () => {
    expect(run(dg, '28 50')).toEqual([
      '                                  P Si Gr Pr Lo',
      'Sel    Base     Limit     Type    l ze an es ng Flags',
      '---- -------- -------- ---------- - -- -- -- -- --------',
      '0028 f7737fe0 000020ab TSS32 Busy 0 Nb By P  Nl 0000008b',
      '0030 f7737000 00001fff Data RW Ac 0 Bg By P  Nl 00000493',
      '0038 00000000 00000000 <Reserved> 0 Nb By Np Nl 00000000',
      '0040 00000000 00000000 <Reserved> 0 Nb By Np Nl 00000000',
      '0048 00000000 00000000 <Reserved> 0 Nb By Np Nl 00000000',
      '0050 f773a2e0 00000068 TSS32 Avl  0 Nb By P  Nl 00000089',
    ]);
  });

  it('expands page-granular limits and keeps the selector as typed', () => {
    expect(run(dg, '8').slice(3)).toEqual(['0008 00000000 ffffffff Code RE Ac 0 Bg Pg P  Nl 00000c9b']);
    expect(run(dg, '23').slice(3)).toEqual(['0023 00000000 ffffffff Data RW Ac 3 Bg Pg P  Nl 00000cf3']);
  });

  it('says when a selector is outside the GDT', () => {
    expect(run(dg, '1000').slice(3)).toEqual(['1000 Unable to get descriptor']);
  });
});

describe('!idt', () => {
  it('shows vector 8 as the task gate to the double-fault TSS', () => {
    expect(run(idt, '')).toEqual([
      'Dumping IDT: f773d800',
      '',
      '08:\tTask Selector = 0x0050',
      '0e:\t8088c6bc nt!_KiTrap0E',
    ]);
  });
});
