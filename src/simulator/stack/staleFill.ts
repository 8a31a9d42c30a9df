/**
 * What uninitialized locals hold on a real stack: leftovers of earlier calls. First older, scattered leftovers
 * (seeded per range: return addresses of real call sites, pointers into this stack, pool pointers, small counters,
 * fragments of UTF-16 path text, zeros), then over them the ghost frames of the last earlier call path.
 */
import type { SeededRandom } from '../rng';
import type { StackWrite } from './frameModel';

export interface StaleSources {
  callSites: number[];
  poolPointers: number[];
  stackRange: [number, number];
  text: string;
  /** Frames of an earlier call path (return addresses, saved EBPs, arguments) that still sit where they were written. */
  ghost: StackWrite[];
}

export interface StaleResult { writes: StackWrite[]; staleReturnAddresses: { at: number; value: number }[] }

export function fillStale(ranges: [number, number][], src: StaleSources, rng: SeededRandom): StaleResult {
  const writes: StackWrite[] = [];
  for (const [lo, hi] of ranges) {
    let va = lo;
    // Big buffers often start with the text a previous call formatted into them.
    if (hi - lo >= 0x100 && rng.chance(60)) {
      const text = Buffer.from(src.text, 'utf16le');
      for (let i = 0; i + 4 <= text.length && va + 4 <= hi; i += 4, va += 4) {
        writes.push({ va, value: text.readUInt32LE(i), what: 'stale text' });
      }
    }
    for (; va + 4 <= hi; va += 4) {
      const r = rng.int(0, 99);
      let value = 0;
      let what = 'stale zero';
      if (r >= 55 && r < 60) {
        value = rng.pick(src.callSites);
        what = 'stale return address';
      } else if (r >= 60 && r < 80) {
        value = (rng.int(src.stackRange[0], src.stackRange[1] - 4) & ~3) >>> 0;
        what = 'stale stack pointer';
      } else if (r >= 80 && r < 90) {
        value = rng.pick(src.poolPointers);
        what = 'stale pool pointer';
      } else if (r >= 90) {
        value = rng.int(1, 0x400);
        what = 'stale counter';
      }
      writes.push({ va, value, what });
    }
  }
  // Ghost frames override the older leftovers wherever they fall inside an uninitialized range.
  const inRange = (va: number): boolean => ranges.some(([lo, hi]) => va >= lo && va + 4 <= hi);
  const ghostAt = new Map(src.ghost.filter((g) => inRange(g.va)).map((g) => [g.va, g]));
  const merged = writes.map((x) => ghostAt.get(x.va) ?? x);
  const staleRet = merged.filter((x) => x.what === 'stale return address' || x.what.startsWith('return address'))
    .map((x) => ({ at: x.va, value: x.value }));
  return { writes: merged, staleReturnAddresses: staleRet };
}
