/**
 * `u [addr] [L n | end]` (8 instructions; a bare `u` continues where the last one stopped), `ub [addr] [L n]`
 * (the n instructions ending at addr), `uf addr` (the whole function by control flow). The disassembler
 * (iced-x86) loads on the first of these only.
 */
import type { Listing } from '../disasm/listing';
import { listingJson, renderListing } from '../render/disasm';
import { CaretError } from '../session/errors';
import { DISASM_MAX_INSTRUCTIONS } from '../../common/limits';
import type { CommandResult, CommandSpec } from './types';
import type { SessionApi } from '../session/types';

const U_MEMO = 'u.next';
const DEFAULT_INSTRUCTIONS = 8;
/** Cap for an address range (`u a b`): WinDbg refuses huge ranges too. */
const MAX_RANGE_BYTES = 0x10000;

interface UArgs { address?: number; count?: number; end?: number }

export function parseUArgs(session: SessionApi, args: string): UArgs {
  let rest = args.trim();
  const out: UArgs = {};
  const evalHead = (text: string): { value: number; rest: string } => {
    if (session.evaluatePrefix) return session.evaluatePrefix(text);
    const [head, ...tail] = text.split(/\s+/);
    return { value: session.evaluate(head), rest: tail.join(' ') };
  };
  if (rest && !/^l/i.test(rest)) {
    const r = evalHead(rest);
    out.address = r.value >>> 0;
    rest = r.rest.trim();
  }
  if (/^l/i.test(rest)) {
    const r = evalHead(rest.slice(1).trim());
    out.count = r.value >>> 0;
    rest = r.rest.trim();
  } else if (rest) {
    const r = evalHead(rest);
    out.end = r.value >>> 0;
    rest = r.rest.trim();
  }
  if (rest) throw new CaretError('Syntax error');
  return out;
}

async function disasm(kind: 'u' | 'ub' | 'uf', session: SessionApi, args: string): Promise<CommandResult> {
  const a = parseUArgs(session, args);
  const { listForward, listBackward, listFunction } = await import('../disasm/listing');
  if (a.count !== undefined && a.count > DISASM_MAX_INSTRUCTIONS) throw new CaretError('Range error');
  const start = a.address ?? (kind === 'u' ? (session.memo.get(U_MEMO) as number | undefined) : undefined) ?? session.regs.eip;
  let listing: Listing;
  if (kind === 'uf') {
    listing = listFunction(session.vm, session.symbols, start);
  } else if (kind === 'ub') {
    listing = listBackward(session.vm, session.symbols, start, a.count ?? DEFAULT_INSTRUCTIONS);
  } else if (a.end !== undefined) {
    if (a.end < start || a.end - start > MAX_RANGE_BYTES) throw new CaretError('Range error');
    listing = listForward(session.vm, session.symbols, start, 0, a.end);
  } else {
    listing = listForward(session.vm, session.symbols, start, a.count ?? DEFAULT_INSTRUCTIONS);
  }
  session.memo.set(U_MEMO, listing.next);
  const lines = renderListing(listing);
  if (listing.unreadableAt !== undefined) {
    // WinDbg: the `??  ???` line, then `^ Memory access error in '<command>'` (the dispatcher draws the caret).
    throw new CaretError('Memory access error', lines);
  }
  return { model: listingJson(listing), lines };
}

export const commands: CommandSpec[] = [
  { name: 'u', summary: 'u [addr] [L count | end] — disassemble (8 instructions; bare u continues)', run: (s, a) => disasm('u', s, a) },
  { name: 'ub', summary: 'ub [addr] [L count] — disassemble the instructions before addr', run: (s, a) => disasm('ub', s, a) },
  { name: 'uf', summary: 'uf addr — disassemble a whole function by following its branches', run: (s, a) => disasm('uf', s, a) },
];
