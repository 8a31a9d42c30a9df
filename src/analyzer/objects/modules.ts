import type { TypeTableApi } from '../../symbols/typeTable.api';
import type { VirtualMemory } from '../memory/types';
import { walkList } from './listWalker';
import { readUnicodeString } from './strings';
import { containingRecord } from './typedView';

/** One _LDR_DATA_TABLE_ENTRY of PsLoadedModuleList; unreadable fields are null. */
export interface LoadedModuleEntry {
  entry: number;
  base: number | null;
  size: number | null;
  entryPoint: number | null;
  fullName: string | null;
  baseName: string | null;
  timeDateStamp: number | null;
  checkSum: number | null;
}

/** Walk the loaded module list (InLoadOrderLinks); a broken list gives what was read plus a warning. */
export function readModuleList(
  vm: VirtualMemory, types: TypeTableApi, psLoadedModuleList: number, cap = 1024,
): { modules: LoadedModuleEntry[]; warning?: string } {
  const walk = walkList(vm, types, psLoadedModuleList, { what: 'PsLoadedModuleList', cap });
  const modules = walk.links.map((link) => {
    const e = containingRecord(vm, types, '_LDR_DATA_TABLE_ENTRY', 'InLoadOrderLinks', link);
    return {
      entry: e.address,
      base: e.num('DllBase'),
      size: e.num('SizeOfImage'),
      entryPoint: e.num('EntryPoint'),
      fullName: readUnicodeString(vm, types, e.addressOf('FullDllName')),
      baseName: readUnicodeString(vm, types, e.addressOf('BaseDllName')),
      timeDateStamp: e.optional('TimeDateStamp'),
      checkSum: e.optional('CheckSum'), // Windows 10's entry has none
    };
  });
  return walk.warning ? { modules, warning: walk.warning } : { modules };
}
