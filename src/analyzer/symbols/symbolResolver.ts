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
}

/**
 * Address ↔ name over the loaded modules. Each module's RSDS record (PDB name, GUID, age) selects its ISF
 * file in the store; without one the module still resolves as `Module+0xoff` (WinDbg's "no symbols").
 */
export class SymbolResolver implements SymbolResolverApi {
  private readonly byBase: LoadedModule[];
  readonly warnings: string[] = [];

  constructor(modules: Omit<ModuleInfo, 'symbolStatus'>[], store: SymbolStore, private readonly fallbackKernelTypes?: TypeTableApi) {
    this.byBase = modules.map((m) => this.load(m, store)).sort((a, b) => a.info.base - b.info.base);
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
    const sym = m.symbols?.nearest(a);
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
      return m?.symbols?.byExactName(name.slice(bang + 1))?.address;
    }
    // A bare module name evaluates to its base, as in WinDbg (`? nt`); then symbols, kernel first.
    const mod = this.find(name);
    if (mod) return mod.info.base;
    for (const m of this.kernelFirst()) {
      const s = m.symbols?.byExactName(name);
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
      .flatMap((m) => (m.symbols?.matching(symRe) ?? []).map((s) => ({ name: `${m.info.name}!${s.name}`, address: s.address })));
  }

  typesFor(moduleName: string): TypeTableApi | undefined {
    const m = this.find(moduleName);
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

  private load(m: Omit<ModuleInfo, 'symbolStatus'>, store: SymbolStore): LoadedModule {
    if (!m.pdb) return { info: { ...m, symbolStatus: 'unreadable' } };
    let syms;
    try {
      syms = store.load(m.pdb.name, m.pdb.guid, m.pdb.age);
    } catch (e) {
      if (!isKdsimError(e)) throw e;
      // A bad file is ignored, never half-used: the module is `(no symbols)` and the banner and `lm` say why.
      const file = store.find(m.pdb.name, m.pdb.guid, m.pdb.age)?.isfPath;
      this.warnings.push(`*** WARNING: symbol file ${file ?? m.pdb.name} for ${m.imageName} is corrupt and was ignored: ${e.message}`);
      return { info: { ...m, symbolStatus: 'corrupt', ...(file ? { symbolFile: file } : {}), symbolNote: e.message } };
    }
    if (!syms) {
      const samePdb = store.entries().some((e) => e.key.startsWith(`${m.pdb!.name.toLowerCase()}/`));
      return { info: { ...m, symbolStatus: samePdb ? 'mismatch' : 'none' } };
    }
    const info: ModuleInfo = { ...m, symbolStatus: 'loaded', symbolFile: syms.isfPath };
    const hasTypes = Object.keys(syms.isf.user_types).length > 0;
    return {
      info,
      symbols: new ModuleSymbols(m.base, syms.isf, syms.frames),
      ...(hasTypes ? { types: new TypeTable(syms.isf, m.typeModuleName ?? m.name) } : {}),
    };
  }
}
