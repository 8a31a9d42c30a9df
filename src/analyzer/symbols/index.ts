export { createSymbolResolver } from './createSymbolResolver';
export { SymbolResolver } from './symbolResolver';
export { discoverModules, windbgModuleName, defaultKernelTypes } from './moduleMap';
export { ModuleSymbols, wildcard } from './moduleSymbols';
export type { ModuleInfo, SymbolHit, SymbolResolverApi } from './types';
export { parseSymbolPath, serverWarning, type ParsedSymbolPath } from './symbolPath';
