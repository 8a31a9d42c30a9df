/**
 * Virtual memory display: db dw dd dq dc dyb dds dps (windbg-output.md §8). Each builds a MemoryModel (the
 * rows, unreadable units as null) and render/memory.ts prints it.
 */
import type { CommandSpec } from './types';
import type { SessionApi } from '../session/types';
import { renderMemory, type DisplayKind, type MemoryModel } from '../render/memory';
import { parseDisplayRange, rememberNext } from './memory/rangeArgs';
import { readRows } from './memory/readRows';

interface Format { kind: DisplayKind; unitSize: number; perRow: number; defaultCount: number; withBytes?: boolean }

const FORMATS: Record<string, Format> = {
  db: { kind: 'db', unitSize: 1, perRow: 16, defaultCount: 0x80, withBytes: true },
  dw: { kind: 'dw', unitSize: 2, perRow: 8, defaultCount: 0x40 },
  dd: { kind: 'dd', unitSize: 4, perRow: 4, defaultCount: 0x20 },
  dq: { kind: 'dq', unitSize: 8, perRow: 2, defaultCount: 0x10 },
  dc: { kind: 'dc', unitSize: 4, perRow: 4, defaultCount: 0x20, withBytes: true },
  dyb: { kind: 'dyb', unitSize: 1, perRow: 4, defaultCount: 0x20 },
  // x86: pointers are dwords, so dps is dds.
  dds: { kind: 'dds', unitSize: 4, perRow: 1, defaultCount: 0x20 },
  dps: { kind: 'dds', unitSize: 4, perRow: 1, defaultCount: 0x20 },
};

export function displayVirtual(session: SessionApi, args: string, f: Format): MemoryModel {
  const range = parseDisplayRange(session, args, f.unitSize, f.defaultCount);
  const vm = session.vm;
  const rows = readRows({ read: (a, n) => vm.readSparse(a, n) }, range, f.unitSize, f.perRow, !!f.withBytes);
  if (f.kind === 'dds') {
    for (const r of rows) {
      const v = r.values[0];
      const sym = v === null ? undefined : session.symbols.format(Number(v));
      if (sym) r.symbol = sym;
    }
  }
  rememberNext(session, range, range.count * f.unitSize);
  return { kind: f.kind, physical: false, unitSize: f.unitSize, rows };
}

const SUMMARY: Record<string, string> = {
  db: 'bytes and ASCII', dw: 'words', dd: 'double words', dq: 'quad words', dc: 'double words and ASCII',
  dyb: 'bytes in binary', dds: 'double words with symbols', dps: 'pointers with symbols',
};

export const commands: CommandSpec[] = Object.entries(FORMATS).map(([name, f]) => ({
  name,
  summary: `${name} [address] [L<count> | L?<count> | end] — display ${SUMMARY[name]}; no address continues`,
  run(session: SessionApi, args: string) {
    const model = displayVirtual(session, args, f);
    return { model, lines: renderMemory(model) };
  },
}));
