/**
 * "Is there a CALL instruction ending exactly at this return address?" — step 3 of the return-address ladder.
 *
 * A return address pushed by a near CALL is the address right after that CALL, so one of the encodings that a
 * 32-bit compiler emits must end exactly at `ra`: `e8 rel32` (5 bytes), or `ff /2` with a ModRM byte and its
 * SIB/displacement (2..7 bytes; `ff 15 disp32` is the import-table form). A data word that merely points into
 * code almost never has such bytes in front of it.
 *
 * Why not iced-x86 here: this question is asked for every dword of a 12 KB stack on every `kdsim analyze`
 * (the banner's "Probably caused by" runs the reconstruction), and loading iced's WebAssembly costs more than
 * the rest of the start-up. The CALL family's length rules are a dozen lines; callSite.test.ts checks this
 * decoder against iced-x86 on random bytes, so the two cannot drift apart.
 */
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

export interface CallSiteDecoder {
  /** The best-ranked near CALL that ends exactly at `ra`, or undefined (bytes unreadable or none decodes). */
  callEndingAt(vm: Pick<VirtualMemory, 'readSparse'>, ra: number): CallSite | undefined;
}

const DECODER: CallSiteDecoder = { callEndingAt: decodeCallEndingAt };

/** The decoder (async for callers written when it loaded a WebAssembly module; it now loads nothing). */
export async function loadCallSiteDecoder(): Promise<CallSiteDecoder> {
  return DECODER;
}

function decodeCallEndingAt(vm: Pick<VirtualMemory, 'readSparse'>, ra: number): CallSite | undefined {
  ra = u32(ra);
  if (ra < CALL_MAX_BYTES) return undefined;
  const window = vm.readSparse(ra - CALL_MAX_BYTES, CALL_MAX_BYTES);
  let best: CallSite | undefined;
  for (let len = 1; len <= CALL_MAX_BYTES; len++) {
    const pos = CALL_MAX_BYTES - len;
    if (!window.readable[pos]) break; // every longer form needs this byte too (the window is read back to front)
    if (len < CALL_MIN_BYTES) continue;
    const site = callAt(window.bytes.subarray(pos), 0, ra);
    if (site && (!best || site.rank > best.rank)) best = site;
  }
  return best;
}

/** A near CALL starting at bytes[pos] whose encoding ends exactly at the end of `bytes`, or undefined. */
export function callAt(bytes: Uint8Array, pos: number, ra: number): CallSite | undefined {
  const len = bytes.length - pos;
  const start = ra - len;
  const op = bytes[pos];
  if (op === 0xe8) {
    if (len !== 5) return undefined;
    const rel = (bytes[pos + 1] | bytes[pos + 2] << 8 | bytes[pos + 3] << 16 | bytes[pos + 4] << 24);
    return { ra, start, length: 5, kind: 'direct', target: u32(ra + rel), rank: 3 };
  }
  if (op !== 0xff || len < 2) return undefined;
  const modrm = bytes[pos + 1];
  if ((modrm >> 3 & 7) !== 2) return undefined; // ff /2 is CALL r/m32; the other /digits are inc/dec/jmp/push
  const form = modrmLength(bytes, pos + 1);
  if (form === undefined || 1 + form.length !== len) return undefined;
  const rank = len === 2 ? 1 : 2;
  if (form.register) return { ra, start, length: len, kind: 'indirect_reg', rank };
  const site: CallSite = { ra, start, length: len, kind: 'indirect_mem', rank };
  if (form.absolute !== undefined) site.pointerSlot = form.absolute;
  return site;
}

/** Length of ModRM + SIB + displacement (32-bit addressing), and whether it is a register or an absolute [disp32]. */
function modrmLength(bytes: Uint8Array, at: number): { length: number; register?: true; absolute?: number } | undefined {
  if (at >= bytes.length) return undefined;
  const modrm = bytes[at], mod = modrm >> 6, rm = modrm & 7;
  if (mod === 3) return { length: 1, register: true };
  let length = 1;
  let noBase = mod === 0 && rm === 5; // [disp32]
  let noIndex = true;
  if (rm === 4) {
    if (at + 1 >= bytes.length) return undefined;
    const sib = bytes[at + 1];
    length++;
    noBase = mod === 0 && (sib & 7) === 5; // [index*scale + disp32]
    noIndex = (sib >> 3 & 7) === 4;       // index field 100b: no index register
  }
  const dispAt = at + length;
  if (mod === 1) length += 1;
  else if (mod === 2 || noBase) length += 4;
  if (!(noBase && noIndex) || dispAt + 4 > bytes.length) return { length };
  return { length, absolute: u32(bytes[dispAt] | bytes[dispAt + 1] << 8 | bytes[dispAt + 2] << 16 | bytes[dispAt + 3] << 24) };
}
