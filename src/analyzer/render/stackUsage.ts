/**
 * `!stackusage` text (kdsim's own extension): the rebuilt chain with each frame's trust and bytes, the bytes
 * per module as a share of the whole stack with a text bar, the regions that belong to no driver, and the
 * `kf = ebp esp eip` line that makes WinDbg's own walker start at the rebuilt innermost frame.
 */
import { recursionLines, type Recursion } from '../analysis/recursion';
import { hex8 } from '../../common/hex';
import type { StackUse } from '../stackwalk/stackUse';
import { BAR_WIDTH } from '../../common/limits';

export interface StackUsageModel {
  thread: number;
  processName?: string;
  use: StackUse;
  /** Words that decoded as CALL sites but were left off the chain (stale return addresses). */
  staleRejected: number;
  /** Repeated functions and driver pairs calling back and forth (analysis/recursion.ts). */
  recursion?: Recursion;
}

const BAR = BAR_WIDTH;
/** A damaged stack (InitialStack above the base) gives shares past 100 %: the bar is clamped, the figure kept. */
const bar = (percent: number) => '#'.repeat(Math.round((Math.min(100, Math.max(0, percent || 0)) * BAR) / 100));
const hx = (v: number) => `0x${v.toString(16)}`;

export function renderStackUsage(m: StackUsageModel): string[] {
  const u = m.use;
  const { limit, base, initialStack } = u.bounds;
  const out = [
    `Stack use of thread ${hex8(m.thread)}${m.processName ? ` (${m.processName})` : ''}: [${hex8(limit)}, ${hex8(base)}), ${hx(u.stackBytes)} bytes, InitialStack ${hex8(initialStack)}`,
    ' # ChildEBP RetAddr    Memory     Used Trust         Call Site',
  ];
  for (const f of u.frames) {
    const ret = f.retAddr === null ? '????????' : hex8(f.retAddr);
    // Memory: kf's column (ChildEBP distance); Used: the bytes credited to the frame's module below.
    const memory = f.index === 0 ? '' : hx(f.frameBytes);
    out.push(`${f.index.toString(16).padStart(2, '0')} ${hex8(f.childEbp)} ${ret} ${memory.padStart(8)} ${hx(f.usedBytes).padStart(8)} ${f.trust.padEnd(13)} ${f.symbol}`);
  }
  out.push('', `Bytes per module (of ${hx(u.stackBytes)}):`);
  const width = Math.max(12, ...u.modules.map((x) => (x.imageName ?? x.module).length));
  const line = (name: string, bytes: number, percent: number, note = '') =>
    `${name.padEnd(width)} ${hx(bytes).padStart(8)} ${percent.toFixed(1).padStart(5)}%  ${bar(percent).padEnd(BAR)}${note}`.trimEnd();
  for (const x of u.modules) out.push(line(x.imageName ?? x.module, x.bytes, x.percent));
  if (u.trapResidue) {
    const r = u.trapResidue;
    out.push(line('(trap frame)', r.bytes, r.percent, `  [${hex8(r.from)}, ${hex8(r.to)}) residue of the trap frame below the first frame`));
  }
  out.push(line('(NPX area)', u.npx.bytes, u.npx.percent, `  [${hex8(u.npx.from)}, ${hex8(u.npx.to)}) above InitialStack, the thread's own`));
  if (u.unaccounted) out.push(line('(unclaimed)', u.unaccounted, Math.round((u.unaccounted * 1000) / u.stackBytes) / 10));
  if (m.staleRejected) out.push('', `${m.staleRejected} stale return address${m.staleRejected === 1 ? '' : 'es'} rejected (their CALL enters another function).`);
  const rec = m.recursion ? recursionLines(m.recursion).map((l) => l.replace(/^\[kdsim\] /, '')) : [];
  if (rec.length) out.push('', ...rec);
  out.push('', 'WinDbg walks the rebuilt chain from its innermost frame with:', `kf = ${hex8(u.kStart.ebp)} ${hex8(u.kStart.esp)} ${hex8(u.kStart.eip)}`);
  return out;
}
