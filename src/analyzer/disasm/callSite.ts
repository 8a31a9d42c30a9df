/**
 * "Is there a CALL instruction ending exactly at this return address?" — step 3 of the return-address ladder.
 *
 * A return address pushed by a near CALL is the address right after that CALL, so one of the encodings that
 * a 32-bit compiler emits must end exactly at `ra`: `e8 rel32` (5 bytes), `ff 15 disp32` (6), `ff /2` with a
 * ModRM/SIB/displacement (2..7). A data word that merely points into code almost never has such bytes in
 * front of it. iced-x86 (WebAssembly, ~50 ms to load) is imported lazily so that commands that never decode
 * stay fast.
 */
import type * as Iced from 'iced-x86';
import type { VirtualMemory } from '../memory/types';
import { u32 } from '../../common/hex';

/** How the CALL names its target; only `direct` (and `indirect_mem` through an absolute slot) give one. */
export type CallKind = 'direct' | 'indirect_mem' | 'indirect_reg';

export interface CallSite {
  /** The return address the CALL ends at. */
  ra: number;
  /** First byte of the CALL instruction; ra = start + length. */
  start: number;
  length: number;
  kind: CallKind;
  /** `call rel32`: the target. */
  target?: number;
  /** `call dword ptr [disp32]` (an import-table slot): where the target pointer is stored. */
  pointerSlot?: number;
  /** Best first: 3 direct, 2 indirect of 3+ bytes, 1 two-byte register forms (`call eax`, `call [eax]`),
   *  which are short enough to appear by chance in the bytes before a data word. */
  rank: 1 | 2 | 3;
}

/** Shortest and longest encodings of a near CALL in 32-bit code that ends at ra. */
export const CALL_MIN_BYTES = 2;
export const CALL_MAX_BYTES = 7;

type IcedModule = typeof Iced;
let icedPromise: Promise<IcedModule> | undefined;
const loadIced = (): Promise<IcedModule> => (icedPromise ??= import('iced-x86'));

export interface CallSiteDecoder {
  /** The best-ranked near CALL that ends exactly at `ra`, or undefined (bytes unreadable or none decodes). */
  callEndingAt(vm: Pick<VirtualMemory, 'readSparse'>, ra: number): CallSite | undefined;
}

/** Loads iced-x86 once and returns a decoder bound to it. */
export async function loadCallSiteDecoder(): Promise<CallSiteDecoder> {
  const iced = await loadIced();
  return { callEndingAt: (vm, ra) => decodeCallEndingAt(iced, vm, ra) };
}

function decodeCallEndingAt(iced: IcedModule, vm: Pick<VirtualMemory, 'readSparse'>, ra: number): CallSite | undefined {
  ra = u32(ra);
  if (ra < CALL_MAX_BYTES) return undefined;
  const from = ra - CALL_MAX_BYTES;
  const window = vm.readSparse(from, CALL_MAX_BYTES);
  let best: CallSite | undefined;
  const decoder = new iced.Decoder(32, window.bytes, iced.DecoderOptions.None);
  const instr = new iced.Instruction();
  try {
    for (let len = CALL_MIN_BYTES; len <= CALL_MAX_BYTES; len++) {
      const pos = CALL_MAX_BYTES - len;
      if (!allReadable(window.readable, pos)) break; // every longer form needs this byte too
      decoder.position = pos;
      decoder.ip = BigInt(ra - len);
      decoder.decodeOut(instr);
      if (instr.length !== len || !instr.isCallNear && !instr.isCallNearIndirect) continue;
      const site = describe(iced, instr, ra, len);
      if (!best || site.rank > best.rank) best = site;
    }
  } finally {
    instr.free();
    decoder.free();
  }
  return best;
}

const allReadable = (mask: Uint8Array, pos: number): boolean => {
  for (let i = pos; i < mask.length; i++) if (!mask[i]) return false;
  return true;
};

function describe(iced: IcedModule, instr: Iced.Instruction, ra: number, len: number): CallSite {
  const start = ra - len;
  if (instr.isCallNear) return { ra, start, length: len, kind: 'direct', target: u32(instr.nearBranch32), rank: 3 };
  const rank = len === 2 ? 1 : 2;
  if (instr.op0Kind === iced.OpKind.Register) return { ra, start, length: len, kind: 'indirect_reg', rank };
  const absolute = instr.memoryBase === iced.Register.None && instr.memoryIndex === iced.Register.None;
  const site: CallSite = { ra, start, length: len, kind: 'indirect_mem', rank };
  if (absolute) site.pointerSlot = u32(Number(instr.memoryDisplacement));
  return site;
}
