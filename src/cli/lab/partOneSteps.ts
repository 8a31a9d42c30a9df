/**
 * Walkthrough Part 1, steps 1-13 (walkthrough.md): from the bugcheck to the KPCR, read three ways. Goals are
 * kdsim's own words for what each step teaches; expected lines are the blog's (check_walkthrough.py).
 */
import type { LabStep } from './labStep';

/** The 0x150 bytes of processor 3's KPCR (and the start of its PRCB) as the blog's `dd f7737000 L0x54` shows them. */
export const KPCR_DD = `f7737000  b8ae60dc 00000000 00000000 f7737fe0
f7737010  19d5c42c 00000008 7ff9c000 f7737000
f7737020  f7737120 0000001f 00000000 00000000
f7737030  ffffffff 00000000 f773d800 f773d400
f7737040  f773a2e0 00010001 00000008 00000e56
f7737050  08000300 00000000 00000000 00000000
f7737060  00000000 00000000 00000000 00000000
f7737070  00000000 00000000 00000000 00000000
f7737080  00000000 00000000 00000000 00000000
f7737090  00100000 00000003 09f15190 00000000
f77370a0  09f15190 dabc6620 00000000 334e730f
f77370b0  00000000 00000000 00000000 00000000
f77370c0  00000000 00000000 00000000 00000000
f77370d0  00000000 00000000 00000000 00000000
f77370e0  00000000 00000000 00000000 00000000
f77370f0  00000000 00000000 00000000 00000000
f7737100  00000000 00000000 00000000 00000000
f7737110  00000000 00000000 00000000 00000000
f7737120  00010001 87d68438 00000000 f773a090
f7737130  00000003 00000008 0401010f 00000000
f7737140  00000000 00000000 00000000 00000000`.split('\n');

/** The same lines with FS-relative addresses (`0030:` + offset from the KPCR). */
export const KPCR_DD_FS = KPCR_DD.map((l) => `0030:${(parseInt(l.slice(0, 8), 16) - 0xf7737000).toString(16).padStart(8, '0')}${l.slice(8)}`);

/** `.tss 0x28`'s register display: the task that overflowed. */
export const TSS28_LINES = [
  'eax=b8ae0023 ebx=b8ae60ec ecx=87d68438 edx=87758bd8 esi=b8ae6068 edi=808813d8',
  'eip=8088c718 esp=b8ae5fe4 ebp=b8ae5fe4 iopl=0 nv up di pl zr na pe nc',
  'cs=0008 ss=0010 ds=0023 es=0023 fs=0030 gs=0000 efl=00010046',
  '8088c718 89550c mov dword ptr [ebp+0Ch],edx ss:0010:b8ae5ff0=????????',
];

export const PART_ONE_START: LabStep[] = [
  {
    n: 1, command: '!analyze -v', accept: ['!analyze -v -nostackusage'], run: '!analyze -v -nostackusage',
    goal: 'Let the debugger classify the crash. Arg1 = 8 says the trap was a double fault, and for a double fault '
      + '!analyze follows the TSS link to the task that was running before it. (The lab shows WinDbg\'s own one-frame stack, as the blog saw it.)',
    expect: ['UNEXPECTED_KERNEL_MODE_TRAP (7f)...', 'Arg1: 00000008, EXCEPTION_DOUBLE_FAULT', 'TSS: 00000028 -- (.tss 0x28)',
      'STACK_TEXT:', 'b8ae5fe4 00000000 00000000 00000000 00000000 nt!_KiTrap0E+0x5c', 'MODULE_NAME: nt'],
    notice: [
      { line: 'Arg1: 00000008, EXCEPTION_DOUBLE_FAULT', says: 'trap 8: a double fault' },
      { line: 'TSS: 00000028 -- (.tss 0x28)', says: 'the task that was interrupted: selector 0x28' },
      { line: '...nt!_KiTrap0E+0x5c', says: 'one frame only, and it blames nt: keep that in mind' },
    ],
    hint: 'Start with the bugcheck analysis, verbose: the !analyze extension with -v.',
  },
  {
    n: 2, command: '.tss 0x28',
    goal: 'Load the registers saved in task 0x28 as the current context (the blog clicked the "(.tss 0x28)" link). '
      + '.tss does for a task state what .trap and .cxr do for a trap frame or a context record.',
    expect: TSS28_LINES,
    notice: [{ line: 'eip=8088c718 esp=b8ae5fe4 ebp=b8ae5fe4...', says: 'where task 0x28 stopped, and its stack pointer' }],
    hint: 'Set the context from a task-state segment: .tss with the selector !analyze printed.',
  },
  {
    n: 3, command: 'rtr',
    goal: 'Read the task register. It holds the selector of the task running now: the double-fault task, not the one that overflowed.',
    expect: ['Last set context:', 'tr=00000050'],
    notice: [{ line: 'tr=00000050', says: 'the processor runs task 0x50, the double-fault handler' }],
    hint: 'Display one register with r: the task register is tr (r tr, or rtr).',
  },
  {
    n: 4, command: '!pcr',
    goal: 'Show this processor\'s control region (KPCR). Among its fields is the address of the TSS the processor uses now.',
    expect: ['KPCR for Processor 3 at f7737000:', 'TSS: f773a2e0'],
    notice: [
      { line: 'KPCR for Processor 3 at f7737000:', says: 'processor 3\'s KPCR' },
      { line: 'TSS: f773a2e0', says: 'the TSS in use now' },
    ],
    hint: 'The extension that displays the processor control region is !pcr.',
  },
  {
    n: 5, command: 'rfs',
    goal: 'In kernel mode, FS selects a segment whose base is the KPCR of the current processor. Check its value.',
    expect: ['Last set context:', 'fs=00000030'],
    notice: [{ line: 'fs=00000030', says: 'selector 0x30: the KPCR segment' }],
    hint: 'Display the fs register with r.',
  },
  {
    n: 6, command: 'dt nt!*PCR*',
    goal: 'Find type names with a wildcard. The answer also names the kernel module: ntkrpamp, the PAE multiprocessor kernel behind the alias nt.',
    expect: ['...ntkrpamp!_KPCR'],
    notice: [{ line: '...ntkrpamp!_KPCR', says: 'the KPCR type, in module ntkrpamp' }],
    hint: 'dt takes wildcards in type names: look for *PCR* in nt.',
  },
  {
    n: 7, command: 'dt ntkrpamp!_KPCR TSS',
    goal: 'Ask the type where its TSS pointer lives.',
    expect: ['+0x040 TSS : Ptr32 _KTSS'],
    notice: [{ line: '+0x040 TSS : Ptr32 _KTSS', says: 'offset 0x40 of the KPCR' }],
    hint: 'dt with the type ntkrpamp!_KPCR and the field name TSS.',
  },
  {
    n: 8, command: 'dd 0030:00000040 L1',
    goal: 'Read that field through a segment: selector 0x30 has the KPCR as its base, so 0030:40 is KPCR+0x40.',
    expect: ['0030:00000040 f773a2e0'], rule: 'block',
    notice: [{ line: '0030:00000040 f773a2e0', says: 'the same TSS address !pcr showed' }],
    hint: 'dd one dword (L1) at the segment address 0030:00000040.',
  },
  {
    n: 9, command: 'dt nt!_KTSS f773a2e0 Backlink',
    goal: 'The TSS in use links back to the task it interrupted. That Backlink is where !analyze found .tss 0x28.',
    expect: ['+0x000 Backlink : 0x28'],
    notice: [{ line: '+0x000 Backlink : 0x28', says: 'the double-fault task interrupted task 0x28' }],
    hint: 'dt the _KTSS at f773a2e0, field Backlink.',
  },
  {
    n: 10, command: 'dt ntkrpamp!_KPCR SelfPcr',
    goal: 'The KPCR keeps a pointer to itself, so its flat address can be read through FS.',
    expect: ['+0x01c SelfPcr : Ptr32 _KPCR'],
    notice: [{ line: '+0x01c SelfPcr : Ptr32 _KPCR', says: 'offset 0x1c' }],
    hint: 'dt the KPCR type, field SelfPcr.',
  },
  {
    n: 11, command: 'dd fs:0x1c L1',
    goal: 'Use the register name as the segment: fs: is resolved from the current context\'s FS (0x30).',
    expect: ['0030:0000001c f7737000'], rule: 'block',
    notice: [{ line: '0030:0000001c f7737000', says: 'the KPCR\'s flat address' }],
    hint: 'dd one dword at fs:0x1c.',
  },
  {
    n: 12, command: 'dd f7737000 L0x54',
    goal: 'Dump the start of the KPCR at its flat address (0x54 dwords: the KPCR header and the start of the PRCB, not the whole structure).',
    expect: KPCR_DD, rule: 'block',
    notice: [{ line: 'f7737040 f773a2e0...', says: 'KPCR+0x40: the TSS pointer again' }],
    hint: 'dd at f7737000 with the count L0x54.',
  },
  {
    n: 13, command: 'dd fs:0 L0x54',
    goal: 'Dump the same bytes through FS: flat and FS-relative addressing reach the same memory.',
    expect: KPCR_DD_FS, rule: 'block',
    notice: [{ line: '0030:00000040 f773a2e0...', says: 'the same dwords, addressed from the segment base' }],
    hint: 'dd at fs:0 with the count L0x54.',
  },
];
