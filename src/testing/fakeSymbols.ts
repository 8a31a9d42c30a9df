/**
 * The one test-only SymbolResolverApi: hand-made modules with functions (optionally with frame data, as the
 * ISF sidecar gives it) and/or a flat `module!name` symbol list, and type tables per module. It formats like
 * WinDbg (`nt!_KiTrap0E+0x5c`, `StackHog+0x10e2` when a module has no symbols).
 */
import type { ModuleInfo, SymbolHit, SymbolResolverApi } from '../analyzer/symbols/types';
import type { FunctionFrameData } from '../symbols/isf';
import type { TypeTableApi } from '../symbols/typeTable.api';

/** A function; `frame` (kind defaults to 'ebp') gives it frame data. */
export interface FakeFunction { name: string; address: number; size?: number; frame?: Partial<FunctionFrameData> }
/** A module by its name, base and size (image `<name>.sys`); `symbols: false` is a module without symbols. */
export interface FakeModule { name: string; base: number; size: number; functions?: FakeFunction[]; symbols?: boolean }
/** A symbol of the flat list, in a module named by `module`. */
export interface FakeSymbol { name: string; address: number; module: string }

type Entry = { info: ModuleInfo; fns: FakeFunction[] };

const isModuleInfo = (m: FakeModule | ModuleInfo): m is ModuleInfo => 'imageName' in m;

export class FakeSymbols implements SymbolResolverApi {
  private readonly mods: Entry[];

  constructor(modules: (FakeModule | ModuleInfo)[], symbols: FakeSymbol[] = [], private readonly typeTables: Record<string, TypeTableApi> = {}) {
    this.mods = modules.map((m) => {
      const info: ModuleInfo = isModuleInfo(m) ? m
        : { name: m.name, imageName: `${m.name}.sys`, base: m.base, size: m.size, symbolStatus: m.symbols === false ? 'none' : 'loaded' };
      const fns = [...(isModuleInfo(m) ? [] : m.functions ?? []), ...symbols.filter((s) => s.module === info.name)];
      return { info, fns: fns.sort((a, b) => a.address - b.address) };
    });
  }

  modules(): ModuleInfo[] { return this.mods.map((m) => m.info); }
  moduleByName(name: string): ModuleInfo | undefined {
    const n = name.toLowerCase();
    return this.mods.find((m) => m.info.name.toLowerCase() === n || m.info.typeModuleName?.toLowerCase() === n)?.info;
  }
  moduleAt(addr: number): ModuleInfo | undefined { return this.entry(addr)?.info; }

  lookup(addr: number): SymbolHit | undefined {
    const m = this.entry(addr);
    if (!m) return undefined;
    const fn = m.info.symbolStatus === 'loaded' ? [...m.fns].reverse().find((f) => f.address <= addr) : undefined;
    if (!fn) return { module: m.info, offset: addr - m.info.base };
    return { module: m.info, symbol: { name: fn.name, address: fn.address, frame: this.frameOf(m.info, fn) }, offset: addr - fn.address };
  }

  format(addr: number): string | undefined {
    const h = this.lookup(addr);
    if (!h) return undefined;
    const name = h.symbol ? `${h.module.name}!${h.symbol.name}` : h.module.name;
    return h.offset ? `${name}+0x${h.offset.toString(16)}` : name;
  }

  /** `module!name` or a bare name; a C function's `_name` answers to `name` as in WinDbg. */
  resolve(name: string): number | undefined {
    const [mod, fn] = name.includes('!') ? name.split('!') : [undefined, name];
    const m = mod ? this.moduleByName(mod) : undefined;
    if (mod && !m) return undefined;
    for (const e of this.mods) {
      if (m && e.info !== m) continue;
      const f = e.fns.find((x) => x.name === fn) ?? e.fns.find((x) => x.name === `_${fn}`);
      if (f) return f.address;
    }
    return undefined;
  }

  /** `x module!pattern` (wildcards * and ?). */
  search(pattern: string): { name: string; address: number }[] {
    const [mod, sym] = pattern.split('!');
    const m = this.moduleByName(mod);
    const e = this.mods.find((x) => x.info === m);
    if (!e || sym === undefined) return [];
    const re = new RegExp(`^${sym.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 'i');
    return e.fns.filter((f) => re.test(f.name)).map((f) => ({ name: `${e.info.name}!${f.name}`, address: f.address }));
  }

  typesFor(moduleName: string): TypeTableApi | undefined {
    const m = this.moduleByName(moduleName);
    return m ? this.typeTables[m.name] : undefined;
  }

  frameDataAt(addr: number): FunctionFrameData | undefined {
    const h = this.lookup(addr);
    if (!h?.symbol) return undefined;
    const fn = this.entry(addr)!.fns.find((f) => f.address === h.symbol!.address)!;
    return fn.size !== undefined && fn.address + fn.size > addr ? this.frameOf(h.module, fn) : undefined;
  }

  /** Only functions given a `frame` have frame data (like a PDB without an FPO record for the rest). */
  private frameOf(mod: ModuleInfo, fn: FakeFunction): FunctionFrameData | undefined {
    if (!fn.frame) return undefined;
    return {
      rva: fn.address - mod.base, size: fn.size ?? 0, kind: 'ebp', localsBytes: 0, savedRegs: 0, paramBytes: 0, prologBytes: 3,
      ...fn.frame,
    };
  }

  private entry(addr: number): Entry | undefined {
    return this.mods.find((m) => addr >= m.info.base && addr < m.info.base + m.info.size);
  }
}
