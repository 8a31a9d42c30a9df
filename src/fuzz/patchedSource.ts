/**
 * A ByteSource that is another source with some bytes changed: a dump mutant costs its patch list, not a
 * 32 MiB copy, so the fuzzer can try thousands of mutants of the fixture.
 */
import type { ByteSource } from '../analyzer/source/types';

export interface BytePatch { offset: number; bytes: Uint8Array }

export class PatchedSource implements ByteSource {
  readonly name: string;
  readonly size: number;
  constructor(private readonly base: ByteSource, private readonly patches: BytePatch[], name = base.name) {
    this.name = name;
    this.size = base.size;
  }

  read(pos: number, length: number): Uint8Array {
    const got = this.base.read(pos, length);
    const hit = this.patches.filter((p) => p.offset < pos + got.length && p.offset + p.bytes.length > pos);
    if (!hit.length) return got;
    const out = Buffer.from(got);
    for (const p of hit) {
      for (let i = 0; i < p.bytes.length; i++) {
        const at = p.offset + i - pos;
        if (at >= 0 && at < out.length) out[at] = p.bytes[i];
      }
    }
    return out;
  }

  /** The base source stays open: it is shared by every mutant. */
  close(): void { /* nothing of its own */ }
}
