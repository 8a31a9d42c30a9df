/** A ByteSource over bytes already in memory (tests, and the parser matrix that runs over both sources). */
import type { ByteSource } from './types';

export class MemorySource implements ByteSource {
  readonly size: number;
  constructor(private readonly bytes: Uint8Array, readonly name = '<memory>') {
    this.size = bytes.length;
  }
  read(pos: number, length: number): Uint8Array {
    if (pos >= this.size || length <= 0) return new Uint8Array(0);
    return this.bytes.slice(pos, Math.min(this.size, pos + length));
  }
  close(): void { /* nothing held */ }
}
