/**
 * Walkthrough Part 1, steps 14-26 (walkthrough.md): the two tasks, the thread's stack and the guard page, and
 * why `k` gives up; then the reveal: kdsim's `!stackusage` rebuilds the chain the blog rebuilt by hand.
 */
import { TRACE_BANNER } from './expect';
import type { LabStep } from './labStep';
import { TSS28_LINES } from './partOneSteps';

const UNREADABLE = ['b8ae5fe0 ???????? ???????? ???????? ????????', 'b8ae5ff0 ???????? ???????? ???????? ????????'];
const FAULTING = ['nt!_KiTrap0E+0x5c:', '8088c718 89550c mov dword ptr [ebp+0Ch],edx'];

export const PART_ONE_END: LabStep[] = [
  {
    n: 14, command: '.tss 0x50;kC',
    goal: 'Switch to the double-fault task and list its stack. Its TSS still holds its boot state (EIP at the first '
      + 'instruction of KiTrap08, registers 0), because the processor never switched away from it. `;` chains two commands.',
    expect: ['eax=00000000 ebx=00000000 ecx=00000000 edx=00000000 esi=00000000 edi=00000000',
      'eip=8088b702 esp=f773d3c0 ebp=00000000 iopl=0 nv up di pl nz na po nc',
      'cs=0008 ss=0010 ds=0023 es=0023 fs=0030 gs=0000 efl=00000000', '8088b702 fa cli', TRACE_BANNER],
    rule: 'frames=2:KiTrap08,KiTrap0E',
    notice: [{ line: '8088b702 fa cli', says: 'the first instruction of KiTrap08' }, { line: 'nt!_KiTrap0E', says: 'the walk reaches the page-fault handler through the TSS link' }],
    hint: 'Two commands on one line: .tss 0x50, then kC (the clean stack listing).',
  },
  {
    n: 15, command: '.tss 0x28;kC',
    goal: 'Back to the task that overflowed. Here the page-fault handler was writing to [ebp+0Ch], memory that cannot be read, and the walk stops at once.',
    expect: [...TSS28_LINES, TRACE_BANNER], rule: 'frames=1:_KiTrap0E',
    notice: [{ line: '...ss:0010:b8ae5ff0=????????', says: 'the store target is unreadable' }, { line: 'nt!_KiTrap0E', says: 'one frame, nothing below it' }],
    hint: 'The same pair as before, for task 0x28.',
  },
  {
    n: 16, command: '!thread',
    goal: 'Show the current thread: its process, and the bounds of its kernel stack. The valid stack is [Limit, Base), 12 KB.',
    expect: ['...Owning Process 874c6800 Image: StackHog.exe...', '...Base b8ae9000 Limit b8ae6000...'],
    notice: [{ line: '...Image: StackHog.exe...', says: 'the process' }, { line: '...Base b8ae9000 Limit b8ae6000...', says: '0x3000 bytes of kernel stack' }],
    hint: 'The extension that describes a thread is !thread (no argument: the current one).',
  },
  {
    n: 17, command: 'resp;rebp',
    goal: 'Compare the stack pointer with the limit: ESP is 0x1c bytes below b8ae6000, outside the stack.',
    expect: ['Last set context:', 'esp=b8ae5fe4', 'Last set context:', 'ebp=b8ae5fe4'],
    notice: [{ line: 'esp=b8ae5fe4', says: 'below StackLimit b8ae6000' }],
    hint: 'Two r commands on one line: esp, then ebp.',
  },
  {
    n: 18, command: 'dd b8ae5fe4 L1',
    goal: 'Read where ESP points.',
    expect: ['b8ae5fe4 ????????'], rule: 'block',
    notice: [{ line: 'b8ae5fe4 ????????', says: 'not readable' }],
    hint: 'dd one dword at the ESP value.',
  },
  {
    n: 19, command: 'dd b8ae5fe0 L10',
    goal: 'Read across the limit: the ???????? part is the guard page, and valid stack starts exactly at b8ae6000.',
    expect: [...UNREADABLE, 'b8ae6000 00000000 00000000 00000000 00000000', 'b8ae6010 00000000 b8ae0000 b8ae0023 00000023'],
    rule: 'block',
    notice: [{ line: 'b8ae6000 00000000...', says: 'the first readable line: StackLimit' }],
    hint: 'dd 0x10 dwords from b8ae5fe0.',
  },
  {
    n: 20, command: 'u . L1',
    goal: 'Disassemble the current instruction: execution was inside trap 0x0E, the page-fault handler.',
    expect: FAULTING, rule: 'block',
    notice: [{ line: '8088c718 89550c...', says: 'a store to [ebp+0Ch]' }],
    hint: 'u at . (the current EIP), one instruction.',
  },
  {
    n: 21, command: 'rcr2',
    goal: 'CR2 holds the last address that page-faulted: just beyond the stack limit, in the guard page.',
    expect: ['Last set context:', 'cr2=b8ae5fe0'],
    notice: [{ line: 'cr2=b8ae5fe0', says: 'ESP - 4: the processor\'s own push faulted (walkthrough puzzle 2)' }],
    hint: 'Display the cr2 register with r.',
  },
  {
    n: 22, command: 'u . L1',
    goal: 'Look at the instruction again, now with CR2 in mind: its target and CR2 differ.',
    expect: FAULTING, rule: 'block',
    notice: [{ line: '...[ebp+0Ch],edx', says: 'the operand to compute next' }],
    hint: 'The same disassembly as before.',
  },
  {
    n: 23, command: '? ebp+0x0c',
    goal: 'Evaluate the operand\'s address. The evaluator reads the current context\'s registers and shows the 32-bit value as signed decimal too.',
    expect: ['Evaluate expression: -1196531728 = b8ae5ff0'],
    notice: [{ line: '...= b8ae5ff0', says: 'the handler\'s store target, also in the guard page' }],
    hint: 'The ? command evaluates an expression: ebp plus 0x0c.',
  },
  {
    n: 24, command: 'dd b8ae5ff0 L1',
    goal: 'Confirm that the handler\'s own write target was unreadable too.',
    expect: ['b8ae5ff0 ????????'], rule: 'block',
    notice: [{ line: 'b8ae5ff0 ????????', says: 'in the guard page' }],
    hint: 'dd one dword at the address you just computed.',
  },
  {
    n: 25, command: 'kfL200',
    goal: 'Even with a large frame count the walk gives one frame. kf adds the Memory column (bytes between frames), which the rebuilt chain will need.',
    expect: ['Memory ChildEBP RetAddr', 'b8ae5fe4 00000000 nt!_KiTrap0E+0x5c'], rule: 'block',
    notice: [{ line: 'b8ae5fe4 00000000 nt!_KiTrap0E+0x5c', says: 'still one frame' }],
    hint: 'kf with a frame count: L200.',
  },
  {
    n: 26, command: 'kvL200',
    goal: 'No usable trap frame either: k prints unreadable slots as 00000000 where dd prints ????????. The stack has to be rebuilt by hand.',
    expect: ['ChildEBP RetAddr Args to Child',
      'b8ae5fe4 00000000 00000000 00000000 00000000 nt!_KiTrap0E+0x5c (FPO: [0,0] TrapFrame-EDITED @ 00000000)'],
    rule: 'block',
    notice: [{ line: '...TrapFrame-EDITED @ 00000000)', says: 'no trap frame to follow' }],
    hint: 'kv with the frame count L200.',
  },
  {
    n: 27, command: '!stackusage',
    goal: 'The reveal: kdsim rebuilds the chain over the whole 12 KB (what Part 2 does by hand), proves each frame, and '
      + 'says which driver used how much. The frame that touched the guard page is not the culprit.',
    expect: ['Stack use of thread 87d68438 (StackHog.exe): [b8ae6000, b8ae9000), 0x3000 bytes, InitialStack b8ae8df0',
      'Bytes per module (of 0x3000):', 'kf = b8ae60ec b8ae6058 808813d8'],
    notice: [
      { line: 'StackHog.sys...', says: 'the module that used the most of the 12 KB' },
      { line: '(NPX area)...', says: 'the thread\'s own area above InitialStack, no driver\'s' },
      { line: 'kf = b8ae60ec b8ae6058 808813d8', says: 'type this to make WinDbg\'s own walker show the chain' },
    ],
    hint: 'kdsim\'s extension that rebuilds the stack is !stackusage.',
  },
];
