/**
 * Lays out a module's functions and encodes them with iced-x86's Encoder in two passes (measure, then encode with
 * every symbol resolved). A function may be pinned to an address, or anchored so that one of its labels lands
 * on a given address (how `_KiTrap0E+0x5c` ends up at 8088c718). Labels give the return addresses that the
 * stack builder needs: a label right after a CALL is that call's return address.
 */
import { Encoder } from 'iced-x86';
import type { FrameKind } from '../../symbols/isf';
import type { Asm, Resolve } from './asm';

export interface FrameShape {
  kind: FrameKind;
  localsBytes: number;
  /** Registers pushed by the prologue (for 'ebp' frames, not counting EBP itself). */
  savedRegs: number;
  paramBytes: number;
  /** Registers the prologue pushes, in push order (described functions only). */
  savedRegisters?: ('ebx' | 'ebp' | 'esi' | 'edi')[];
}

export interface FunctionSpec {
  name: string;
  frame: FrameShape;
  at?: number;
  anchor?: { label: string; va: number };
  body: (a: Asm) => void;
}

export interface EmittedFunction {
  name: string;
  va: number;
  size: number;
  frame: FrameShape & { prologBytes: number };
  /** Label name → VA. `prolog` (when the body declares it) marks the end of the prologue. */
  labels: Map<string, number>;
}

export interface EmittedCode {
  functions: EmittedFunction[];
  /** Encoded bytes, one chunk per function, plus int3 padding between neighbours. */
  chunks: { va: number; bytes: Uint8Array }[];
}

/** Gap MSVC leaves before a function (hot-patch area), filled with int3. */
const FUNCTION_GAP = 5;

interface Placed { spec: FunctionSpec; asm: Asm; va: number; offsets: Map<string, number>; size: number }

export function emitFunctions(specs: FunctionSpec[], startVa: number, external: Resolve, asmFactory: () => Asm): EmittedCode {
  const encoder = new Encoder(32);
  const placed: Placed[] = [];
  let cursor = startVa;
  for (const spec of specs) {
    const asm = asmFactory();
    spec.body(asm);
    const measured = measure(encoder, asm, spec.name);
    let va = cursor + FUNCTION_GAP;
    if (spec.at !== undefined) va = spec.at;
    if (spec.anchor) {
      const off = measured.offsets.get(spec.anchor.label);
      if (off === undefined) throw new Error(`${spec.name}: anchor label ${spec.anchor.label} missing`);
      if (spec.at !== undefined && spec.at !== spec.anchor.va - off) {
        throw new Error(`${spec.name}: label ${spec.anchor.label} is at +0x${off.toString(16)}, not +0x${(spec.anchor.va - spec.at).toString(16)}`);
      }
      va = spec.anchor.va - off;
    }
    if (va < cursor) throw new Error(`${spec.name} at ${va.toString(16)} overlaps the previous function (ends ${cursor.toString(16)})`);
    placed.push({ spec, asm, va, offsets: measured.offsets, size: measured.size });
    cursor = va + measured.size;
  }

  const byName = new Map(placed.map((p) => [p.spec.name, p]));
  const chunks: { va: number; bytes: Uint8Array }[] = [];
  const functions: EmittedFunction[] = [];
  let prevEnd = startVa;
  for (const p of placed) {
    if (p.va > prevEnd) chunks.push({ va: prevEnd, bytes: new Uint8Array(Math.min(p.va - prevEnd, 16)).fill(0xcc) });
    const resolve: Resolve = (name) => {
      if (name.startsWith('.')) {
        const off = p.offsets.get(name.slice(1));
        if (off === undefined) throw new Error(`${p.spec.name}: unknown label ${name}`);
        return p.va + off;
      }
      const local = byName.get(name);
      return local ? local.va : external(name);
    };
    const bytes = encodeAt(encoder, p.asm, p.va, resolve, p.spec.name);
    if (bytes.length !== p.size) throw new Error(`${p.spec.name}: size changed between passes`);
    chunks.push({ va: p.va, bytes });
    const labels = new Map([...p.offsets].map(([k, off]) => [k, p.va + off]));
    functions.push({
      name: p.spec.name, va: p.va, size: p.size, labels,
      frame: { ...p.spec.frame, prologBytes: p.offsets.get('prolog') ?? 0 },
    });
    prevEnd = p.va + p.size;
  }
  return { functions, chunks };
}

function measure(encoder: Encoder, asm: Asm, fn: string): { offsets: Map<string, number>; size: number } {
  const offsets = new Map<string, number>();
  let off = 0;
  const base = 0x80001000;
  for (const item of asm.items) {
    if (item.kind === 'label') {
      offsets.set(item.name, off);
      continue;
    }
    // Placeholder targets: every symbolic encoding used has a fixed size (rel32, imm32, disp32).
    off += encoder.encode(item.build(() => base, base + off), BigInt(base + off));
    encoder.takeBuffer();
  }
  if (off === 0) throw new Error(`${fn}: empty function`);
  return { offsets, size: off };
}

function encodeAt(encoder: Encoder, asm: Asm, va: number, resolve: Resolve, fn: string): Uint8Array {
  const parts: Uint8Array[] = [];
  let off = 0;
  for (const item of asm.items) {
    if (item.kind === 'label') continue;
    const rip = va + off;
    try {
      off += encoder.encode(item.build(resolve, rip), BigInt(rip >>> 0));
    } catch (e) {
      throw new Error(`${fn}+0x${off.toString(16)}: ${(e as Error).message}`);
    }
    parts.push(encoder.takeBuffer());
  }
  return new Uint8Array(Buffer.concat(parts));
}
