import { hex8 } from '../../common/hex';
import type { CrashDump } from '../dump/types';
import type { Kdbg } from '../objects/kdbg';
import { readKdbg } from '../objects/kdbg';
import { readModuleList } from '../objects/modules';
import { readPeImage } from '../objects/peImage';
import { ntkrpampTypes } from '../../symbols/layouts/ntkrpamp';
import { TypeTable } from '../../symbols/typeTable';
import type { TypeTableApi } from '../../symbols/typeTable.api';
import type { ModuleInfo } from './types';

/** Kernel image names WinDbg calls 'nt' (volatility3's KERNEL_MODULE_NAMES, as images). */
const KERNEL_IMAGES = /^(ntoskrnl|ntkrnlpa|ntkrnlmp|ntkrpamp)\.exe$/i;

/** WinDbg module name of an image: 'nt' for the kernel, 'hal' for any HAL, else the name without extension. */
export function windbgModuleName(imageName: string, isKernel: boolean): string {
  if (isKernel || KERNEL_IMAGES.test(imageName)) return 'nt';
  if (/^hal.*\.dll$/i.test(imageName)) return 'hal';
  return imageName.replace(/\.[^.]*$/, '');
}

export interface DiscoveredModules {
  modules: Omit<ModuleInfo, 'symbolStatus'>[];
  kdbg?: Kdbg;
  warnings: string[];
}

/**
 * The dump's loaded modules: PsLoadedModuleList (header, else KDBG) walked through the kernel's own layout,
 * each image's PE header for timestamp, checksum and RSDS; the kernel from KDBG KernBase even without a
 * list. A missing or damaged list is a warning, never a failure.
 */
export function discoverModules(dump: CrashDump, listTypes: TypeTableApi = defaultKernelTypes()): DiscoveredModules {
  const warnings: string[] = [];
  const vm = dump.kernelVm;
  const k = readKdbg(vm, dump.header.kdDebuggerDataBlock);
  const kdbg = k.ok ? k.kdbg : undefined;
  if (!k.ok) warnings.push(`WARNING: ${k.reason}`);
  const kernBase = kdbg?.kernBase ?? undefined;

  const head = dump.header.psLoadedModuleList || kdbg?.psLoadedModuleList || 0;
  const modules: Omit<ModuleInfo, 'symbolStatus'>[] = [];
  if (!head) {
    warnings.push('WARNING: no PsLoadedModuleList in the dump header or KDBG; module list unavailable');
  } else {
    const list = readModuleList(vm, listTypes, head);
    if (list.warning) warnings.push(`WARNING: ${list.warning}`);
    list.modules.forEach((e, i) => {
      if (e.base === null || e.size === null || e.size === 0) {
        warnings.push(`WARNING: module list entry at ${hex8(e.entry)} is unreadable; skipped`);
        return;
      }
      const imageName = e.baseName || `module_${hex8(e.base)}`;
      const isKernel = kernBase !== undefined ? e.base === kernBase : i === 0;
      modules.push(withImage(dump, {
        name: windbgModuleName(imageName, isKernel), imageName, fullPath: e.fullName ?? undefined,
        base: e.base, size: e.size, timeDateStamp: e.timeDateStamp ?? undefined, checkSum: e.checkSum ?? undefined,
      }));
    });
  }
  if (kernBase && !modules.some((m) => m.base === kernBase)) {
    const pe = readPeImage(vm, kernBase);
    if (pe) {
      const imageName = pe.pdb ? pe.pdb.name.replace(/\.pdb$/i, '.exe') : 'ntoskrnl.exe';
      modules.push(withImage(dump, { name: 'nt', imageName, base: kernBase, size: pe.sizeOfImage }));
    } else {
      warnings.push(`WARNING: Unable to read image header for the kernel at ${hex8(kernBase)}`);
    }
  }
  dedupeNames(modules);
  return { modules: modules.sort((a, b) => a.base - b.base), kdbg, warnings };
}

/** Fill PE facts (RSDS, timestamp, checksum) from the image header when readable. */
function withImage(dump: CrashDump, m: Omit<ModuleInfo, 'symbolStatus'>): Omit<ModuleInfo, 'symbolStatus'> {
  const pe = readPeImage(dump.kernelVm, m.base);
  if (!pe) return m;
  return {
    ...m,
    timeDateStamp: m.timeDateStamp ?? pe.timeDateStamp,
    checkSum: m.checkSum ?? pe.checkSum,
    ...(pe.pdb ? { pdb: pe.pdb, typeModuleName: pe.pdb.name.replace(/\.pdb$/i, '') } : {}),
  };
}

/** Two images with one WinDbg name: later ones get the base appended, as WinDbg does ('mod_f7b1f000'). */
function dedupeNames(modules: Omit<ModuleInfo, 'symbolStatus'>[]): void {
  const seen = new Set<string>();
  for (const m of modules) {
    const key = m.name.toLowerCase();
    if (seen.has(key)) m.name = `${m.name}_${hex8(m.base)}`;
    seen.add(m.name.toLowerCase());
  }
}

let builtIn: TypeTable | undefined;
/** The built-in Server 2003 SP2 x86 PAE layouts (for walking the list before any ISF is loaded). */
export const defaultKernelTypes = (): TypeTable => (builtIn ??= new TypeTable(ntkrpampTypes(), 'ntkrpamp'));
