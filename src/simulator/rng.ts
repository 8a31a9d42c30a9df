/**
 * The simulator's only source of variation: a seeded PRNG (mulberry32). Same seed, same machine, same bytes;
 * nothing in the simulator reads the clock or Math.random.
 */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Next unsigned 32-bit value. */
  nextU32(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** Integer in [lo, hi] inclusive. */
  int(lo: number, hi: number): number {
    return lo + (this.nextU32() % (hi - lo + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[this.nextU32() % items.length];
  }

  /** A copy of `items` in a seeded order (Fisher–Yates). */
  shuffled<T>(items: readonly T[]): T[] {
    const out = items.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = this.nextU32() % (i + 1);
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  }

  chance(percent: number): boolean {
    return this.nextU32() % 100 < percent;
  }

  /** An independent stream for one purpose, so adding draws in one place does not shift another. */
  fork(label: string): SeededRandom {
    let h = this.state ^ 0x9e3779b9;
    for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 0x01000193) >>> 0;
    return new SeededRandom(h);
  }
}
