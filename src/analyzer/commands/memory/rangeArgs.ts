/**
 * WinDbg address ranges for the display commands (windbg-output.md §8.1): `addr`, `addr L<n>` (n units, in the
 * current radix), `addr L?<n>` (no size limit), `addr L-<n>` (n units ending at addr), `addr1 addr2` (both
 * ends included). No address = go on after the previous display.
 */
import type { SessionApi } from '../../session/types';
import { CaretError } from '../../session/errors';
import { DISPLAY_MAX_BYTES, WINDBG_RANGE_LIMIT } from '../../../common/limits';

/**
 * WinDbg refuses more than 256 MB unless `L?` is used; kdsim also refuses more than DISPLAY_MAX_BYTES with or
 * without `L?` (docs/limits.md), so that no display can print without bound.
 */
const tooBig = (bytes: number, unlimited: boolean): boolean =>
  bytes > DISPLAY_MAX_BYTES || (!unlimited && bytes > WINDBG_RANGE_LIMIT);

export interface DisplayRange {
  start: number;
  segment?: { selector: number; offset: number };
  count: number;
}

/** Where a display without an address continues (per session, shared by the d* family as in WinDbg). */
export interface DisplayMemo { next: number; segment?: { selector: number; offset: number } }
export const DISPLAY_MEMO = 'd*';

type Prefixed = { value: number; full?: bigint; rest: string; segment?: { selector: number; offset: number } };

function evalPrefix(session: SessionApi, text: string): Prefixed {
  if (session.evaluatePrefix) return session.evaluatePrefix(text);
  // Sessions without an expression environment (test doubles) still give whole expressions.
  const m = /^(\S+)\s*(.*)$/.exec(text)!;
  return { value: session.evaluate(m[1]), rest: m[2] };
}

/**
 * `space`: a virtual range starts at the value as a target address; a physical one (`!dd`) at the full
 * 64-bit value, so `!dd 1`00000000` reads above 4 GiB instead of page 0.
 */
export function parseDisplayRange(session: SessionApi, args: string, unitSize: number, defaultCount: number, space: 'virtual' | 'physical' = 'virtual'): DisplayRange {
  const at = (p: Prefixed): number => (space === 'physical' ? Number(p.full ?? BigInt(p.value)) : p.value);
  const text = args.trim();
  if (!text) {
    const memo = session.memo.get(DISPLAY_MEMO) as DisplayMemo | undefined;
    return { start: memo?.next ?? session.regs.esp, segment: memo?.segment, count: defaultCount };
  }
  const first = evalPrefix(session, text);
  const range: DisplayRange = { start: at(first), segment: first.segment, count: defaultCount };
  const rest = first.rest.trim();
  if (!rest) return range;
  const len = /^[lL]\s*(\?|-)?\s*(.+)$/.exec(rest);
  if (len) {
    const n = evalPrefix(session, len[2]);
    if (n.rest.trim()) throw new CaretError('Syntax error');
    if (tooBig(n.value * unitSize, len[1] === '?')) throw new CaretError('Range error');
    range.count = n.value;
    if (len[1] === '-') shift(range, -n.value * unitSize);
    return range;
  }
  const end = evalPrefix(session, rest);
  if (end.rest.trim()) throw new CaretError('Syntax error');
  const endLinear = at(end);
  if (endLinear < range.start) throw new CaretError('Range error');
  const count = Math.floor((endLinear - range.start) / unitSize) + 1;
  if (tooBig(count * unitSize, false)) throw new CaretError('Range error');
  range.count = count;
  return range;
}

function shift(r: DisplayRange, by: number): void {
  r.start = (r.start + by) >>> 0;
  if (r.segment) r.segment = { ...r.segment, offset: (r.segment.offset + by) >>> 0 };
}

/** Remembers where the next bare display starts. */
export function rememberNext(session: SessionApi, r: DisplayRange, bytes: number): void {
  const memo: DisplayMemo = { next: (r.start + bytes) >>> 0 };
  if (r.segment) memo.segment = { selector: r.segment.selector, offset: (r.segment.offset + bytes) >>> 0 };
  session.memo.set(DISPLAY_MEMO, memo);
}
