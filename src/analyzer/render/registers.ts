/**
 * The x86 register display (windbg-output.md §3.1): three fixed-column lines, then (from the disassembler)
 * the symbol line and the current instruction. Single registers print as `name=value` (`fs=00000030`).
 */
import { hex4, hex8 } from '../../common/hex';
import type { X86Registers } from '../../common/x86Registers';

/** EFLAGS words in WinDbg's order: [bit, set, clear]. */
const FLAG_WORDS: [number, string, string][] = [
  [11, 'ov', 'nv'], [10, 'dn', 'up'], [9, 'ei', 'di'], [7, 'ng', 'pl'],
  [6, 'zr', 'nz'], [4, 'ac', 'na'], [2, 'pe', 'po'], [0, 'cy', 'nc'],
];

export const flagWords = (efl: number): string =>
  FLAG_WORDS.map(([bit, set, clear]) => ((efl >>> bit) & 1 ? set : clear)).join(' ');

export function registerBlock(r: X86Registers): string[] {
  const iopl = `iopl=${(r.efl >>> 12) & 3}`;
  return [
    `eax=${hex8(r.eax)} ebx=${hex8(r.ebx)} ecx=${hex8(r.ecx)} edx=${hex8(r.edx)} esi=${hex8(r.esi)} edi=${hex8(r.edi)}`,
    `eip=${hex8(r.eip)} esp=${hex8(r.esp)} ebp=${hex8(r.ebp)} ${iopl.padEnd(15)}${flagWords(r.efl)}`,
    `cs=${hex4(r.cs)}  ss=${hex4(r.ss)}  ds=${hex4(r.ds)}  es=${hex4(r.es)}  fs=${hex4(r.fs)}  gs=${hex4(r.gs)}             efl=${hex8(r.efl)}`,
  ];
}

export interface RegisterDisplayModel {
  /** "Last set context:" precedes the output while a .tss/.trap/.cxr/.thread context is set. */
  lastSetContext: boolean;
  /** `ErrCode = <h8>` first line of `.trap`. */
  errCode?: number;
  registers?: X86Registers;
  /** `r eax`, `r esp,ebp`: [name as shown, value, hex digits]. */
  singles?: [string, number, number][];
  /** Symbol line and instruction line from the disassembler (absent when it is not available). */
  instruction?: string[];
}

export function renderRegisterDisplay(m: RegisterDisplayModel): string[] {
  const out: string[] = [];
  if (m.lastSetContext) out.push('Last set context:');
  if (m.errCode !== undefined) out.push(`ErrCode = ${hex8(m.errCode)}`);
  if (m.registers) out.push(...registerBlock(m.registers));
  if (m.singles) out.push(m.singles.map(([n, v, w]) => `${n}=${(v >>> 0).toString(16).padStart(w, '0')}`).join(' '));
  if (m.instruction) out.push(...m.instruction);
  return out;
}
