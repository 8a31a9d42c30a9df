/**
 * Listings as models: forward (`u`), backward (`ub`) and by control flow (`uf`). Each entry may carry the
 * symbol line WinDbg prints before it (`nt!_KiTrap0E+0x5c:` at the start, then at each new symbol, and in
 * `uf` at each basic block).
 */
import type { VirtualMemory } from '../memory/types';
import type { SymbolResolverApi } from '../symbols/types';
import { decodeAt, type DisasmInstruction } from './instruction';

export interface ListingEntry {
  /** `nt!_KiTrap08+0x1a` (printed with a colon), when WinDbg prints a symbol line before the instruction. */
  label?: string;
  /** `uf` separates basic blocks with an empty line before the label. */
  blockStart?: boolean;
  ins: DisasmInstruction;
}

export interface Listing {
  entries: ListingEntry[];
  /** Where a bare `u` continues. */
  next: number;
  /** Set when the listing stopped at unreadable code (WinDbg then prints a `Memory access error` caret line). */
  unreadableAt?: number;
}

/** `u`: `count` instructions from `start`, or up to and including `end` when a range is given. */
export function listForward(
  vm: VirtualMemory, symbols: SymbolResolverApi, start: number, count: number, end?: number,
): Listing {
  const entries: ListingEntry[] = [];
  let addr = start >>> 0;
  let prevSymbol: number | undefined;
  for (let n = 0; end === undefined ? n < count : addr <= end; n++) {
    const ins = decodeAt(vm, symbols, addr);
    const hit = symbols.lookup(addr);
    const symStart = hit?.symbol?.address;
    const label = n === 0 || (symStart !== undefined && symStart !== prevSymbol) ? symbols.format(addr) : undefined;
    prevSymbol = symStart;
    entries.push({ label, ins });
    addr = (addr + ins.length) >>> 0;
    if (ins.bytes === null) return { entries, next: addr, unreadableAt: ins.address };
    if (n > 0x10000) break; // a range argument can't run away
  }
  return { entries, next: addr };
}

/** Longest instruction run that WinDbg's `ub` considers (it backs up at most this far per instruction). */
const MAX_BACK_PER_INSTRUCTION = 15;

/**
 * `ub`: the `count` instructions that end exactly at `end`. x86 can't be decoded backwards, so try start
 * points: the containing function's start first (exact when the function is not huge), then byte offsets
 * from the farthest back inward, keeping the first run that lands exactly on `end`. x86 decoding
 * re-synchronises within a few instructions, so a far start rarely lands inside an instruction, whereas
 * the nearest start that fits can always be made up from the tail bytes of a longer instruction.
 */
export function listBackward(vm: VirtualMemory, symbols: SymbolResolverApi, end: number, count: number): Listing {
  end >>>= 0;
  const fnStart = symbols.lookup(end)?.symbol?.address;
  const candidates: number[] = [];
  // Runs from nearby starts re-synchronise after a few bytes: decoding each address once keeps `ub L n` linear
  // in the bytes scanned instead of quadratic (issue 13: L3000 took 1.8 s).
  const decoded = new Map<number, DisasmInstruction>();
  const decode = (a: number): DisasmInstruction => {
    let ins = decoded.get(a);
    if (!ins) { ins = decodeAt(vm, symbols, a); decoded.set(a, ins); }
    return ins;
  };
  if (fnStart !== undefined && end - fnStart <= 0x4000) candidates.push(fnStart);
  for (let back = count * MAX_BACK_PER_INSTRUCTION; back >= count; back--) candidates.push((end - back) >>> 0);
  for (const start of candidates) {
    const run = runTo(decode, start, end);
    if (run && run.length >= count) {
      const first = run[run.length - count].address;
      return { ...listForward(vm, symbols, first, count), next: end };
    }
  }
  // Nothing lands on `end` (unreadable or data): show what is there a byte at a time, as WinDbg's `??`.
  return listForward(vm, symbols, (end - count) >>> 0, count);
}

function runTo(decode: (a: number) => DisasmInstruction, start: number, end: number): DisasmInstruction[] | undefined {
  const run: DisasmInstruction[] = [];
  let addr = start;
  while (addr < end) {
    const ins = decode(addr);
    if (ins.bytes === null || ins.flow === 'invalid') return undefined;
    run.push(ins);
    addr += ins.length;
  }
  return addr === end ? run : undefined;
}

const FLOW_CAP = 4096;

/**
 * `uf`: the function reached from its start by following branches (not calls), as basic blocks in address
 * order. A branch leaves the function when its target is outside [start, start + size) — size from the
 * frame data sidecar, else "the same symbol".
 */
export function listFunction(vm: VirtualMemory, symbols: SymbolResolverApi, addr: number): Listing {
  const hit = symbols.lookup(addr);
  const start = hit?.symbol?.address ?? addr >>> 0;
  const size = symbols.frameDataAt(start)?.size;
  const inside = (a: number) => size !== undefined
    ? a >= start && a < start + size
    : symbols.lookup(a)?.symbol?.address === start;

  const seen = new Map<number, DisasmInstruction>();
  const blockStarts = new Set<number>([start]);
  const work = [start];
  let unreadableAt: number | undefined;
  while (work.length && seen.size < FLOW_CAP) {
    let a = work.pop()!;
    while (!seen.has(a) && seen.size < FLOW_CAP) {
      const ins = decodeAt(vm, symbols, a);
      seen.set(a, ins);
      if (ins.bytes === null) { unreadableAt ??= a; break; }
      if (ins.target !== undefined && (ins.flow === 'branch' || ins.flow === 'condBranch') && inside(ins.target)) {
        blockStarts.add(ins.target);
        work.push(ins.target);
      }
      if (['branch', 'indirectBranch', 'return', 'invalid'].includes(ins.flow)) break;
      a = (a + ins.length) >>> 0;
      if (ins.flow === 'condBranch') blockStarts.add(a);
      if (!inside(a)) break;
    }
  }
  const ordered = [...seen.values()].sort((x, y) => x.address - y.address);
  const entries: ListingEntry[] = ordered.map((ins, i) => {
    const prev = ordered[i - 1];
    const contiguous = prev !== undefined && prev.address + prev.length === ins.address;
    const isBlock = i === 0 || blockStarts.has(ins.address) || !contiguous;
    return { ins, label: isBlock ? symbols.format(ins.address) : undefined, blockStart: isBlock && i > 0 };
  });
  const last = ordered[ordered.length - 1];
  return { entries, next: last ? last.address + last.length : start, unreadableAt };
}
