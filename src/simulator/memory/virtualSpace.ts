/**
 * Writes and reads simulated kernel memory by virtual address. Pages are mapped on first write (a fresh
 * physical frame each), so writers never think about frames; reads of unmapped memory throw, because the
 * simulator must never rely on memory it did not build.
 */
import { PAGE_SIZE } from '../../common/hex';
import type { PhysicalMemory } from './physicalMemory';
import type { PaeAddressSpace } from './paeMapper';

export class VirtualSpace {
  constructor(readonly phys: PhysicalMemory, readonly space: PaeAddressSpace) {}

  /** Maps [va, va+length) page by page where not mapped yet; returns nothing, the pages read as zero. */
  ensureMapped(va: number, length: number): void {
    const first = Math.floor((va >>> 0) / PAGE_SIZE);
    const last = Math.floor(((va >>> 0) + Math.max(length, 1) - 1) / PAGE_SIZE);
    for (let p = first; p <= last; p++) {
      const pageVa = p * PAGE_SIZE;
      if (this.space.translate(pageVa) === undefined) this.space.mapPage(pageVa, this.phys.allocate());
    }
  }

  /** Maps a page to a chosen frame (the kernel image at PA = VA − 0x80000000). */
  mapAt(va: number, pfn: number): void {
    this.space.mapPage(va, this.phys.claim(pfn));
  }

  write(va: number, data: Uint8Array): void {
    this.ensureMapped(va, data.length);
    let done = 0;
    while (done < data.length) {
      const at = (va + done) >>> 0;
      const pa = this.space.translate(at)!;
      const inPage = Math.min(PAGE_SIZE - (at & 0xfff), data.length - done);
      this.phys.page(Math.floor(pa / PAGE_SIZE)).set(data.subarray(done, done + inPage), pa & 0xfff);
      done += inPage;
    }
  }

  read(va: number, length: number): Uint8Array {
    const out = new Uint8Array(length);
    let done = 0;
    while (done < length) {
      const at = (va + done) >>> 0;
      const pa = this.space.translate(at);
      if (pa === undefined) throw new Error(`simulator read of unmapped ${at.toString(16)}`);
      const inPage = Math.min(PAGE_SIZE - (at & 0xfff), length - done);
      const page = this.phys.readPage(Math.floor(pa / PAGE_SIZE));
      if (page) out.set(page.subarray(pa & 0xfff, (pa & 0xfff) + inPage), done);
      done += inPage;
    }
    return out;
  }

  u8(va: number, v: number): void { this.write(va, Uint8Array.of(v & 0xff)); }
  u16(va: number, v: number): void { const b = new Uint8Array(2); new DataView(b.buffer).setUint16(0, v & 0xffff, true); this.write(va, b); }
  u32(va: number, v: number): void { const b = new Uint8Array(4); new DataView(b.buffer).setUint32(0, v >>> 0, true); this.write(va, b); }
  u64(va: number, v: bigint): void { const b = new Uint8Array(8); new DataView(b.buffer).setBigUint64(0, BigInt.asUintN(64, v), true); this.write(va, b); }

  readU32(va: number): number {
    return new DataView(this.read(va, 4).buffer).getUint32(0, true);
  }

  /** NUL-terminated UTF-16LE text (the buffers UNICODE_STRINGs point at). */
  utf16(va: number, text: string): void {
    this.write(va, new Uint8Array(Buffer.from(`${text}\0`, 'utf16le')));
  }

  ascii(va: number, text: string): void {
    this.write(va, new Uint8Array(Buffer.from(`${text}\0`, 'latin1')));
  }
}
