import type { VirtualMemory } from '../../memory/types';

/**
 * Flink walk of a `LIST_ENTRY` ring from its head: the entry addresses (not the containing records), stopping at
 * the head, at an unreadable link, at a repeat (a damaged ring) or after `cap` entries.
 */
export function walkList(vm: VirtualMemory, head: number, cap: number): { entries: number[]; broken: boolean } {
  const entries: number[] = [];
  const seen = new Set<number>([head]);
  let link = vm.readU32(head);
  while (link !== null && link !== head && entries.length < cap) {
    if (seen.has(link) || link === 0) return { entries, broken: true };
    seen.add(link);
    entries.push(link);
    link = vm.readU32(link);
  }
  return { entries, broken: link === null };
}
