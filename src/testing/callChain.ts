/**
 * Test helper: lays out a kernel call chain the way compiled code leaves it on the stack (caller pushes
 * arguments, CALL pushes the return address, an EBP function pushes EBP, then locals and saved registers),
 * with real `e8 rel32` CALL bytes at each call site, over FakeMemory/FakeSymbols. It also returns the truth
 * (each frame's return slot, ChildEBP and bytes), so reconstruction tests compare against what was built.
 */
import { FakeMemory } from './fakeMemory';
import { FakeSymbols, type FakeModule } from './fakeSymbols';
import type { FrameKind } from '../symbols/isf';

export interface ChainFunction {
  module: string;
  name: string;
  address: number;
  size: number;
  kind: FrameKind;
  localsBytes?: number;
  savedRegs?: number;
  paramBytes?: number;
}

/** One live frame, outermost first: the function and the offset of its call to the next inner frame
 *  (for the innermost frame: the offset of its current instruction). */
export interface ChainStep { fn: ChainFunction; at: number }

export interface BuiltFrame { fn: ChainFunction; pc: number; raSlot: number; retAddr: number; childEbp: number }
export interface BuiltChain {
  mem: FakeMemory;
  symbols: FakeSymbols;
  /** Innermost first; the last frame's raSlot holds `outerRetAddr`. */
  frames: BuiltFrame[];
  start: { eip: number; esp: number; ebp: number };
  /** Call a function at `at` and leave the return address in memory at `slot` (a stale word). */
  plantCall(from: ChainFunction, at: number, target: number, slot: number): number;
}

export interface ChainOptions {
  modules: { name: string; base: number; size: number; symbols?: boolean }[];
  functions: ChainFunction[];
  steps: ChainStep[];
  /** Address the outermost frame's return slot sits below (InitialStack). */
  top: number;
  outerRetAddr?: number;
  /** Fill for locals and saved registers (default 0). */
  fill?: (slot: number) => number;
}

const CALL_LEN = 5;

export function buildCallChain(o: ChainOptions): BuiltChain {
  const mem = FakeMemory.bytewise();
  const mods: FakeModule[] = o.modules.map((m) => ({
    ...m,
    functions: o.functions.filter((f) => f.module === m.name).map((f) => ({
      name: f.name, address: f.address, size: f.size,
      frame: { kind: f.kind, localsBytes: f.localsBytes ?? 0, savedRegs: f.savedRegs ?? 0, paramBytes: f.paramBytes ?? 0 },
    })),
  }));
  for (const f of o.functions) if (f.kind === 'ebp') mem.code(f.address, [0x55, 0x8b, 0xec]);
  const emitCall = (from: ChainFunction, at: number, target: number): number => {
    const site = from.address + at - CALL_LEN;
    const rel = (target - (site + CALL_LEN)) >>> 0;
    mem.code(site - 2, [0x8b, 0xc8, 0xe8, rel & 0xff, (rel >>> 8) & 0xff, (rel >>> 16) & 0xff, rel >>> 24]);
    return (site + CALL_LEN) >>> 0;
  };
  const put = (slot: number, v: number) => {
    const b = new Uint8Array(4);
    new DataView(b.buffer).setUint32(0, v >>> 0, true);
    mem.write(slot, b);
  };
  const fill = o.fill ?? (() => 0);

  let sp = o.top;
  let ebp = 0;
  let ra = o.outerRetAddr ?? 0;
  const built: BuiltFrame[] = [];
  o.steps.forEach((step, k) => {
    const f = step.fn;
    sp -= 4; put(sp, ra);
    const raSlot = sp;
    if (f.kind === 'ebp') { sp -= 4; put(sp, ebp); ebp = sp; }
    const body = (f.localsBytes ?? 0) + 4 * (f.savedRegs ?? 0);
    for (let i = 0; i < body; i += 4) { sp -= 4; put(sp, fill(sp)); }
    const inner = o.steps[k + 1];
    const pc = k === 0 ? 0 : built[0].retAddr;
    built.unshift({ fn: f, pc, raSlot, retAddr: ra, childEbp: raSlot - 4 });
    if (inner) {
      for (let i = 0; i < (inner.fn.paramBytes ?? 0); i += 4) { sp -= 4; put(sp, fill(sp)); }
      ra = emitCall(f, step.at, inner.fn.address);
    }
  });
  // pc of each frame: the return address into it (innermost: its current instruction).
  const innermost = o.steps[o.steps.length - 1];
  for (let i = 0; i < built.length; i++) built[i].pc = i === 0 ? innermost.fn.address + innermost.at : built[i - 1].retAddr;
  return {
    mem,
    symbols: new FakeSymbols(mods),
    frames: built,
    start: { eip: innermost.fn.address + innermost.at, esp: sp, ebp },
    plantCall: (from, at, target, slot) => { const r = emitCall(from, at, target); put(slot, r); return r; },
  };
}
