import { wildcardPattern, type WildcardPattern } from '../../common/wildcard';
import type { FrameDataFile, FunctionFrameData, IsfFile } from '../../symbols/isf';

export interface SymbolEntry { name: string; address: number; frame?: FunctionFrameData }

/**
 * One module's symbols at its load address, sorted for binary search. ISF addresses are RVAs; frame data
 * from the sidecar is attached by name (and functions only in the sidecar become symbols too).
 */
export class ModuleSymbols {
  private readonly sorted: SymbolEntry[];
  private readonly byName = new Map<string, SymbolEntry>();

  constructor(readonly base: number, isf: IsfFile, frames?: FrameDataFile) {
    for (const [name, s] of Object.entries(isf.symbols)) {
      this.byName.set(name, { name, address: (base + s.address) >>> 0 });
    }
    for (const [name, f] of Object.entries(frames?.functions ?? {})) {
      const hit = this.byName.get(name);
      if (hit) hit.frame = f;
      else this.byName.set(name, { name, address: (base + f.rva) >>> 0, frame: f });
    }
    // Equal addresses: keep a stable, name-ordered choice so output does not depend on JSON key order.
    this.sorted = [...this.byName.values()].sort((a, b) => a.address - b.address || (a.name < b.name ? -1 : 1));
  }

  get count(): number {
    return this.sorted.length;
  }

  /** The symbol at or before `addr` (nearest preceding), or undefined when addr is before the first. */
  nearest(addr: number): SymbolEntry | undefined {
    let lo = 0;
    let hi = this.sorted.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.sorted[mid].address <= addr) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found < 0 ? undefined : this.sorted[found];
  }

  /** The symbol after `sym` (for `ln`'s right-hand side). */
  next(sym: SymbolEntry): SymbolEntry | undefined {
    return this.sorted.find((s) => s.address > sym.address);
  }

  /** Exact name; the blog's kernel names keep a leading underscore, so 'KiTrap0E' also finds '_KiTrap0E'. */
  byExactName(name: string): SymbolEntry | undefined {
    return this.byName.get(name) ?? this.byName.get(`_${name}`)
      ?? (name.startsWith('_') ? this.byName.get(name.slice(1)) : undefined);
  }

  /** Names matching a WinDbg wildcard pattern (`*`, `?`), case-insensitive, in address order. */
  matching(pattern: WildcardPattern): SymbolEntry[] {
    return this.sorted.filter((s) => pattern.test(s.name));
  }
}

/** WinDbg `x` wildcard (case-insensitive, whole name), matched without backtracking (common/wildcard.ts). */
export const wildcard = (pattern: string): WildcardPattern => wildcardPattern(pattern);
