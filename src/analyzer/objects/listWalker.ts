import { hex8 } from '../../common/hex';
import type { TypeTableApi } from '../../symbols/typeTable.api';
import type { VirtualMemory } from '../memory/types';

export interface ListWalk {
  /** VAs of the LIST_ENTRY links of the entries, in Flink order (the head excluded). */
  links: number[];
  /** True when the walk came back to the head. */
  complete: boolean;
  /** Why the walk stopped early: cycle, unreadable link, NULL link, or cap. One line, WinDbg-like. */
  warning?: string;
}

export const DEFAULT_LIST_CAP = 10000;

/**
 * Walk a LIST_ENTRY list by Flink from `head`. A visited set stops cycles that miss the head, a cap stops runaway lists; a damaged list
 * ends with a warning and what was read so far, never a hang or a throw.
 */
export function walkList(
  vm: VirtualMemory,
  types: TypeTableApi,
  head: number,
  opts: { what?: string; cap?: number } = {},
): ListWalk {
  const { what = 'list', cap = DEFAULT_LIST_CAP } = opts;
  const flink = types.offsetof('_LIST_ENTRY', 'Flink');
  const links: number[] = [];
  const visited = new Set<number>([head >>> 0]);
  let cur = head >>> 0;
  for (;;) {
    const next = vm.readU32((cur + flink) >>> 0);
    if (next === null) {
      return { links, complete: false, warning: `${what}: unable to read list entry at ${hex8(cur)}` };
    }
    if (next === head >>> 0) return { links, complete: true };
    if (next === 0) return { links, complete: false, warning: `${what}: NULL Flink at ${hex8(cur)}` };
    if (visited.has(next)) {
      return { links, complete: false, warning: `${what}: list is circular at ${hex8(next)} (does not return to head ${hex8(head)})` };
    }
    if (links.length >= cap) return { links, complete: false, warning: `${what}: stopped after ${cap} entries` };
    visited.add(next);
    links.push(next);
    cur = next;
  }
}
