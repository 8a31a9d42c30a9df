/**
 * A small deterministic mutator (AFL-style havoc: bit flips, interesting values, dword patches, splices,
 * inserts, deletes) over bytes and over text. Seeded, so a campaign's Nth input can be reproduced.
 */

/** xorshift32: fast, seedable, good enough to pick mutations. */
export class Rng {
  private s: number;
  constructor(seed: number) { this.s = (seed >>> 0) || 0x9e3779b9; }
  next(): number { let x = this.s; x ^= x << 13; x ^= x >>> 17; x ^= x << 5; this.s = x >>> 0; return this.s; }
  below(n: number): number { return n <= 0 ? 0 : this.next() % n; }
  pick<T>(xs: readonly T[]): T { return xs[this.below(xs.length)]; }
  chance(p: number): boolean { return this.next() / 0x100000000 < p; }
}

/** Values that make parsers and bounds checks trip (boundaries, the 'PAGE' fill, sign bits). */
export const INTERESTING_U32 = [
  0, 1, 2, 0x7f, 0x80, 0xff, 0x100, 0xfff, 0x1000, 0x7fff, 0x8000, 0xffff, 0x10000, 0x7fffffff, 0x80000000,
  0xfffffffe, 0xffffffff, 0x45474150 /* 'PAGE' */, 0x80000000 - 0x1000, 0xfffff000, 0xfffffffc, 0x56, 0x20, 0x21,
];

/** A copy of `input` with 1..`maxOps` havoc mutations. */
export function mutateBytes(rng: Rng, input: Uint8Array, maxOps = 8, donors: readonly Uint8Array[] = []): Uint8Array {
  let b = Buffer.from(input);
  const ops = 1 + rng.below(maxOps);
  for (let k = 0; k < ops; k++) {
    const at = b.length ? rng.below(b.length) : 0;
    switch (rng.below(8)) {
      case 0: if (b.length) b[at] ^= 1 << rng.below(8); break;
      case 1: if (b.length) b[at] = rng.below(256); break;
      case 2: if (b.length >= 4) b.writeUInt32LE(rng.pick(INTERESTING_U32) >>> 0, rng.below(b.length - 3) & ~3); break;
      case 3: if (b.length >= 4) { const o = rng.below(b.length - 3) & ~3; b.writeUInt32LE((b.readUInt32LE(o) + rng.below(33) - 16) >>> 0, o); } break;
      case 4: { const n = 1 + rng.below(16); b = Buffer.concat([b.subarray(0, at), Buffer.from(Array.from({ length: n }, () => rng.below(256))), b.subarray(at)]); break; }
      case 5: { const n = 1 + rng.below(Math.max(1, Math.min(64, b.length - at))); b = Buffer.concat([b.subarray(0, at), b.subarray(at + n)]); break; }
      case 6: if (donors.length) { const d = rng.pick(donors); if (d.length) { const s = rng.below(d.length); const n = 1 + rng.below(Math.min(64, d.length - s)); b = Buffer.concat([b.subarray(0, at), Buffer.from(d.subarray(s, s + n)), b.subarray(at)]); } } break;
      default: if (b.length > 1) { const n = 1 + rng.below(Math.min(32, b.length - at)); const to = rng.below(b.length); b.copy(b, to, at, at + Math.min(n, b.length - to)); } break;
    }
  }
  return b;
}

/** Tokens of the MASM/command language a text mutation splices in. */
export const TEXT_TOKENS = [
  '(', ')', '[', ']', 'poi(', 'dwo(', 'by(', 'wo(', 'qwo(', 'hi(', 'low(', 'not ', '-', '+', '*', '/', '%', 'mod', ' and ', ' or ', ' xor ',
  '<<', '>>', '>>>', '==', '!=', '<=', '>=', ':', '0x', '0n', '0t', '0y', '`', '@', '$', '@$', 'esp', 'ebp', 'eip', 'eax', 'cs', 'fs',
  '$ip', '$csp', '$t0', '$thread', 'nt!', 'nt!KeBugCheckEx', 'StackHog!', '!', ' L', ' L?', ' L-', ' ', ';', '.', 'ffffffff',
  '80000000', 'f7737fe0', '0', '1', '10', '100000', '-1', '\u0000', '\u00ff', '"', "'", '\\', '{', '}', '~', '*',
];

/** A copy of `text` with 1..`maxOps` token-level and character-level mutations. */
export function mutateText(rng: Rng, text: string, maxOps = 6): string {
  let t = text;
  const ops = 1 + rng.below(maxOps);
  for (let k = 0; k < ops; k++) {
    const at = rng.below(t.length + 1);
    switch (rng.below(6)) {
      case 0: t = t.slice(0, at) + rng.pick(TEXT_TOKENS) + t.slice(at); break;
      case 1: t = t.slice(0, at) + t.slice(at + 1 + rng.below(8)); break;
      case 2: t = t.slice(0, at) + String.fromCharCode(rng.below(128)) + t.slice(at + 1); break;
      case 3: { const tok = rng.pick(TEXT_TOKENS); t = t.slice(0, at) + tok.repeat(1 + rng.below(rng.chance(0.1) ? 3000 : 20)) + t.slice(at); break; }
      case 4: { const s = rng.below(t.length + 1); t = t.slice(0, at) + t.slice(s, s + rng.below(40)) + t.slice(at); break; }
      default: t = t.slice(0, at) + rng.pick(INTERESTING_U32).toString(16) + t.slice(at); break;
    }
  }
  return t.length > 20000 ? t.slice(0, 20000) : t;
}
