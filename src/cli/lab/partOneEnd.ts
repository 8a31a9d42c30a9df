/**
 * Walkthrough Part 1, steps 14-26 (walkthrough.md): the two tasks, the thread's stack and the guard page, and
 * why `k` gives up (Part 2, partTwo.ts, rebuilds the chain by hand). Values are the dump's (labFacts.ts).
 */
import { TRACE_BANNER } from './expect';
import { hex8, type LabFacts } from './labFacts';
import type { LabStep } from './labStep';
import { taskLines } from './partOneSteps';

const hx = (n: number): string => `0x${n.toString(16)}`;

/** The faulting store's memory operand (`[ebp+0Ch]`) as an expression and its value, from the task's registers. */
export function storeTarget(f: LabFacts): { expr: string; value: number } | undefined {
  const m = /\[(e[a-z]{2})\+([0-9a-f]+)h?\]/i.exec(f.taskInstruction[1] ?? '');
  if (!m) return undefined;
  const reg = m[1].toLowerCase();
  const base = reg === 'ebp' ? f.task.ebp : reg === 'esp' ? f.task.esp : undefined;
  if (base === undefined) return undefined;
  const off = parseInt(m[2], 16);
  return { expr: `${reg}+0x${off.toString(16).padStart(2, '0')}`, value: (base + off) >>> 0 };
}

/** `dd <row> L10` across the limit: rows below it unreadable, the rest readable (their contents are the dump's). */
function acrossLimit(f: LabFacts): { from: number; lines: string[] } {
  const from = (f.task.esp & ~0xf) >>> 0;
  const lines = Array.from({ length: 4 }, (_, i) => {
    const a = from + i * 16;
    return a + 16 <= f.thread.limit ? `${hex8(a)} ???????? ???????? ???????? ????????` : `${hex8(a)}...`;
  });
  return { from, lines };
}

export function partOneEnd(f: LabFacts): LabStep[] {
  const sel = hx(f.taskSelector);
  const trSel = hx(f.tr);
  const frame0 = f.chain[0];
  const faulting = [f.taskInstruction[0], (f.taskInstruction[1] ?? '').replace(/\s+\S+:[0-9a-f]{4}:[0-9a-f]{8}=\S+$/, '')];
  const esp = hex8(f.task.esp);
  const ebp = hex8(f.task.ebp);
  const limit = hex8(f.thread.limit);
  const below = (f.thread.limit - f.task.esp) >>> 0;
  const across = acrossLimit(f);
  const store = storeTarget(f);
  const df = f.dfTask;
  const steps: LabStep[] = [
  {
    n: 14, command: `.tss ${trSel};kC`,
    goal: 'Switch to the double-fault task and list its stack. Its TSS still holds its boot state (EIP at the first '
      + 'instruction of KiTrap08, registers 0), because the processor never switched away from it. `;` chains two commands.',
    expect: [`eip=${hex8(df.eip)} esp=${hex8(df.esp)} ebp=${hex8(df.ebp)}...`, `${df.instruction[1]?.split(/\s+/)[0] ?? hex8(df.eip)}...`, TRACE_BANNER],
    rule: `frames=2:${df.instruction[0].replace(/^.*!|\+.*$|:$/g, '')},${frame0.replace(/^.*!|\+.*$/g, '')}`,
    notice: [{ line: `${hex8(df.eip)}...`, says: 'the first instruction of the double-fault handler' }, { line: `...${frame0.replace(/\+.*$/, '')}`, says: 'the walk reaches the page-fault handler through the TSS link' }],
    hint: `Two commands on one line: .tss ${trSel}, then kC (the clean stack listing).`,
  },
  {
    n: 15, command: `.tss ${sel};kC`,
    goal: 'Back to the task that overflowed. Here the page-fault handler was writing to [ebp+0Ch], memory that cannot be read, and the walk stops at once.',
    expect: [...taskLines(f), TRACE_BANNER], rule: `frames=1:${frame0.replace(/^.*!|\+.*$/g, '')}`,
    notice: [{ line: '...=????????', says: 'the store target is unreadable' }, { line: `...${frame0.replace(/\+.*$/, '')}`, says: 'one frame, nothing below it' }],
    hint: `The same pair as before, for task ${sel}.`,
  },
  {
    n: 16, command: '!thread',
    goal: 'Show the current thread: its process, and the bounds of its kernel stack. The valid stack is [Limit, Base), 12 KB.',
    expect: [`...Owning Process ${hex8(f.thread.process)} Image: ${f.thread.image}...`, `...Base ${hex8(f.thread.base)} Limit ${limit}...`],
    notice: [{ line: `...Image: ${f.thread.image}...`, says: 'the process' }, { line: `...Base ${hex8(f.thread.base)} Limit ${limit}...`, says: '0x3000 bytes of kernel stack' }],
    hint: 'The extension that describes a thread is !thread (no argument: the current one).',
  },
  {
    n: 17, command: 'resp;rebp',
    goal: `Compare the stack pointer with the limit: ESP is ${hx(below)} bytes below ${limit}, outside the stack.`,
    expect: ['Last set context:', `esp=${esp}`, 'Last set context:', `ebp=${ebp}`],
    notice: [{ line: `esp=${esp}`, says: `below StackLimit ${limit}` }],
    hint: 'Two r commands on one line: esp, then ebp.',
  },
  {
    n: 18, command: `dd ${esp} L1`,
    goal: 'Read where ESP points.',
    expect: [`${esp} ????????`], rule: 'block',
    notice: [{ line: `${esp} ????????`, says: 'not readable' }],
    hint: 'dd one dword at the ESP value.',
  },
  {
    n: 19, command: `dd ${hex8(across.from)} L10`,
    goal: `Read across the limit: the ???????? part is the guard page, and valid stack starts exactly at ${limit}.`,
    expect: across.lines,
    rule: 'block',
    notice: [{ line: `${limit}...`, says: 'the first readable line: StackLimit' }],
    hint: `dd 0x10 dwords from ${hex8(across.from)}.`,
  },
  {
    n: 20, command: 'u . L1',
    goal: 'Disassemble the current instruction: execution was inside trap 0x0E, the page-fault handler.',
    expect: faulting, rule: 'block',
    notice: [{ line: `${hex8(f.task.eip)}...`, says: 'the faulting store' }],
    hint: 'u at . (the current EIP), one instruction.',
  },
  {
    n: 21, command: 'rcr2',
    goal: 'CR2 holds the last address that page-faulted: just beyond the stack limit, in the guard page.',
    expect: ['Last set context:', `cr2=${hex8(f.cr2)}`],
    notice: [{ line: `cr2=${hex8(f.cr2)}`, says: 'ESP - 4: the processor\'s own push faulted (walkthrough puzzle 2)' }],
    hint: 'Display the cr2 register with r.',
  },
  {
    n: 22, command: 'u . L1',
    goal: 'Look at the instruction again, now with CR2 in mind: its target and CR2 differ.',
    expect: faulting, rule: 'block',
    notice: [{ line: `${hex8(f.task.eip)}...`, says: 'the operand to compute next' }],
    hint: 'The same disassembly as before.',
  },
  {
    n: 25, command: 'kfL200',
    goal: 'Even with a large frame count the walk gives one frame. kf adds the Memory column (bytes between frames), which the rebuilt chain will need.',
    expect: ['Memory ChildEBP RetAddr', `${ebp} 00000000 ${frame0}`], rule: 'block',
    notice: [{ line: `${ebp} 00000000 ${frame0}`, says: 'still one frame' }],
    hint: 'kf with a frame count: L200.',
  },
  {
    n: 26, command: 'kvL200',
    goal: 'No usable trap frame either: k prints unreadable slots as 00000000 where dd prints ????????. The stack has to be rebuilt by hand.',
    expect: ['ChildEBP RetAddr Args to Child',
      `${ebp} 00000000 00000000 00000000 00000000 ${frame0} (FPO: [0,0] TrapFrame-EDITED @ 00000000)`],
    rule: 'block',
    notice: [{ line: '...TrapFrame-EDITED @ 00000000)', says: 'no trap frame to follow' }],
    hint: 'kv with the frame count L200.',
  },
  ];
  if (store) steps.splice(steps.findIndex((s) => s.n === 22) + 1, 0, ...storeSteps(store));
  return steps;
}

/** Steps 23-24: the store's target, computed and read (only when the faulting instruction stores through a register). */
function storeSteps(store: { expr: string; value: number }): LabStep[] {
  const at = hex8(store.value);
  return [
    {
      n: 23, command: `? ${store.expr}`,
      goal: 'Evaluate the operand\'s address. The evaluator reads the current context\'s registers and shows the 32-bit value as signed decimal too.',
      expect: [`Evaluate expression: ${store.value | 0} = ${at}`],
      notice: [{ line: `...= ${at}`, says: 'the handler\'s store target, also in the guard page' }],
      hint: `The ? command evaluates an expression: ${store.expr.replace('+', ' plus ')}.`,
    },
    {
      n: 24, command: `dd ${at} L1`,
      goal: 'Confirm that the handler\'s own write target was unreadable too.',
      expect: [`${at} ????????`], rule: 'block',
      notice: [{ line: `${at} ????????`, says: 'in the guard page' }],
      hint: 'dd one dword at the address you just computed.',
    },
  ];
}
