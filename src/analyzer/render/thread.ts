import { hex4, hex8 } from '../../common/hex';
import type { ThreadModel } from '../model/threadModel';

type V = number | null;
const h8 = (v: V) => (v === null ? '????????' : hex8(v));
const h4 = (v: V) => (v === null ? '????' : hex4(v));
const d = (v: V) => (v === null ? '?' : String(v));
/** Labels in 26 columns; the value after them in 15 (windbg-output.md §6). */
const col = (label: string, value: string, rest = '') => `${label.padEnd(26)}${rest ? value.padEnd(15) + rest : value}`;
const startLine = (label: string, a: { address: V; symbol?: string }) =>
  a.symbol ? `${label} ${a.symbol} (0x${h8(a.address)})` : `${label} 0x${h8(a.address)}`;

/** WinDbg's `!thread` text above the stack (Server 2003 layout). `pad` indents every line (8 inside `!process`). */
export function renderThread(m: ThreadModel, pad = ''): string[] {
  const lines = [
    `THREAD ${hex8(m.thread)}  Cid ${h4(m.cid[0])}.${h4(m.cid[1])}  Teb: ${h8(m.teb)} Win32Thread: ${h8(m.win32Thread)} ${m.state}`,
  ];
  if (m.irps.length) {
    lines.push('IRP List:');
    for (const i of m.irps) lines.push(`    ${hex8(i.irp)}: (${h4(i.type)},${h4(i.size)}) Flags: ${h8(i.flags)}  Mdl: ${h8(i.mdl)}`);
  }
  lines.push(m.impersonating ? 'Impersonation token present' : 'Not impersonating');
  if (m.deviceMap) lines.push(col('DeviceMap', hex8(m.deviceMap)));
  lines.push(col('Owning Process', h8(m.owningProcess), `${'Image:'.padEnd(15)}${m.owningImage ?? '<Unknown>'}`));
  lines.push(m.attachedProcess
    ? col('Attached Process', hex8(m.attachedProcess), `${'Image:'.padEnd(15)}${m.attachedImage ?? '<Unknown>'}`)
    : col('Attached Process', 'N/A', `${'Image:'.padEnd(15)}N/A`));
  lines.push(m.ticks === null ? col('Wait Start TickCount', d(m.waitTime)) : col('Wait Start TickCount', d(m.waitTime), `Ticks: ${m.ticks}`));
  lines.push(col('Context Switch Count', d(m.contextSwitches).padEnd(15) + (m.largeStack ? 'LargeStack' : '')));
  lines.push(col('UserTime', m.userTime), col('KernelTime', m.kernelTime));
  lines.push(startLine('Win32 Start Address', m.win32StartAddress), startLine('Start Address', m.startAddress));
  const s = m.stack;
  lines.push(`Stack Init ${h8(s.init)} Current ${h8(s.current)} Base ${h8(s.base)} Limit ${h8(s.limit)} Call ${s.callback ? hex8(s.callback) : '0'}`);
  lines.push(`Priority ${d(m.priority)} BasePriority ${d(m.basePriority)} PriorityDecrement ${d(m.priorityDecrement)}`);
  return lines.map((l) => pad + l);
}
