/**
 * Manual stack reconstruction (what the blog's Part 2 does by hand with `dps`): scan every dword of
 * [esp, InitialStack), grade it as a return address, and pick the best chain of frames.
 *
 * The chain is a best path over candidate slots (dynamic programming, slots strictly increasing). An edge
 * p → i says "the frame running between slot p and slot i returns through slot i". It is scored by the
 * ladder: the CALL before ra_i must enter that frame's function (a known different target makes the word a
 * stale return address, kept off the chain); a saved EBP at slot p − 4 pointing at slot i − 4, or an FPO
 * frame size from frame data that lands exactly on slot i, re-syncs the chain and names how the frame was
 * found. Folklore: driver locals are full of old return addresses from deeper calls made earlier; each one
 * decodes as a perfect CALL site, and only step 4 (whom does that CALL enter?) tells them from live ones.
 */
import type { VirtualMemory } from '../memory/types';
import type { CodeFunction, RaLevel, ReturnAddressGrade, ReturnAddressValidator } from './returnAddressValidator';
import type { CallKind } from '../disasm/callSite';
import type { X86Registers } from '../../common/x86Registers';
import { u32 } from '../../common/hex';
import type { Frame } from './frame';
import type { FrameTrust } from './trust';
import { argsAt } from './contextFrame';
import { savedCallerEbp } from './fpoUnwinder';
import { STACK_SCAN_MAX_BYTES } from '../../common/limits';

/** [limit, base) is the thread's kernel stack; frames live below InitialStack (the NPX save area is above). */
export interface StackBounds { limit: number; base: number; initialStack: number }

/** Registers of the innermost frame to rebuild from, and how they were obtained. */
export interface ChainStart {
  eip: number; esp: number; ebp: number; trust: FrameTrust;
  /** The rest of the start context (segments, volatile registers), copied into every frame's regs. */
  regs?: X86Registers;
}

/**
 * A frame of the rebuilt chain: the walker's Frame (regs.eip is the return address into the frame, or the
 * start eip; ChildEBP is the dword below the return slot; retAddr/retAddrSlot are absent (null) on the
 * outermost frame), plus the function it runs in and the ladder evidence for its return address.
 */
export interface ChainFrame extends Frame {
  fn?: CodeFunction;
  evidence?: { level: RaLevel; call?: CallKind; entersInner?: boolean };
}

export interface ReconstructOptions {
  /**
   * Eip saved in the KTRAP_FRAME at `address` (null when unreadable): the outermost frame of a kernel stack is
   * usually a trap handler (KiFastCallEntry), and where it goes back to is the interrupted (user-mode) EIP.
   */
  trapFrameEip?(address: number): number | null;
}

export interface Reconstruction {
  start: ChainStart;
  frames: ChainFrame[];
  /** Words that decode as a CALL site but whose CALL enters another function: stale return addresses. */
  stale: ReturnAddressGrade[];
}

const W_ENTERS = 10;        // ladder 4 confirmed
const W_CALL_UNKNOWN = 1;   // a CALL ends at ra but its target is unknown (register call)
const W_NO_CALL = -0.5;     // only in a module/function: a frame only if geometry backs it
const W_BROKEN = -3;        // call enters another function: allowed only to bridge a break in the chain
const W_RESYNC = 6;         // saved EBP or FPO frame size lands exactly on the slot

interface Edge { score: number; trust: FrameTrust; enters?: boolean; ebp: number | null }

export function reconstructChain(
  vm: VirtualMemory, validator: ReturnAddressValidator, bounds: StackBounds, start: ChainStart,
  opts: ReconstructOptions = {},
): Reconstruction {
  const esp = u32(start.esp);
  const top = Math.min(u32(bounds.initialStack), u32(bounds.base));
  // A damaged ESP or StackLimit must not make the scan read gigabytes: keep the top STACK_SCAN_MAX_BYTES.
  const cands = scanCandidates(vm, validator, Math.max(esp, top - STACK_SCAN_MAX_BYTES), top);
  const dword = (a: number) => vm.readU32(a);
  const startFn = validator.functionAt(start.eip);

  // EBP while the frame above slot p runs, along the best path into p (Viterbi: the path fixes it).
  const ebpOut = new Array<number | null>(cands.length).fill(null);
  const ebpAbove = (p: number): number | null => (p < 0 ? u32(start.ebp) : ebpOut[p]);
  // The function whose return address sits at slot p, along the best path (knows dispatch-call targets too).
  const fnBelow = new Array<CodeFunction | undefined>(cands.length);

  const edge = (p: number, i: number): Edge | undefined => {
    const c = cands[i];
    const g = p < 0 ? startFn : cands[p].caller;
    let trust: FrameTrust = c.level === 3 ? 'scan_callsite' : 'scan';
    if (fpoSlot(p, g) === c.slot) trust = 'fpo';
    else if (g?.frame?.kind !== 'fpo' && ebpAbove(p) === c.slot - 4) trust = 'frame_pointer';
    const resynced = trust === 'fpo' || trust === 'frame_pointer';
    // Where the geometry fixes the return slot (a known frame pointer of an EBP function, the frame size of an
    // FPO one), no other slot may end the frame: a ghost frame of an earlier, shallower call left in the locals
    // chains perfectly through its own saved EBPs and would otherwise win by having more frames.
    const fixed = p >= 0 ? geometricSlot(p, g) : undefined;
    if (fixed !== undefined && fixed !== c.slot) return undefined;
    if (c.level < 3 && !resynced) return undefined; // most pairs: decided before the costlier ladder step 4
    const enters = c.level === 3 ? validator.entersFunction(c, p < 0 ? start.eip : cands[p].value) : undefined;
    if (enters === false && !resynced) return undefined;
    const score = (c.level < 3 ? W_NO_CALL : enters === true ? W_ENTERS : enters === false ? W_BROKEN : W_CALL_UNKNOWN)
      + (resynced ? W_RESYNC : 0);
    // An EBP frame popped its caller's EBP from slot − 4; an FPO frame that pushed EBP (using it as a general
    // register) restored it from that push; any other frame left EBP alone.
    const pushedEbp = trust === 'frame_pointer' || g?.frame?.kind === 'ebp';
    const fpoEbp = g?.frame?.kind === 'fpo' ? savedCallerEbp(vm, g.frame, c.slot) : undefined;
    return { score, trust, enters, ebp: pushedEbp ? dword(c.slot - 4) : fpoEbp !== undefined ? fpoEbp : ebpAbove(p) };
  };
  const geometricSlot = (p: number, g: CodeFunction | undefined): number | undefined => {
    const slot = g?.frame?.kind === 'fpo' ? fpoSlot(p, g) : g?.frame?.kind === 'ebp' ? nullToUndefined(ebpAbove(p)) : undefined;
    if (slot === undefined) return undefined;
    const at = g?.frame?.kind === 'ebp' ? u32(slot + 4) : slot;
    // Only a slot above this one and below the frames' top is geometry; anything else is EBP used as data.
    return at > cands[p].slot && at < top && (at & 3) === 0 ? at : undefined;
  };
  // FPO: return slot = caller's esp after the inner call returned + locals + saved registers.
  const fpoSlot = (p: number, g: CodeFunction | undefined): number | undefined => {
    const f = g?.frame;
    if (!f || f.kind !== 'fpo') return undefined;
    if (p < 0) return esp + f.localsBytes + 4 * f.savedRegs;
    const calleeParams = (calleeFrameOf(validator, cands[p]) ?? fnBelow[p]?.frame)?.paramBytes;
    if (calleeParams === undefined) return undefined;
    return cands[p].slot + 4 + calleeParams + f.localsBytes + 4 * f.savedRegs;
  };

  const best = new Float64Array(cands.length).fill(-Infinity);
  const prev = new Int32Array(cands.length).fill(-2);
  const via: (Edge | undefined)[] = new Array(cands.length);
  for (let i = 0; i < cands.length; i++) {
    for (let p = -1; p < i; p++) {
      const base = p < 0 ? 0 : best[p];
      if (base === -Infinity) continue;
      const e = edge(p, i);
      if (!e || base + e.score <= best[i]) continue;
      best[i] = base + e.score;
      prev[i] = p;
      via[i] = e;
    }
    ebpOut[i] = via[i]?.ebp ?? null;
    fnBelow[i] = prev[i] === -1 ? startFn : prev[i] >= 0 ? cands[prev[i]].caller : undefined;
  }
  const path = bestPath(best, prev);
  const frames = buildFrames(vm, path, cands, via, start, startFn, validator, opts);
  const onChain = new Set(path);
  const stale = cands.filter((c, i) => !onChain.has(i) && c.level === 3 && c.callee !== undefined);
  return { start, frames, stale };
}

function scanCandidates(vm: VirtualMemory, validator: ReturnAddressValidator, from: number, to: number): ReturnAddressGrade[] {
  const out: ReturnAddressGrade[] = [];
  if (to <= from) return out;
  const span = vm.readSparse(from, to - from);
  const view = new DataView(span.bytes.buffer, span.bytes.byteOffset, span.bytes.byteLength);
  for (let off = 0; off + 4 <= span.bytes.length; off += 4) {
    if (!(span.readable[off] && span.readable[off + 1] && span.readable[off + 2] && span.readable[off + 3])) continue;
    const g = validator.grade(from + off, view.getUint32(off, true));
    if (g.level > 0) out.push(g);
  }
  return out;
}

const nullToUndefined = (v: number | null): number | undefined => (v === null ? undefined : v);

const calleeFrameOf = (validator: ReturnAddressValidator, c: ReturnAddressGrade) =>
  c.callee === undefined ? undefined : validator.functionAt(c.callee)?.frame;

/** The best chain ends at the highest-scoring slot; ties go to the outer (longer) chain. */
function bestPath(best: Float64Array, prev: Int32Array): number[] {
  let end = -1;
  let score = 0;
  for (let i = 0; i < best.length; i++) if (best[i] > 0 && best[i] >= score) { score = best[i]; end = i; }
  const path: number[] = [];
  for (let i = end; i >= 0; i = prev[i]) path.unshift(i);
  return path;
}

function buildFrames(
  vm: VirtualMemory, path: number[], cands: ReturnAddressGrade[], via: (Edge | undefined)[], start: ChainStart,
  startFn: CodeFunction | undefined, validator: ReturnAddressValidator, opts: ReconstructOptions,
): ChainFrame[] {
  const frames: ChainFrame[] = [];
  const base: X86Registers = start.regs ?? { eax: 0, ebx: 0, ecx: 0, edx: 0, esi: 0, edi: 0, eip: 0, esp: 0, ebp: 0, efl: 0, cs: 0, ss: 0, ds: 0, es: 0, fs: 0, gs: 0 };
  const push = (f: Omit<ChainFrame, 'index' | 'regs' | 'args' | 'frameData'> & { pc: number; esp: number }) => {
    const { pc, esp, ...rest } = f;
    frames.push({
      ...rest, index: frames.length, regs: { ...base, eip: u32(pc), esp: u32(esp), ebp: u32(f.childEbp) },
      args: argsAt(vm, f.childEbp), frameData: f.fn?.frame,
    });
  };
  let pc = u32(start.eip);
  let esp = u32(start.esp);
  let fn = startFn;
  let trust = start.trust;
  for (const i of path) {
    const c = cands[i];
    const e = via[i]!;
    push({ pc, esp, fn, childEbp: c.slot - 4, retAddrSlot: c.slot, retAddr: c.value, trust,
      evidence: { level: c.level, call: c.call?.kind, entersInner: e.enters } });
    pc = c.value;
    esp = c.slot + 4;
    fn = c.caller;
    trust = e.trust;
  }
  const lastSlot = path.length ? cands[path[path.length - 1]].slot : undefined;
  const childEbp = outermostEbp(lastSlot, start, (a) => vm.readU32(a));
  const outer = fn ?? validator.functionAt(pc);
  // A trap handler at the top (KiFastCallEntry): its ChildEBP is its KTRAP_FRAME, and it returns to the saved Eip.
  const retAddr = outer?.frame?.kind === 'trap' && opts.trapFrameEip ? opts.trapFrameEip(childEbp) : null;
  push({ pc, esp, fn: outer, childEbp, retAddr, trust });
  return frames;
}

/** The outermost frame's EBP: the saved EBP its callee pushed below the last return slot, when it points up. */
function outermostEbp(lastSlot: number | undefined, start: ChainStart, dword: (a: number) => number | null): number {
  if (lastSlot === undefined) return u32(start.ebp);
  const saved = dword(lastSlot - 4);
  return saved !== null && saved > lastSlot ? saved : lastSlot + 4;
}
