/**
 * Nonpaged pool for small kernel objects (loader entries, name strings): a bump allocator in a fixed VA range,
 * 8-byte aligned with an 8-byte gap where a POOL_HEADER sits, so objects never share a header slot.
 */
export class PoolAllocator {
  private next: number;

  constructor(start: number, private readonly end: number) {
    this.next = start;
  }

  allocate(bytes: number): number {
    const at = this.next + 8;
    this.next = ((at + bytes + 7) & ~7) >>> 0;
    if (this.next > this.end) throw new Error('simulated nonpaged pool exhausted');
    return at >>> 0;
  }
}
