import type { PageFault, SparseBytes, Translation, VirtualMemory } from '../analyzer/memory/types';
import { guidBytes, peTypes } from '../symbols/layouts/pe';
import { TypeTable } from '../symbols/typeTable';

const PAGE = 0x1000;

/**
 * The one test-only VirtualMemory: pages in a Map, mapped on first write (or with `map`); everything else is a
 * gap. Translation is identity by default, or a function given by the test. Every DTB sees the same pages
 * unless the test gives a translation that looks at the DTB.
 *
 * `FakeMemory.bytewise()` is the same memory where only the bytes written (or `fill`ed) are readable: tests
 * of `??` columns and of reads that straddle a hole use it.
 */
export class FakeMemory implements VirtualMemory {
  readonly pae = true;

  constructor(
    private readonly pages: Map<number, Uint8Array> = new Map(),
    readonly dtb = 0x1000,
    private readonly translator?: (va: number, dtb: number) => number | undefined,
    /** Per page, which bytes were written (bytewise memory only). */
    private readonly written?: Map<number, Uint8Array>,
  ) {}

  /** Memory in which only written bytes are readable. */
  static bytewise(): FakeMemory {
    return new FakeMemory(new Map(), 0x1000, undefined, new Map());
  }

  /** Make [va, va+length) readable, as zeros where nothing was written. */
  fill(va: number, length: number): this {
    this.map(va, length);
    if (this.written) for (let a = va; a < va + length; a++) this.mark(a);
    return this;
  }

  /** Code bytes at an address (for disassembly and call-site tests). */
  code(va: number, data: number[]): this { return this.write(va, data); }

  /** Map zeroed pages covering [va, va+length). */
  map(va: number, length: number): this {
    for (let p = Math.floor(va / PAGE); p <= Math.floor((va + Math.max(length, 1) - 1) / PAGE); p++) {
      if (!this.pages.has(p)) this.pages.set(p, new Uint8Array(PAGE));
    }
    return this;
  }

  /** Remove the pages covering [va, va+length) (a guard page, a paged-out header). */
  unmap(va: number, length = PAGE): this {
    for (let p = Math.floor(va / PAGE); p <= Math.floor((va + length - 1) / PAGE); p++) this.pages.delete(p);
    return this;
  }

  write(va: number, bytes: ArrayLike<number>): this {
    this.map(va, bytes.length);
    for (let i = 0; i < bytes.length; i++) {
      const a = va + i;
      this.pages.get(Math.floor(a / PAGE))![a % PAGE] = bytes[i];
      if (this.written) this.mark(a);
    }
    return this;
  }

  private mark(a: number): void {
    const p = Math.floor(a / PAGE);
    if (!this.written!.has(p)) this.written!.set(p, new Uint8Array(PAGE));
    this.written!.get(p)![a % PAGE] = 1;
  }

  private isWritten(pa: number): boolean {
    return !this.written || this.written.get(Math.floor(pa / PAGE))?.[pa % PAGE] === 1;
  }

  writeU8(va: number, v: number): this { return this.write(va, [v & 0xff]); }
  writeU16(va: number, v: number): this { return this.write(va, [v & 0xff, (v >>> 8) & 0xff]); }
  /** One or more consecutive dwords. */
  writeU32(va: number, ...values: number[]): this {
    values.forEach((v, i) => this.write(va + 4 * i, [v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, (v >>> 24) & 0xff]));
    return this;
  }
  writeU64(va: number, v: bigint): this {
    return this.writeU32(va, Number(v & 0xffffffffn)).writeU32(va + 4, Number((v >> 32n) & 0xffffffffn));
  }
  /** Bytes of a string: ASCII (1 byte per char) or UTF-16LE. */
  writeString(va: number, s: string, utf16 = false): this {
    return this.write(va, utf16 ? [...Buffer.from(s, 'utf16le')] : [...Buffer.from(s, 'latin1')]);
  }

  translate(va: number): Translation {
    const pa = this.translator ? this.translator(va >>> 0, this.dtb) : va >>> 0;
    if (pa === undefined || !this.pages.has(Math.floor(pa / PAGE)) || !this.isWritten(pa)) {
      return { ok: false, fault: this.fault(va) };
    }
    return { ok: true, pa, large: false };
  }

  readSparse(va: number, length: number): SparseBytes {
    const bytes = new Uint8Array(length);
    const readable = new Uint8Array(length);
    let firstFault: PageFault | undefined;
    for (let i = 0; i < length; i++) {
      const a = va + i;
      const t = a > 0xffffffff ? undefined : this.translate(a);
      if (t?.ok) {
        bytes[i] = this.pages.get(Math.floor(t.pa / PAGE))![t.pa % PAGE];
        readable[i] = 1;
      } else {
        firstFault ??= t && !t.ok ? t.fault : this.fault(a);
      }
    }
    return firstFault ? { bytes, readable, firstFault } : { bytes, readable };
  }

  read(va: number, length: number): Uint8Array | null {
    const s = this.readSparse(va, length);
    return s.firstFault ? null : s.bytes;
  }

  readU8(va: number): number | null { return this.read(va, 1)?.[0] ?? null; }
  readU16(va: number): number | null {
    const b = this.read(va, 2);
    return b ? b[0] | (b[1] << 8) : null;
  }
  readU32(va: number): number | null {
    const b = this.read(va, 4);
    return b ? (b[0] | (b[1] << 8) | (b[2] << 16) | (b[3] << 24)) >>> 0 : null;
  }
  readU64(va: number): bigint | null {
    const lo = this.readU32(va);
    const hi = this.readU32(va + 4);
    return lo === null || hi === null ? null : (BigInt(hi) << 32n) | BigInt(lo);
  }

  withDtb(dtb: number): VirtualMemory {
    return new FakeMemory(this.pages, dtb, this.translator, this.written);
  }

  private fault(va: number): PageFault {
    return { va: va >>> 0, level: 'PTE', reason: `PTE for ${(va >>> 0).toString(16)} is not present (FakeMemory)` };
  }
}

/** Layout queries writeFields needs (TypeTableApi satisfies it). */
interface FieldLayout {
  field(typeName: string, path: string): { offset: number; type: { kind: string }; bitPosition?: number; bitLength?: number };
  sizeOfDescriptor(t: never): number;
}

/**
 * Write field values of a structure instance through its type layout (offsets from the TypeTable, as the
 * analyzer reads them): `writeFields(mem, nt, '_KPCR', 0xffdff000, { SelfPcr: 0xffdff000, 'PrcbData.Number': 0 })`.
 * Numbers are written at the field's size; bigints as 8 bytes; bitfields are merged into their storage.
 */
export function writeFields(
  mem: FakeMemory, types: FieldLayout, typeName: string, address: number, values: Record<string, number | bigint>,
): FakeMemory {
  for (const [path, value] of Object.entries(values)) {
    const f = types.field(typeName, path);
    const va = address + f.offset;
    const size = types.sizeOfDescriptor((f.type.kind === 'bitfield' ? (f.type as unknown as { type: never }).type : f.type) as never);
    let v = BigInt(value);
    if (f.bitLength !== undefined) {
      const old = mem.read(va, size) ?? new Uint8Array(size);
      let cur = 0n;
      for (let i = size - 1; i >= 0; i--) cur = (cur << 8n) | BigInt(old[i]);
      const mask = ((1n << BigInt(f.bitLength)) - 1n) << BigInt(f.bitPosition!);
      v = (cur & ~mask) | ((v << BigInt(f.bitPosition!)) & mask);
    }
    const bytes = Array.from({ length: size }, (_, i) => Number((BigInt.asUintN(64, v) >> BigInt(8 * i)) & 0xffn));
    mem.write(va, bytes);
  }
  return mem;
}

/**
 * A minimal PE32 image header in memory (what a loaded driver or the kernel shows): MZ, PE, SizeOfImage,
 * TimeDateStamp, CheckSum, one CodeView debug entry and its RSDS record (PDB name, GUID, age).
 */
export function writePeImage(
  m: FakeMemory, base: number,
  opts: { pdb: string; guid: string; age: number; size: number; timeDateStamp?: number; checkSum?: number },
): FakeMemory {
  const pe = new TypeTable(peTypes(), 'pe');
  writeFields(m, pe, '_IMAGE_DOS_HEADER', base, { e_magic: 0x5a4d, e_lfanew: 0xe8 });
  writeFields(m, pe, '_IMAGE_NT_HEADERS', base + 0xe8, {
    Signature: 0x4550, 'FileHeader.Machine': 0x14c, 'FileHeader.TimeDateStamp': opts.timeDateStamp ?? 0x45d69710,
    'FileHeader.Characteristics': 0x10e, 'OptionalHeader.Magic': 0x10b, 'OptionalHeader.SizeOfImage': opts.size,
    'OptionalHeader.CheckSum': opts.checkSum ?? 0x1f5a3b, 'OptionalHeader.DataDirectory[6].VirtualAddress': 0x300,
    'OptionalHeader.DataDirectory[6].Size': 0x1c,
  });
  writeFields(m, pe, '_IMAGE_DEBUG_DIRECTORY', base + 0x300, { Type: 2, AddressOfRawData: 0x320, SizeOfData: 0x30 });
  writeFields(m, pe, '_CV_INFO_PDB70', base + 0x320, { CvSignature: 0x53445352, Age: opts.age });
  m.write(base + 0x324, guidBytes(opts.guid));
  return m.writeString(base + 0x338, `${opts.pdb}\0`);
}
