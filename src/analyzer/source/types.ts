/** The bottom layer of the analyzer: bytes at file positions, read on demand (never the whole file). */
export interface ByteSource {
  /** Shown in error messages (the dump's file name). */
  readonly name: string;
  readonly size: number;
  /** The bytes of [pos, pos+length) that exist: shorter than `length` only at the end of the source.
   *  The result may be shared with a cache: read it, never modify it. */
  read(pos: number, length: number): Uint8Array;
  close(): void;
}
