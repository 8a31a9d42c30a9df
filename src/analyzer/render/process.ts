import { hex4, hex8 } from '../../common/hex';
import type { ProcessEntry, ProcessModel } from '../model/processModel';
import { renderThread } from './thread';

type V = number | null;
const h8 = (v: V) => (v === null ? '????????' : hex8(v));
const h4 = (v: V) => (v === null ? '????' : hex4(v));

/** The three lines of one process (windbg-output.md §7), then its threads indented by 8, then a blank line. */
function processLines(e: ProcessEntry): string[] {
  const sid = e.sessionId === 'none' ? 'none' : e.sessionId === null ? '?' : String(e.sessionId);
  const handles = e.handleCount === null ? '<Data Not Accessible>' : `${String(e.handleCount).padStart(4)}.`;
  const out = [
    `PROCESS ${hex8(e.process)}  SessionId: ${sid}  Cid: ${h4(e.cid)}    Peb: ${h8(e.peb)}  ParentCid: ${h4(e.parentCid)}`,
    `    DirBase: ${h8(e.dirBase)}  ObjectTable: ${h8(e.objectTable)}  HandleCount: ${handles}`,
    `    Image: ${e.image ?? '<Unknown>'}`,
    '',
  ];
  for (const t of e.threads ?? []) out.push(...renderThread(t, '        '), '');
  return out;
}

export function renderProcess(m: ProcessModel): string[] {
  return [...(m.all ? ['**** NT ACTIVE PROCESS DUMP ****'] : []), ...m.processes.flatMap(processLines)];
}
