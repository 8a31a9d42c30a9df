/**
 * PhysicalMemory of a kernel dump: PA → file offset through the dump type's page index (runs or bitmap), bytes
 * through the page cache. A page the index places past the end of a truncated file is not in the dump.
 */
import { PAGE_SIZE } from '../../common/hex';
import type { ByteSource } from '../source/types';
import type { PhysicalMemory } from '../memory/types';
import type { PageIndex } from './types';

export class DumpPhysicalMemory implements PhysicalMemory {
  constructor(private readonly source: ByteSource, private readonly index: PageIndex) {}

  has(pa: number): boolean {
    if (pa < 0) return false;
    const off = this.index.fileOffsetOf(pa - (pa % PAGE_SIZE));
    return off !== undefined && off + PAGE_SIZE <= this.source.size;
  }

  read(pa: number, length: number): Uint8Array | null {
    if (pa < 0 || length < 0 || !Number.isSafeInteger(pa + length)) return null;
    if (length === 0) return new Uint8Array(0);
    const firstPageEnd = (Math.floor(pa / PAGE_SIZE) + 1) * PAGE_SIZE;
    if (pa + length <= firstPageEnd) return this.readInPage(pa, length);
    const out = new Uint8Array(length);
    for (let at = pa; at < pa + length;) {
      const take = Math.min((Math.floor(at / PAGE_SIZE) + 1) * PAGE_SIZE, pa + length) - at;
      const part = this.readInPage(at, take);
      if (!part) return null;
      out.set(part, at - pa);
      at += take;
    }
    return out;
  }

  private readInPage(pa: number, length: number): Uint8Array | null {
    const off = this.index.fileOffsetOf(pa);
    if (off === undefined) return null;
    const bytes = this.source.read(off, length);
    // Validation checked the file covers every run; a short read means the file changed under us.
    return bytes.length === length ? bytes : null;
  }
}
