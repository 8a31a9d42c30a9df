/**
 * Walkthrough Part 1, steps 1-13 (walkthrough.md): from the bugcheck to the KPCR, read three ways. Goals are
 * kdsim's own words for what each step teaches; commands and expected lines are built from the dump's facts
 * (labFacts.ts), so on the blog's dump they are the blog's lines and on another seed that dump's.
 */
import { hex8, type LabFacts } from './labFacts';
import type { LabStep } from './labStep';

const hx = (n: number): string => `0x${n.toString(16)}`;

/** `dd <kpcr> L0x54`'s 21 rows as expected lines: each row's address, with the ExceptionList and TSS dwords pinned. */
export function kpcrRows(f: LabFacts, at: (addr: number) => string): string[] {
  return Array.from({ length: 21 }, (_, i) => {
    const addr = f.kpcr + i * 16;
    if (i === 0) return `${at(addr)} ${hex8(f.exceptionList)}...`;
    if (i === 4) return `${at(addr)} ${hex8(f.tssAddress)}...`;
    return `${at(addr)}...`;
  });
}

/** `.tss <task>`'s register display, as far as it depends on the dump: eip/esp/ebp, fs, the faulting instruction. */
export function taskLines(f: LabFacts): string[] {
  const t = f.task;
  return [`...eip=${hex8(t.eip)} esp=${hex8(t.esp)} ebp=${hex8(t.ebp)}...`, `...fs=${t.fs.toString(16).padStart(4, '0')}...`,
    ...f.taskInstruction.map((l, i) => (i === 0 ? l : `${l.split(/\s+/)[0]}...`))];
}

export function partOneStart(f: LabFacts): LabStep[] {
  const sel = hx(f.taskSelector);
  const fsSel = f.task.fs.toString(16).padStart(4, '0');
  const kpcr = hex8(f.kpcr);
  const tss = hex8(f.tssAddress);
  const fsAt = (a: number) => `${fsSel}:${hex8(a - f.kpcr)}`;
  return [
  {
    n: 1, command: '!analyze -v', accept: ['!analyze -v -nostackusage'], run: '!analyze -v -nostackusage',
    goal: 'Let the debugger classify the crash. Arg1 = 8 says the trap was a double fault, and for a double fault '
      + '!analyze follows the TSS link to the task that was running before it. (The lab shows WinDbg\'s own one-frame stack, as the blog saw it.)',
    expect: ['UNEXPECTED_KERNEL_MODE_TRAP (7f)...', 'Arg1: 00000008, EXCEPTION_DOUBLE_FAULT', `TSS: ${hex8(f.taskSelector)} -- (.tss ${sel})`,
      'STACK_TEXT:', `${hex8(f.task.ebp)} 00000000 00000000 00000000 00000000 ${f.chain[0]}`, `MODULE_NAME: ${f.chain[0].split('!')[0]}`],
    notice: [
      { line: 'Arg1: 00000008, EXCEPTION_DOUBLE_FAULT', says: 'trap 8: a double fault' },
      { line: `TSS: ${hex8(f.taskSelector)} -- (.tss ${sel})`, says: `the task that was interrupted: selector ${sel}` },
      { line: `...${f.chain[0]}`, says: 'one frame only, and it blames nt: keep that in mind' },
    ],
    hint: 'Start with the bugcheck analysis, verbose: the !analyze extension with -v.',
  },
  {
    n: 2, command: `.tss ${sel}`,
    goal: `Load the registers saved in task ${sel} as the current context (the blog clicked the "(.tss ${sel})" link). `
      + '.tss does for a task state what .trap and .cxr do for a trap frame or a context record.',
    expect: taskLines(f),
    notice: [{ line: `eip=${hex8(f.task.eip)} esp=${hex8(f.task.esp)} ebp=${hex8(f.task.ebp)}...`, says: `where task ${sel} stopped, and its stack pointer` }],
    hint: 'Set the context from a task-state segment: .tss with the selector !analyze printed.',
  },
  {
    n: 3, command: 'rtr',
    goal: 'Read the task register. It holds the selector of the task running now: the double-fault task, not the one that overflowed.',
    expect: ['Last set context:', `tr=${hex8(f.tr)}`],
    notice: [{ line: `tr=${hex8(f.tr)}`, says: `the processor runs task ${hx(f.tr)}, the double-fault handler` }],
    hint: 'Display one register with r: the task register is tr (r tr, or rtr).',
  },
  {
    n: 4, command: '!pcr',
    goal: 'Show this processor\'s control region (KPCR). Among its fields is the address of the TSS the processor uses now.',
    expect: [`KPCR for Processor ${f.processor} at ${kpcr}:`, `TSS: ${tss}`],
    notice: [
      { line: `KPCR for Processor ${f.processor} at ${kpcr}:`, says: `processor ${f.processor}'s KPCR` },
      { line: `TSS: ${tss}`, says: 'the TSS in use now' },
    ],
    hint: 'The extension that displays the processor control region is !pcr.',
  },
  {
    n: 5, command: 'rfs',
    goal: 'In kernel mode, FS selects a segment whose base is the KPCR of the current processor. Check its value.',
    expect: ['Last set context:', `fs=${hex8(f.task.fs)}`],
    notice: [{ line: `fs=${hex8(f.task.fs)}`, says: `selector ${hx(f.task.fs)}: the KPCR segment` }],
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
    n: 8, command: `dd ${fsAt(f.kpcr + 0x40)} L1`,
    goal: `Read that field through a segment: selector ${hx(f.task.fs)} has the KPCR as its base, so ${fsSel}:40 is KPCR+0x40.`,
    expect: [`${fsAt(f.kpcr + 0x40)} ${tss}`], rule: 'block',
    notice: [{ line: `${fsAt(f.kpcr + 0x40)} ${tss}`, says: 'the same TSS address !pcr showed' }],
    hint: `dd one dword (L1) at the segment address ${fsAt(f.kpcr + 0x40)}.`,
  },
  {
    n: 9, command: `dt nt!_KTSS ${tss} Backlink`,
    goal: `The TSS in use links back to the task it interrupted. That Backlink is where !analyze found .tss ${sel}.`,
    expect: [`+0x000 Backlink : ${sel}`],
    notice: [{ line: `+0x000 Backlink : ${sel}`, says: `the double-fault task interrupted task ${sel}` }],
    hint: `dt the _KTSS at ${tss}, field Backlink.`,
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
    goal: `Use the register name as the segment: fs: is resolved from the current context's FS (${hx(f.task.fs)}).`,
    expect: [`${fsAt(f.kpcr + 0x1c)} ${kpcr}`], rule: 'block',
    notice: [{ line: `${fsAt(f.kpcr + 0x1c)} ${kpcr}`, says: 'the KPCR\'s flat address' }],
    hint: 'dd one dword at fs:0x1c.',
  },
  {
    n: 12, command: `dd ${kpcr} L0x54`,
    goal: 'Dump the start of the KPCR at its flat address (0x54 dwords: the KPCR header and the start of the PRCB, not the whole structure).',
    expect: kpcrRows(f, hex8), rule: 'block',
    notice: [{ line: `${hex8(f.kpcr + 0x40)} ${tss}...`, says: 'KPCR+0x40: the TSS pointer again' }],
    hint: `dd at ${kpcr} with the count L0x54.`,
  },
  {
    n: 13, command: 'dd fs:0 L0x54',
    goal: 'Dump the same bytes through FS: flat and FS-relative addressing reach the same memory.',
    expect: kpcrRows(f, fsAt), rule: 'block',
    notice: [{ line: `${fsAt(f.kpcr + 0x40)} ${tss}...`, says: 'the same dwords, addressed from the segment base' }],
    hint: 'dd at fs:0 with the count L0x54.',
  },
];
}
