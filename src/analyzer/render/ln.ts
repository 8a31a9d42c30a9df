import { hex8 } from '../../common/hex';

export interface LnModel {
  address: number;
  /** Start of the nearest symbol at or below the address, and its text with any offset ('nt!_KiTrap0E+0x5c'). */
  start: number;
  text: string;
  next?: { address: number; name: string };
  /** Symbols that start exactly at the address. */
  exact: { name: string; isFunction: boolean }[];
}

/** WinDbg 6.x `ln` (windbg-output.md §10.4): no DML `Browse module` lines. */
export function renderLn(m: LnModel): string[] {
  const head = `(${hex8(m.start)})   ${m.text}`;
  const lines = [m.next ? `${head}   |  (${hex8(m.next.address)})   ${m.next.name}` : head];
  if (m.exact.length) {
    lines.push('Exact matches:');
    for (const e of m.exact) lines.push(e.isFunction ? `    ${e.name} (<no parameter info>)` : `    ${e.name} = <no type information>`);
  }
  return lines;
}
