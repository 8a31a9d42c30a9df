import type { TypeTableApi } from '../../symbols/typeTable.api';
import type { VirtualMemory } from '../memory/types';
import { TypedView } from './typedView';

/** A decoded _KGDTENTRY (what `dg` prints). */
export interface GdtEntry {
  selector: number;
  /** VA of the descriptor itself. */
  address: number;
  base: number;
  /** Expanded limit: page-granular limits are (limit << 12) | 0xfff. */
  limit: number;
  /** 5-bit type: S bit (0x10 = code/data) + the 4-bit type. */
  type: number;
  system: boolean;
  dpl: number;
  present: boolean;
  /** A 32-bit TSS marked busy (type 0xB). */
  busy: boolean;
  /** Default_Big (D/B): 32-bit segment. */
  big: boolean;
  granularity: boolean;
  /** WinDbg dg 'Flags' column: Flags1 | ((Flags2 & 0xF0) << 4), e.g. 0x8b busy TSS, 0xc9b ring-0 code. */
  flags: number;
}

/**
 * Read GDT[selector] (the RPL/TI bits are ignored); null when the descriptor is unreadable or past `limit`
 * (the GDTR limit, when known).
 */
export function readGdtEntry(
  vm: VirtualMemory, types: TypeTableApi, gdtBase: number, selector: number, limit?: number,
): GdtEntry | null {
  const index = selector & 0xfff8;
  if (limit !== undefined && index + 7 > limit) return null;
  const v = new TypedView(vm, types, '_KGDTENTRY', (gdtBase + index) >>> 0);
  const n = (p: string) => v.num(p);
  const f = {
    limitLow: n('LimitLow'), baseLow: n('BaseLow'), baseMid: n('HighWord.Bytes.BaseMid'), baseHi: n('HighWord.Bytes.BaseHi'),
    flags1: n('HighWord.Bytes.Flags1'), flags2: n('HighWord.Bytes.Flags2'), type: n('HighWord.Bits.Type'),
    dpl: n('HighWord.Bits.Dpl'), pres: n('HighWord.Bits.Pres'), limitHi: n('HighWord.Bits.LimitHi'),
    big: n('HighWord.Bits.Default_Big'), gran: n('HighWord.Bits.Granularity'),
  };
  if (Object.values(f).some((x) => x === null)) return null;
  const g = f as Record<keyof typeof f, number>;
  const rawLimit = g.limitLow | (g.limitHi << 16);
  const system = (g.type & 0x10) === 0;
  return {
    selector: selector & 0xffff,
    address: v.address,
    base: (g.baseLow | (g.baseMid << 16) | (g.baseHi << 24)) >>> 0,
    limit: (g.gran ? ((rawLimit << 12) | 0xfff) : rawLimit) >>> 0,
    type: g.type,
    system,
    dpl: g.dpl,
    present: g.pres === 1,
    busy: system && (g.type & 0xf) === 0xb,
    big: g.big === 1,
    granularity: g.gran === 1,
    flags: (g.flags1 | ((g.flags2 & 0xf0) << 4)) >>> 0,
  };
}

export type GateKind = 'task' | 'interrupt' | 'trap' | 'interrupt16' | 'trap16' | 'call' | 'invalid';

/** A decoded _KIDTENTRY (what `!idt` needs). */
export interface IdtEntry {
  vector: number;
  address: number;
  /** Handler VA: Offset | (ExtendedOffset << 16); meaningless for a task gate. */
  offset: number;
  selector: number;
  access: number;
  gate: GateKind;
  dpl: number;
  present: boolean;
}

const GATES: Record<number, GateKind> = { 0x5: 'task', 0x6: 'interrupt16', 0x7: 'trap16', 0xc: 'call', 0xe: 'interrupt', 0xf: 'trap' };

/** Read IDT[vector]; null when unreadable or past `limit`. Access bits 8–11 type, 13–14 DPL, 15 P. */
export function readIdtEntry(
  vm: VirtualMemory, types: TypeTableApi, idtBase: number, vector: number, limit?: number,
): IdtEntry | null {
  const size = types.sizeof('_KIDTENTRY');
  if (limit !== undefined && vector * size + size - 1 > limit) return null;
  const v = new TypedView(vm, types, '_KIDTENTRY', (idtBase + vector * size) >>> 0);
  const [lo, sel, access, hi] = ['Offset', 'Selector', 'Access', 'ExtendedOffset'].map((p) => v.num(p));
  if (lo === null || sel === null || access === null || hi === null) return null;
  return {
    vector,
    address: v.address,
    offset: (lo | (hi << 16)) >>> 0,
    selector: sel,
    access,
    gate: GATES[(access >> 8) & 0xf] ?? 'invalid',
    dpl: (access >> 13) & 3,
    present: (access & 0x8000) !== 0,
  };
}
