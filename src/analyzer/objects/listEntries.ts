import type { VirtualMemory } from '../memory/types';
import type { TypeTableApi } from '../../symbols/typeTable.api';
import { walkList as walkObjects } from './listWalker';

/**
 * Flink walk of a `LIST_ENTRY` ring from its head (the objects layer's cycle-safe walker): the entry addresses,
 * not the containing records, at most `cap` of them; `broken` when the ring did not come back to its head.
 */
export function walkList(vm: VirtualMemory, types: TypeTableApi, head: number, cap: number): { entries: number[]; broken: boolean } {
  const w = walkObjects(vm, types, head, { cap });
  return { entries: w.links, broken: !w.complete };
}
