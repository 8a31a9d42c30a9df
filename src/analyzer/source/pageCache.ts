/**
 * A bounded LRU cache of 4 KiB blocks over a ByteSource: page-table walks and neighbouring reads hit the
 * same blocks again and again; memory stays capped at `capacity` blocks whatever the dump's size.
 */
import type { ByteSource } from './types';

const BLOCK = 0x1000;

export class PageCache implements ByteSource {
  readonly name: string;
  readonly size: number;
  private readonly blocks = new Map<number, Uint8Array>();
  hits = 0;
  misses = 0;

  constructor(private readonly inner: ByteSource, readonly capacity = 2048) {
    this.name = inner.name;
    this.size = inner.size;
  }

  read(pos: number, length: number): Uint8Array {
    const end = Math.min(this.size, pos + length);
    if (pos >= end) return new Uint8Array(0);
    const first = Math.floor(pos / BLOCK);
    if (first === Math.floor((end - 1) / BLOCK)) {
      const b = this.block(first);
      return b.subarray(pos - first * BLOCK, end - first * BLOCK);
    }
    const out = new Uint8Array(end - pos);
    for (let at = pos; at < end;) {
      const n = Math.floor(at / BLOCK);
      const b = this.block(n);
      const from = at - n * BLOCK;
      const take = Math.min(BLOCK - from, end - at);
      out.set(b.subarray(from, from + take), at - pos);
      at += take;
    }
    return out;
  }

  private block(n: number): Uint8Array {
    const hit = this.blocks.get(n);
    if (hit) {
      this.hits++;
      this.blocks.delete(n); // re-insert: Map order is the LRU order
      this.blocks.set(n, hit);
      return hit;
    }
    this.misses++;
    const b = this.inner.read(n * BLOCK, BLOCK);
    if (this.blocks.size >= this.capacity) this.blocks.delete(this.blocks.keys().next().value as number);
    this.blocks.set(n, b);
    return b;
  }

  get cachedBlocks(): number { return this.blocks.size; }

  close(): void {
    this.blocks.clear();
    this.inner.close();
  }
}
