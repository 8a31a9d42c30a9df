/**
 * A PE32 image as it sits in memory: MZ and PE headers, section table, a CODEVIEW debug directory with its RSDS
 * record (PDB name, GUID, age — what volatility3's PdbSignatureScanner and WinDbg's symbol lookup read), and the
 * PE checksum over the image. File layout equals memory layout (PointerToRawData = VirtualAddress).
 */
export interface PdbIdentity { name: string; guid: string; age: number }

export interface SectionDef { name: string; rva: number; size: number; characteristics: number }

export interface ImageDef {
  base: number;
  sizeOfImage: number;
  timeDateStamp: number;
  entryRva: number;
  sections: SectionDef[];
  pdb: PdbIdentity;
  /** 'exe' kernel, 'dll' for hal/kdcom/export drivers, 'sys' for drivers: the Characteristics bits differ. */
  kind: 'kernel' | 'dll' | 'driver';
  /** RVA where the debug directory and RSDS record are placed (inside a read-only section). */
  debugRva: number;
  /** The resource directory (version information), when the image has one. */
  resource?: { rva: number; size: number };
}

export const SCN_CODE = 0x60000020;   // CNT_CODE | MEM_EXECUTE | MEM_READ
export const SCN_RDATA = 0x40000040;  // CNT_INITIALIZED_DATA | MEM_READ
export const SCN_DATA = 0xc8000040;   // CNT_INITIALIZED_DATA | MEM_NOT_PAGED | MEM_READ | MEM_WRITE

const E_LFANEW = 0xd8;

/** The GUID's 16 bytes as stored in an RSDS record, from its display form (32 hex digits). */
export function guidBytes(guid: string): Uint8Array {
  const h = guid.replace(/-/g, '');
  const b = Buffer.from(h, 'hex');
  const out = Buffer.alloc(16);
  out.writeUInt32LE(b.readUInt32BE(0), 0);
  out.writeUInt16LE(b.readUInt16BE(4), 4);
  out.writeUInt16LE(b.readUInt16BE(6), 6);
  b.copy(out, 8, 8, 16);
  return new Uint8Array(out);
}

/** Writes headers and the debug record into `image` (sizeOfImage bytes), then the checksum over all of it. */
export function finishImage(image: Uint8Array, def: ImageDef): number {
  const b = Buffer.from(image.buffer, image.byteOffset, image.byteLength);
  b.write('MZ', 0, 'latin1');
  b.writeUInt16LE(0x90, 2);
  b.writeUInt16LE(3, 4);
  b.writeUInt16LE(4, 8);
  b.writeUInt16LE(0xffff, 0xc);
  b.writeUInt16LE(0xb8, 0x10);
  b.writeUInt16LE(0x40, 0x18);
  b.writeUInt32LE(E_LFANEW, 0x3c);
  b.write('\x0e\x1f\xba\x0e\x00\xb4\x09\xcd\x21\xb8\x01\x4c\xcd\x21This program cannot be run in DOS mode.\r\r\n$', 0x40, 'latin1');

  const pe = E_LFANEW;
  b.write('PE\0\0', pe, 'latin1');
  const fh = pe + 4;
  b.writeUInt16LE(0x14c, fh);
  b.writeUInt16LE(def.sections.length, fh + 2);
  b.writeUInt32LE(def.timeDateStamp, fh + 4);
  b.writeUInt16LE(0xe0, fh + 16);
  b.writeUInt16LE(def.kind === 'driver' ? 0x010e : def.kind === 'kernel' ? 0x012e : 0x210e, fh + 18);

  const oh = fh + 20;
  const code = def.sections.filter((s) => s.characteristics === SCN_CODE);
  const data = def.sections.filter((s) => s.characteristics !== SCN_CODE);
  b.writeUInt16LE(0x10b, oh);
  b.writeUInt8(7, oh + 2);
  b.writeUInt8(10, oh + 3);
  b.writeUInt32LE(code.reduce((n, s) => n + s.size, 0), oh + 4);
  b.writeUInt32LE(data.reduce((n, s) => n + s.size, 0), oh + 8);
  b.writeUInt32LE(def.entryRva, oh + 16);
  b.writeUInt32LE(code[0]?.rva ?? 0, oh + 20);
  b.writeUInt32LE(data[0]?.rva ?? 0, oh + 24);
  b.writeUInt32LE(def.base >>> 0, oh + 28);
  b.writeUInt32LE(0x1000, oh + 32);
  b.writeUInt32LE(0x200, oh + 36);
  b.writeUInt16LE(5, oh + 40);
  b.writeUInt16LE(2, oh + 42);
  b.writeUInt16LE(5, oh + 44);
  b.writeUInt16LE(2, oh + 46);
  b.writeUInt16LE(5, oh + 48);
  b.writeUInt16LE(2, oh + 50);
  b.writeUInt32LE(def.sizeOfImage, oh + 56);
  b.writeUInt32LE(0x1000, oh + 60);
  b.writeUInt16LE(1, oh + 68);
  b.writeUInt32LE(0x40000, oh + 72);
  b.writeUInt32LE(0x1000, oh + 76);
  b.writeUInt32LE(0x100000, oh + 80);
  b.writeUInt32LE(0x1000, oh + 84);
  b.writeUInt32LE(16, oh + 92);
  const dirs = oh + 96;

  const pdbName = Buffer.from(`${def.pdb.name}\0`, 'latin1');
  const rsdsRva = def.debugRva + 0x1c;
  if (def.resource) {
    b.writeUInt32LE(def.resource.rva, dirs + 2 * 8);
    b.writeUInt32LE(def.resource.size, dirs + 2 * 8 + 4);
  }
  b.writeUInt32LE(def.debugRva, dirs + 6 * 8);
  b.writeUInt32LE(0x1c, dirs + 6 * 8 + 4);
  const dbg = def.debugRva;
  b.writeUInt32LE(def.timeDateStamp, dbg + 4);
  b.writeUInt32LE(2, dbg + 12);
  b.writeUInt32LE(24 + pdbName.length, dbg + 16);
  b.writeUInt32LE(rsdsRva, dbg + 20);
  b.writeUInt32LE(rsdsRva, dbg + 24);
  b.write('RSDS', rsdsRva, 'latin1');
  Buffer.from(guidBytes(def.pdb.guid)).copy(b, rsdsRva + 4);
  b.writeUInt32LE(def.pdb.age, rsdsRva + 20);
  pdbName.copy(b, rsdsRva + 24);

  let sh = oh + 0xe0;
  for (const s of def.sections) {
    b.write(s.name.padEnd(8, '\0'), sh, 'latin1');
    b.writeUInt32LE(s.size, sh + 8);
    b.writeUInt32LE(s.rva, sh + 12);
    b.writeUInt32LE(Math.ceil(s.size / 0x200) * 0x200, sh + 16);
    b.writeUInt32LE(s.rva, sh + 20);
    b.writeUInt32LE(s.characteristics >>> 0, sh + 36);
    sh += 40;
  }
  const checksum = peChecksum(b, oh + 64);
  b.writeUInt32LE(checksum, oh + 64);
  return checksum;
}

/** The PE checksum (imagehlp's CheckSumMappedFile): 16-bit one's-complement sum, skipping the field, plus length. */
export function peChecksum(b: Buffer, checksumOffset: number): number {
  let sum = 0;
  for (let i = 0; i + 1 < b.length; i += 2) {
    if (i === checksumOffset || i === checksumOffset + 2) continue;
    sum += b.readUInt16LE(i);
    sum = (sum & 0xffff) + (sum >>> 16);
  }
  return ((sum & 0xffff) + b.length) >>> 0;
}
