/**
 * Stack-use accounting of a reconstructed chain (walkthrough.md step 31). The thread's stack [limit, base)
 * splits into: the residue of a trap frame pushed below the chain's first frame (the first page fault's
 * partial KTRAP_FRAME, 0x58 bytes on the blog's dump), the call frames [chain esp, InitialStack), and the
 * NPX save area [InitialStack, base) (0x210), which belongs to the thread, never to a driver.
 *
 * A frame owns [its esp, its return slot + 4): what its caller's CALL pushed for it (the return address),
 * what it pushed and allocated itself, and the arguments it pushed for its callee. So the bytes a frame uses
 * are differences of return-slot positions, the outermost frame reaches up to InitialStack, and the frames
 * sum exactly to the call-frame area; modules are credited with these.
 * `frameBytes` is kf's Memory column instead (ChildEBP minus the previous frame's ChildEBP, 0 on the first
 * frame), the ground truth's convention: equal to the used bytes except on the first two and the last frame.
 */
import type { ChainFrame, Reconstruction, StackBounds } from './reconstructor';
import type { FrameTrust } from './trust';
import { u32 } from '../../common/hex';

export interface FrameUse {
  index: number;
  childEbp: number;
  /** null on the outermost frame when its return slot is unknown or unreadable. */
  retAddr: number | null;
  pc: number;
  /** `module!function+0xoff`, `module+0xoff`, or `0x<hex>` outside every module (k's forms). */
  symbol: string;
  /** WinDbg module name ('nt', 'StackHog'); undefined outside every module. */
  module?: string;
  imageName?: string;
  /** kf's Memory column: childEbp − the previous frame's childEbp; 0 on the first frame. */
  frameBytes: number;
  /** The bytes of the stack this frame used, [from, to): what its module is credited with. */
  usedBytes: number;
  trust: FrameTrust;
  /** Frame data kind of the function ('ebp', 'fpo', 'trap'), when its module has frame data. */
  kind?: string;
  /** The bytes of the stack this frame used: [from, to). */
  from: number;
  to: number;
}

export interface ModuleUse { module: string; imageName?: string; bytes: number; percent: number }
export interface Region { from: number; to: number; bytes: number; percent: number }

export interface StackUse {
  bounds: StackBounds;
  /** base − limit (0x3000 for a 12 KB kernel stack). */
  stackBytes: number;
  frames: FrameUse[];
  /** Bytes per module, most first; the residue and the NPX area are not in here. */
  modules: ModuleUse[];
  /** [limit, chain esp): a trap frame pushed below the chain (the leading frame's in-stack part). */
  trapResidue?: Region;
  npx: Region;
  /** Registers that make WinDbg's own walker start at the chain's first frame: `k = ebp esp eip`. */
  kStart: { ebp: number; esp: number; eip: number };
  /** Bytes that no frame claims (only when the chain stops short of InitialStack). */
  unaccounted: number;
}

/** The frame in front of the chain (the trap handler that touched the guard page), reported apart. */
export interface LeadingFrame { childEbp: number; retAddr: number; pc: number; esp: number; trust: FrameTrust; kind?: string }

export interface SymbolText {
  format(addr: number): string | undefined;
  moduleAt(addr: number): { name: string; imageName: string } | undefined;
}

const pct = (bytes: number, total: number): number => Math.round((bytes * 1000) / total) / 10;

export function accountStackUse(rec: Reconstruction, bounds: StackBounds, symbols: SymbolText, leading?: LeadingFrame): StackUse {
  const stackBytes = u32(bounds.base - bounds.limit);
  const chainEsp = u32(rec.start.esp);
  const top = u32(bounds.initialStack);
  const frames: FrameUse[] = [];
  const describe = (pc: number) => {
    const m = symbols.moduleAt(pc);
    return { symbol: symbols.format(pc) ?? `0x${pc.toString(16)}`, module: m?.name, imageName: m?.imageName };
  };

  let trapResidue: Region | undefined;
  if (leading) {
    const from = Math.max(u32(leading.esp), u32(bounds.limit));
    const bytes = Math.max(0, chainEsp - from);
    trapResidue = { from, to: chainEsp, bytes, percent: pct(bytes, stackBytes) };
    frames.push({ index: 0, childEbp: leading.childEbp, retAddr: leading.retAddr, pc: leading.pc, ...describe(leading.pc),
      frameBytes: 0, usedBytes: bytes, trust: leading.trust, kind: leading.kind, from, to: chainEsp });
  }
  let from = chainEsp;
  rec.frames.forEach((f: ChainFrame, k) => {
    const last = k === rec.frames.length - 1;
    const to = f.retAddrSlot !== undefined ? f.retAddrSlot + 4 : last ? Math.max(top, from) : from;
    const prev = frames[frames.length - 1];
    frames.push({ index: frames.length, childEbp: f.childEbp, retAddr: f.retAddr, pc: f.regs.eip, ...describe(f.regs.eip),
      frameBytes: prev ? u32(f.childEbp - prev.childEbp) : 0, usedBytes: to - from, trust: f.trust, kind: f.fn?.frame?.kind,
      from, to });
    from = to;
  });

  const perModule = new Map<string, ModuleUse>();
  for (const f of frames) {
    if (leading && f.index === 0) continue;
    const key = f.module ?? '(no module)';
    const m = perModule.get(key) ?? { module: key, imageName: f.imageName, bytes: 0, percent: 0 };
    m.bytes += f.usedBytes;
    perModule.set(key, m);
  }
  const modules = [...perModule.values()]
    .map((m) => ({ ...m, percent: pct(m.bytes, stackBytes) }))
    .sort((a, b) => b.bytes - a.bytes || a.module.localeCompare(b.module));
  const npxBytes = u32(bounds.base - top);
  const claimed = frames.reduce((s, f) => s + f.usedBytes, 0);
  const inStackBelowTop = top - Math.max(u32(bounds.limit), Math.min(chainEsp, trapResidue?.from ?? chainEsp));
  return {
    bounds, stackBytes, frames, modules, trapResidue,
    npx: { from: top, to: u32(bounds.base), bytes: npxBytes, percent: pct(npxBytes, stackBytes) },
    kStart: { ebp: u32(rec.start.ebp), esp: chainEsp, eip: u32(rec.start.eip) },
    unaccounted: Math.max(0, inStackBelowTop - claimed),
  };
}
