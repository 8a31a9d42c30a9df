/**
 * `r`: the register display of the current context, one or more registers (`r eax`, `resp`, `r esp,ebp`,
 * `rcr2`, `rtr`, `r $ip`), or an assignment (`r eax=5`, `r $t0=10`). While a .tss/.trap/.cxr/.thread context
 * is set, every `r` output starts with `Last set context:` (windbg-output.md §4).
 */
import type { X86Registers } from '../../common/x86Registers';
import { isRegisterName, registerWidth, CONTEXT_REGISTERS } from '../expr';
import { renderRegisterDisplay, type RegisterDisplayModel } from '../render/registers';
import { CaretError } from '../session/errors';
import { instructionLines } from '../session/instructionLines';
import type { CommandSpec } from './types';
import type { SessionApi } from '../session/types';

const SUB: Record<string, [string, number, number]> = {
  ax: ['eax', 0, 0xffff], bx: ['ebx', 0, 0xffff], cx: ['ecx', 0, 0xffff], dx: ['edx', 0, 0xffff],
  si: ['esi', 0, 0xffff], di: ['edi', 0, 0xffff], sp: ['esp', 0, 0xffff], bp: ['ebp', 0, 0xffff],
  al: ['eax', 0, 0xff], bl: ['ebx', 0, 0xff], cl: ['ecx', 0, 0xff], dl: ['edx', 0, 0xff],
  ah: ['eax', 8, 0xff], bh: ['ebx', 8, 0xff], ch: ['ecx', 8, 0xff], dh: ['edx', 8, 0xff],
};

type RegSession = SessionApi & { userRegisters?: Map<string, number> };

/** Value of one register or pseudo-register as `r` shows it: [value, hex digits]. */
function readOne(session: SessionApi, name: string): [number, number] {
  if (name.startsWith('$')) {
    let v: number;
    try { v = session.evaluate(name); } catch { throw new CaretError('Bad register error'); }
    return [v, 8];
  }
  if (!isRegisterName(name)) throw new CaretError('Bad register error');
  let v: number;
  try { v = session.evaluate(`@${name}`); } catch { throw new CaretError('Bad register error'); }
  return [v, registerWidth(name)];
}

function assign(session: RegSession, name: string, expr: string): void {
  const value = session.evaluate(expr);
  if (/^\$t1?[0-9]$/.test(name) && session.userRegisters) { session.userRegisters.set(name, value); return; }
  const regs: X86Registers = { ...session.regs };
  const sub = SUB[name];
  if (sub) {
    const r = sub[0] as keyof X86Registers;
    const mask = sub[2] << sub[1];
    regs[r] = (((regs[r] ?? 0) & ~mask) | ((value << sub[1]) & mask)) >>> 0;
  } else if ((CONTEXT_REGISTERS as readonly string[]).includes(name)) {
    regs[name as keyof X86Registers] = ['cs', 'ss', 'ds', 'es', 'fs', 'gs'].includes(name) ? value & 0xffff : value;
  } else {
    throw new CaretError('Bad register error');
  }
  session.setContext(regs, session.contextSource);
}

export function registerCommand(session: SessionApi, args: string): RegisterDisplayModel {
  const lastSetContext = session.contextSource !== 'default';
  const text = args.trim();
  if (!text) {
    return { lastSetContext, registers: session.regs, instruction: instructionLines(session, session.regs) };
  }
  const eq = /^@?([$\w]+)\s*=\s*(.+)$/.exec(text);
  if (eq) {
    assign(session, eq[1].toLowerCase(), eq[2]);
    return { lastSetContext };
  }
  const names = text.split(/[\s,]+/).filter(Boolean).map((n) => n.replace(/^@/, '').toLowerCase());
  const singles = names.map((n): [string, number, number] => [n, ...readOne(session, n)]);
  return { lastSetContext, singles };
}

export const commands: CommandSpec[] = [{
  name: 'r',
  summary: 'r [reg[,reg...]] [reg=expr] — registers of the current context (rcr2, rtr, rfs, r $ip)',
  run(session, args) {
    const model = registerCommand(session, args);
    return { model, lines: renderRegisterDisplay(model) };
  },
}];
