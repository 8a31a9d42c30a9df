import { resolve } from 'path';
import { isKdsimError } from '../../common/errors';
import { DeferredTypeTable } from '../../symbols/deferredTypeTable';
import { SymbolStore } from '../../symbols/symbolStore';
import { TypeTable } from '../../symbols/typeTable';
import type { TypeTableApi } from '../../symbols/typeTable.api';
import type { CrashDump } from '../dump/types';
import { readKdbg } from '../objects/kdbg';
import { readPeImage } from '../objects/peImage';
import { defaultKernelTypes, discoverModules } from './moduleMap';
import { SymbolResolver } from './symbolResolver';

/**
 * The dump's symbol resolver: modules from the dump (list + kernel from KDBG), symbols from `symbolPaths`
 * (searched first) and the shipped store, or `symbolPath` instead of the shipped store (`-y`). Problems become lines in dump.warnings, never a failure.
 * When the kernel has no ISF, `typesFor('nt')` still answers with the built-in Server 2003 SP2 x86 layouts,
 * parsed only then (deferred).
 */
export function createSymbolResolver(dump: CrashDump, opts: { symbolPaths?: string[]; symbolPath?: string[]; store?: SymbolStore } = {}): SymbolResolver {
  const store = opts.store ?? sharedStore(opts.symbolPaths ?? [], opts.symbolPath);
  const builtIn = new DeferredTypeTable('ntkrpamp', defaultKernelTypes);
  const found = discoverModules(dump, kernelListTypes(dump, store) ?? builtIn);
  const resolver = new SymbolResolver(found.modules, store, builtIn);
  dump.warnings.push(...found.warnings, ...resolver.warnings);
  resolver.onWarning = (line) => dump.warnings.push(line);
  return resolver;
}

const stores = new Map<string, SymbolStore>();

/**
 * One store per symbol path in a process, so every dump a triage worker opens reuses the files it already
 * parsed (the store caches each ISF it loads) instead of reading and parsing them again per dump.
 */
function sharedStore(symbolPaths: string[], symbolPath?: string[]): SymbolStore {
  const extra = symbolPaths.map((d) => resolve(d));
  const key = JSON.stringify([extra, symbolPath?.map((d) => resolve(d)) ?? null]);
  let store = stores.get(key);
  if (!store) {
    store = symbolPath ? new SymbolStore([...extra, ...symbolPath.map((d) => resolve(d))]) : SymbolStore.withDefaults(extra);
    if (stores.size >= 8) stores.clear(); // a process sees a handful of symbol paths; keep the cache bounded
    stores.set(key, store);
  }
  return store;
}

/**
 * The module list walked through the kernel's own ISF when the store has it (found from KDBG KernBase's RSDS):
 * the same file the resolver loads next (the store caches it), so the kernel's types are parsed once, not a
 * second time from the built-in layouts. Undefined when there is no such ISF or it has no list types.
 */
function kernelListTypes(dump: CrashDump, store: SymbolStore): TypeTableApi | undefined {
  const k = readKdbg(dump.kernelVm, dump.header.kdDebuggerDataBlock);
  const kernBase = k.ok ? k.kdbg.kernBase : undefined;
  const pdb = kernBase ? readPeImage(dump.kernelVm, kernBase)?.pdb : undefined;
  if (!pdb) return undefined;
  try {
    const isf = store.load(pdb.name, pdb.guid, pdb.age)?.isf;
    if (!isf || !('_LDR_DATA_TABLE_ENTRY' in isf.user_types) || !('_UNICODE_STRING' in isf.user_types)) return undefined;
    return new TypeTable(isf, pdb.name.replace(/\.pdb$/i, ''));
  } catch (e) {
    if (isKdsimError(e)) return undefined; // the resolver reports the bad file when it loads it
    throw e;
  }
}
