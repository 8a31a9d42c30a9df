import type { SymbolResolverApi } from './types';

export interface NamedAddress { name: string; address: number; isFunction: boolean }

/** `module!name` whatever spelling the resolver's search answers with. */
export const qualified = (module: string, name: string): string => (name.includes('!') ? name : `${module}!${name}`);

/** Symbols of `module` matching `pattern` (wildcards), sorted by address, flagged as functions when they have frame data. */
export function moduleSymbols(symbols: SymbolResolverApi, module: string, pattern = '*'): NamedAddress[] {
  return symbols.search(`${module}!${pattern}`)
    .map((s) => ({ name: qualified(module, s.name), address: s.address >>> 0, isFunction: symbols.frameDataAt(s.address) !== undefined }))
    .sort((a, b) => a.address - b.address || a.name.localeCompare(b.name));
}
