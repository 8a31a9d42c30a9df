import type { DtModel, DtRow } from '../model/dtModel';

/** `   +0x040 TSS              : Ptr32 _KTSS` — 3 spaces per level, offset ≥ 3 hex digits, name in 16. */
function rowLine(r: DtRow): string {
  const indent = ' '.repeat(3 + 3 * r.depth);
  const text = r.value ?? r.type;
  if (r.index !== undefined) return `${indent}[${String(r.index).padStart(2, '0')}] ${text}`;
  const off = `+0x${r.offset!.toString(16).padStart(3, '0')}`;
  return `${indent}${off} ${r.name!.padEnd(16)} : ${text}`;
}

/** WinDbg text of a `dt` model (windbg-output.md §10.1). */
export function renderDt(m: DtModel): string[] {
  switch (m.kind) {
    case 'list': return m.names.map((n) => `          ${n}`);
    case 'readError': return [`Memory read error ${m.address}`];
    case 'layout': return [...(m.header ? [m.header] : []), ...m.rows.map(rowLine)];
  }
}
