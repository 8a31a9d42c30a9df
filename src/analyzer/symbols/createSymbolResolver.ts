import { resolve } from 'path';
import { SymbolStore } from '../../symbols/symbolStore';
import type { CrashDump } from '../dump/types';
import { defaultKernelTypes, discoverModules } from './moduleMap';
import { SymbolResolver } from './symbolResolver';

/**
 * The dump's symbol resolver: modules from the dump (list + kernel from KDBG), symbols from `symbolPaths`
 * (searched first) and the shipped store, or `symbolPath` instead of the shipped store (`-y`). Problems become lines in dump.warnings, never a failure.
 * When the kernel has no ISF, `typesFor('nt')` still answers with the built-in Server 2003 SP2 x86 layouts.
 */
export function createSymbolResolver(dump: CrashDump, opts: { symbolPaths?: string[]; symbolPath?: string[]; store?: SymbolStore } = {}): SymbolResolver {
  const store = opts.store ?? (opts.symbolPath
    ? new SymbolStore([...(opts.symbolPaths ?? []), ...opts.symbolPath].map((d) => resolve(d)))
    : SymbolStore.withDefaults(opts.symbolPaths ?? []));
  const found = discoverModules(dump);
  const resolver = new SymbolResolver(found.modules, store, defaultKernelTypes());
  dump.warnings.push(...found.warnings, ...resolver.warnings);
  return resolver;
}
