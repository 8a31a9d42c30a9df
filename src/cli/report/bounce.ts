/**
 * Recursion and bounce summary, computed from the reconstructed frame list alone: which drivers call each other
 * back and forth, and which functions are on the stack more than once. Drivers of one I/O path call each other
 * through the kernel (IoCallDriver → nt!IofCallDriver), so kernel frames between two driver frames are passed
 * through and named as the way the call went, not counted as a caller.
 */
import type { ReportFrame } from './reportModel';

/** Modules that only pass a call on between drivers. */
const KERNEL = new Set(['nt', 'hal']);

export interface ModuleCall {
  caller: string;
  callee: string;
  /** How many times the caller's frames called into the callee's (outer → inner). */
  count: number;
  /** Kernel functions the calls went through (`nt!IofCallDriver`), empty for direct calls. */
  via: string[];
  /** Innermost frame index of each call's callee frame, outermost call first (links into the frame table). */
  calleeFrames: number[];
}

export interface Bounce {
  a: string;
  b: string;
  aToB: number;
  bToA: number;
  via: string[];
}

export interface RecursiveFunction {
  function: string;
  module?: string;
  count: number;
  bytes: number;
  /** Frame indexes, innermost first. */
  frames: number[];
}

export interface BounceSummary {
  calls: ModuleCall[];
  /** Pairs of modules that call each other in both directions, most calls first. */
  bounces: Bounce[];
  /** Functions with more than one frame on the stack, most frames first. */
  recursion: RecursiveFunction[];
}

/** `StackHog!ShProcessRequest+0x2a` → `StackHog!ShProcessRequest`; `StackHog+0x10e2` → `StackHog` (no symbols). */
export const functionOf = (symbol: string): string => symbol.replace(/\+0x[0-9a-f]+$/i, '');

export function bounceSummary(frames: ReportFrame[]): BounceSummary {
  // Walk from the outermost frame inward: each module change is one call, the outer module the caller.
  const chain = frames.filter((f) => !f.trapResidue).slice().reverse();
  const calls = new Map<string, ModuleCall>();
  let caller: string | undefined;
  let via: string[] = [];
  let prev: string | undefined;
  for (const f of chain) {
    const m = f.module ?? '(no module)';
    if (m === prev) continue;
    prev = m;
    if (KERNEL.has(m) && caller !== undefined) { via.push(functionOf(f.symbol)); continue; }
    if (caller !== undefined && m !== caller) {
      const key = `${caller}\u0000${m}`;
      const c = calls.get(key) ?? { caller, callee: m, count: 0, via: [], calleeFrames: [] };
      c.count++;
      for (const v of via) if (!c.via.includes(v)) c.via.push(v);
      c.calleeFrames.push(f.index);
      calls.set(key, c);
    }
    caller = m;
    via = [];
  }
  const list = [...calls.values()].sort((x, y) => y.count - x.count || x.caller.localeCompare(y.caller));
  const bounces: Bounce[] = [];
  for (const c of list) {
    const back = calls.get(`${c.callee}\u0000${c.caller}`);
    if (!back || c.caller > c.callee) continue;
    bounces.push({ a: c.caller, b: c.callee, aToB: c.count, bToA: back.count, via: [...new Set([...c.via, ...back.via])] });
  }
  bounces.sort((x, y) => y.aToB + y.bToA - (x.aToB + x.bToA) || x.a.localeCompare(y.a));

  const byFn = new Map<string, RecursiveFunction>();
  for (const f of frames) {
    if (f.trapResidue) continue;
    const fn = functionOf(f.symbol);
    const r = byFn.get(fn) ?? { function: fn, module: f.module, count: 0, bytes: 0, frames: [] };
    r.count++;
    r.bytes += f.usedBytes;
    r.frames.push(f.index);
    byFn.set(fn, r);
  }
  const recursion = [...byFn.values()].filter((r) => r.count > 1)
    .sort((x, y) => y.count - x.count || y.bytes - x.bytes || x.function.localeCompare(y.function));
  return { calls: list, bounces, recursion };
}
