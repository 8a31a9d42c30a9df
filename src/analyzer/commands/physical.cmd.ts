/**
 * !db / !dw / !dd / !dq / !dc: physical memory display (address column `#<pa>`, WinDbg style). Only the pages
 * the dump holds are readable; the rest prints `??` per byte.
 */
import type { CommandSpec } from './types';
import type { SessionApi } from '../session/types';
import { renderMemory, type DisplayKind, type MemoryModel } from '../render/memory';
import { parseDisplayRange } from './memory/rangeArgs';
import { readRows } from './memory/readRows';

const PHYS_MEMO = '!d*';
const FORMATS: Record<string, { kind: DisplayKind; unitSize: number; perRow: number; withBytes?: boolean }> = {
  '!db': { kind: 'db', unitSize: 1, perRow: 16, withBytes: true },
  '!dw': { kind: 'dw', unitSize: 2, perRow: 8 },
  '!dd': { kind: 'dd', unitSize: 4, perRow: 4 },
  '!dq': { kind: 'dq', unitSize: 8, perRow: 2 },
  '!dc': { kind: 'dc', unitSize: 4, perRow: 4, withBytes: true },
};

function readPhysical(session: SessionApi, pa: number, len: number): { bytes: Uint8Array; readable: Uint8Array } {
  const bytes = new Uint8Array(len);
  const readable = new Uint8Array(len);
  for (let i = 0; i < len; i++) {
    const b = session.dump.phys.read(pa + i, 1);
    if (b) { bytes[i] = b[0]; readable[i] = 1; }
  }
  return { bytes, readable };
}

export const commands: CommandSpec[] = Object.entries(FORMATS).map(([name, f]) => ({
  name,
  summary: `${name} [physical address] [L<count>] — display physical memory`,
  run(session: SessionApi, args: string) {
    const defaultCount = 0x80 / f.unitSize;
    const range = args.trim()
      ? parseDisplayRange(session, args, f.unitSize, defaultCount, 'physical')
      : { start: (session.memo.get(PHYS_MEMO) as number | undefined) ?? 0, count: defaultCount };
    delete range.segment;
    const rows = readRows({ read: (a, n) => readPhysical(session, a, n) }, range, f.unitSize, f.perRow, !!f.withBytes, 'physical');
    session.memo.set(PHYS_MEMO, range.start + range.count * f.unitSize);
    const model: MemoryModel = { kind: f.kind, physical: true, unitSize: f.unitSize, rows };
    return { model, lines: renderMemory(model) };
  },
}));
