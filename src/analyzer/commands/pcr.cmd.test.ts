import { commandRegistry } from './registry';
import { commands as pcr } from './pcr.cmd';
import { commands as prcb } from './prcb.cmd';
import { blogSession, KPCR } from '../../testing/fakeKernel';

const run = (c: typeof pcr, args = '', s = blogSession()) => (c[0].run(s, args, c[0].name, commandRegistry()) as { lines: string[] }).lines;

describe('!pcr', () => {
  it('prints the blog processor 3 KPCR in the kdexts layout (walkthrough step 4)', () => {
    expect(run(pcr)).toEqual([
      'KPCR for Processor 3 at f7737000:',
      '    Major 1 Minor 1',
      '\tNtTib.ExceptionList: b8ae60dc',
      '\t    NtTib.StackBase: 00000000',
      '\t   NtTib.StackLimit: 00000000',
      '\t NtTib.SubSystemTib: f7737fe0',
      '\t      NtTib.Version: 19d5c42c',
      '\t  NtTib.UserPointer: 00000008',
      '\t      NtTib.SelfTib: 7ff9c000',
      '',
      '\t            SelfPcr: f7737000',
      '\t               Prcb: f7737120',
      '\t               Irql: 0000001f',
      '\t                IRR: 00000000',
      '\t                IDR: ffffffff',
      '\t      InterruptMode: 00000000',
      '\t                IDT: f773d800',
      '\t                GDT: f773d400',
      '\t                TSS: f773a2e0',
      '',
      '\t      CurrentThread: 87d68438',
      '\t         NextThread: 00000000',
      '\t         IdleThread: f773a090',
      '',
      '\t          DpcQueue: ',
    ]);
  });

  it('lists queued DPCs with their routines', () => {
    const s = blogSession();
    const head = KPCR + 0x120 + 0x920;
    const dpc = 0x89001000;
    s.fake.fill(dpc, 0x20).writeU32(head, dpc + 4, dpc + 4).writeU32(dpc + 4, head, head).writeU32(dpc + 0xc, 0x8088c6c0);
    expect(run(pcr, '', s).slice(-2)).toEqual([
      '\t          DpcQueue:  0x89001000 0x8088c6c0 nt!_KiTrap0E+0x4',
      `\t${' '.repeat(20)}`,
    ]);
  });

  it('refuses a processor the dump does not have', () => {
    expect(() => run(pcr, '7')).toThrow('Cannot get PRCB address');
  });
});

describe('!prcb', () => {
  it('prints threads, number, counts and times', () => {
    expect(run(prcb)).toEqual([
      'PRCB for Processor 3 at f7737120:',
      'Threads--  Current 87d68438 Next 00000000 Idle f773a090',
      'Number 3 SetMember 00000008',
      'Interrupt Count -- 00001234',
      'Times -- Dpc    00000030 Interrupt 00000040 ',
      '         Kernel 00002000 User      00000010 ',
    ]);
  });
});
