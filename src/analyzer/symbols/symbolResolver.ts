import { isKdsimError } from '../../common/errors';
import type { FunctionFrameData } from '../../symbols/isf';
import type { SymbolStore } from '../../symbols/symbolStore';
import { TypeTable } from '../../symbols/typeTable';
import type { TypeTableApi } from '../../symbols/typeTable.api';
import { ModuleSymbols, wildcard } from './moduleSymbols';
import type { ModuleInfo, SymbolHit, SymbolResolverApi } from './types';

interface LoadedModule {
  info: ModuleInfo;
  symbols?: ModuleSymbols;
  types?: TypeTableApi;
  /** Set while the module's ISF is found but not parsed yet (WinDbg's `(deferred)`). */
  deferred?: { pdb: NonNullable<ModuleInfo['pdb']> };
}

/**
 * Address ↔ name over the loaded modules. Each module's RSDS record (PDB name, GUID, age) selects its ISF
 * file in the store; without one the module still resolves as `Module+0xoff` (WinDbg's "no symbols").
 * Symbols load as in WinDbg's `(deferred)` mode: the kernel's at once (nearly every command needs them),
 * every other module's ISF on the first question about that module; a file that then proves invalid becomes
 * a warning (`onWarning`) and the module shows "no symbols".
 */
export class SymbolResolver implements SymbolResolverApi {
  private readonly byBase: LoadedModule[];
  readonly warnings: string[] = [];

  /** Receives the warnings of modules whose deferred symbols fail to load after construction. */
  onWarning?: (line: string) => void;

  constructor(modules: Omit<ModuleInfo, 'symbolStatus'>[], private readonly store: SymbolStore, private readonly fallbackKernelTypes?: TypeTableApi) {
    this.byBase = modules.map((m) => this.load(m)).sort((a, b) => a.info.base - b.info.base);
  }

  /** Image names of the modules whose ISF has been parsed so far (for the start-up test). */
  parsedModules(): string[] {
    return this.byBase.filter((m) => m.symbols !== undefined).map((m) => m.info.name);
  }

  modules(): ModuleInfo[] {
    return this.byBase.map((m) => m.info);
  }

  moduleByName(name: string): ModuleInfo | undefined {
    return this.find(name)?.info;
  }

  moduleAt(addr: number): ModuleInfo | undefined {
    return this.loadedAt(addr)?.info;
  }

  lookup(addr: number): SymbolHit | undefined {
    const m = this.loadedAt(addr);
    if (!m) return undefined;
    const a = addr >>> 0;
    const sym = this.symbolsOf(m)?.nearest(a);
    if (!sym || sym.address < m.info.base) return { module: m.info, offset: a - m.info.base };
    return {
      module: m.info,
      symbol: { name: sym.name, address: sym.address, ...(sym.frame ? { frame: sym.frame } : {}) },
      offset: a - sym.address,
    };
  }

  format(addr: number): string | undefined {
    const hit = this.lookup(addr);
    if (!hit) return undefined;
    const where = hit.symbol ? `${hit.module.name}!${hit.symbol.name}` : hit.module.name;
    return hit.offset ? `${where}+0x${hit.offset.toString(16)}` : where;
  }

  resolve(name: string): number | undefined {
    const bang = name.indexOf('!');
    if (bang >= 0) {
      const m = this.find(name.slice(0, bang));
      return m ? this.symbolsOf(m)?.byExactName(name.slice(bang + 1))?.address : undefined;
    }
    // A bare module name evaluates to its base, as in WinDbg (`? nt`); then symbols, kernel first.
    const mod = this.find(name);
    if (mod) return mod.info.base;
    for (const m of this.kernelFirst()) {
      const s = this.symbolsOf(m)?.byExactName(name);
      if (s) return s.address;
    }
    return undefined;
  }

  search(pattern: string): { name: string; address: number }[] {
    const bang = pattern.indexOf('!');
    const modRe = wildcard(bang >= 0 ? pattern.slice(0, bang) : '*');
    const symRe = wildcard(bang >= 0 ? pattern.slice(bang + 1) : pattern);
    return this.byBase
      .filter((m) => modRe.test(m.info.name) || (m.info.typeModuleName !== undefined && modRe.test(m.info.typeModuleName)))
      .flatMap((m) => (this.symbolsOf(m)?.matching(symRe) ?? []).map((s) => ({ name: `${m.info.name}!${s.name}`, address: s.address })));
  }

  typesFor(moduleName: string): TypeTableApi | undefined {
    const m = this.find(moduleName);
    if (m) this.symbolsOf(m);
    if (m?.types) return m.types;
    const kernelAsked = moduleName.toLowerCase() === 'nt' || m?.info.name === 'nt'
      || (!m && this.fallbackKernelTypes && moduleName.toLowerCase() === this.fallbackKernelTypes.moduleName);
    return kernelAsked ? this.fallbackKernelTypes : undefined;
  }

  frameDataAt(addr: number): FunctionFrameData | undefined {
    const hit = this.lookup(addr);
    const f = hit?.symbol?.frame;
    return f && hit.offset < f.size ? f : undefined;
  }

  /** By WinDbg name ('nt', 'StackHog'), PDB name ('ntkrpamp') or image name ('StackHog.sys'), case-insensitive. */
  private find(name: string): LoadedModule | undefined {
    const n = name.toLowerCase();
    return this.byBase.find((m) => m.info.name.toLowerCase() === n)
      ?? this.byBase.find((m) => m.info.typeModuleName?.toLowerCase() === n || m.info.imageName.toLowerCase() === n);
  }

  private loadedAt(addr: number): LoadedModule | undefined {
    const a = addr >>> 0;
    let lo = 0;
    let hi = this.byBase.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const m = this.byBase[mid].info;
      if (a < m.base) hi = mid - 1;
      else if (a >= m.base + m.size) lo = mid + 1;
      else return this.byBase[mid];
    }
    return undefined;
  }

  private kernelFirst(): LoadedModule[] {
    return [...this.byBase.filter((m) => m.info.name === 'nt'), ...this.byBase.filter((m) => m.info.name !== 'nt')];
  }

  private load(m: Omit<ModuleInfo, 'symbolStatus'>): LoadedModule {
    if (!m.pdb) return { info: { ...m, symbolStatus: 'unreadable' } };
    const found = this.store.find(m.pdb.name, m.pdb.guid, m.pdb.age);
    if (!found) {
      const samePdb = this.store.entries().some((e) => e.key.startsWith(`${m.pdb!.name.toLowerCase()}/`));
      return { info: { ...m, symbolStatus: samePdb ? 'mismatch' : 'none' } };
    }
    const loaded: LoadedModule = { info: { ...m, symbolStatus: 'loaded', symbolFile: found.isfPath }, deferred: { pdb: m.pdb } };
    if (m.name === 'nt') this.symbolsOf(loaded);
    return loaded;
  }

  /** The module's symbols, parsing its ISF on first use. */
  private symbolsOf(m: LoadedModule): ModuleSymbols | undefined {
    if (!m.deferred) return m.symbols;
    const { pdb } = m.deferred;
    m.deferred = undefined;
    try {
      const syms = this.store.load(pdb.name, pdb.guid, pdb.age);
      if (!syms) { m.info.symbolStatus = 'none'; return undefined; } // removed since the store listed it
      m.symbols = new ModuleSymbols(m.info.base, syms.isf, syms.frames);
      if (Object.keys(syms.isf.user_types).length > 0) m.types = new TypeTable(syms.isf, m.info.typeModuleName ?? m.info.name);
    } catch (e) {
      if (!isKdsimError(e)) throw e;
      // A bad file is ignored, never half-used: the module is `(no symbols)` and the banner and `lm` say why.
      m.info.symbolStatus = 'corrupt';
      m.info.symbolNote = e.message;
      const line = `*** WARNING: symbol file ${m.info.symbolFile ?? pdb.name} for ${m.info.imageName} is corrupt and was ignored: ${e.message}`;
      this.warnings.push(line);
      this.onWarning?.(line);
    }
    return m.symbols;
  }
}
