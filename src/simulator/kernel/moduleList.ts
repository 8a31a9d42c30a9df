/**
 * PsLoadedModuleList: one _LDR_DATA_TABLE_ENTRY per image, in load order, with its names in pool
 * (FullDllName as the loader records it, BaseDllName the file name).
 */
import type { BuiltModule } from '../image/modules';
import type { PoolAllocator } from './pool';
import { insertTail, type StructWriter } from './structWriter';

export function writeModuleList(w: StructWriter, pool: PoolAllocator, head: number, modules: BuiltModule[]): void {
  w.fill('_LIST_ENTRY', head, { Flink: head, Blink: head });
  for (const m of modules) {
    const t = '_LDR_DATA_TABLE_ENTRY';
    const entry = pool.allocate(w.sizeof(t));
    w.zero(t, entry);
    const full = unicode(w, pool, m.def.fullPath);
    const base = unicode(w, pool, m.def.imageName);
    // LoadCount became ObsoleteLoadCount in Windows 8 (unused for kernel modules): written where it exists.
    w.fillPresent(t, entry, {
      DllBase: m.def.base,
      EntryPoint: m.entryPoint,
      SizeOfImage: m.def.sizeOfImage,
      'FullDllName.Length': full.length, 'FullDllName.MaximumLength': full.length + 2, 'FullDllName.Buffer': full.buffer,
      'BaseDllName.Length': base.length, 'BaseDllName.MaximumLength': base.length + 2, 'BaseDllName.Buffer': base.buffer,
      Flags: m.def.kind === 'kernel' ? 0x0c004000 : 0x09104000,
      LoadCount: 1,
      CheckSum: m.checkSum,
      TimeDateStamp: m.def.timeDateStamp,
    });
    w.emptyList(t, entry, 'InMemoryOrderLinks');
    w.emptyList(t, entry, 'InInitializationOrderLinks');
    insertTail(w, head, entry);
  }
}

function unicode(w: StructWriter, pool: PoolAllocator, text: string): { buffer: number; length: number } {
  const buffer = pool.allocate(text.length * 2 + 2);
  w.mem.utf16(buffer, text);
  return { buffer, length: text.length * 2 };
}
