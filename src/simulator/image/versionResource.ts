/**
 * An image's version resource, as `lm kv` and `!lmi` read it: a resource directory (RT_VERSION → 1 → 0x409) and a
 * VS_VERSIONINFO with VS_FIXEDFILEINFO, one StringFileInfo table (040904b0) and the Translation var.
 * Offsets inside the resource directory are relative to its start, as in a .rsrc section.
 */
const RT_VERSION = 16;
const LANG_EN_US = 0x409;
const CODEPAGE_UNICODE = 0x04b0;

class Writer {
  private readonly parts: Buffer[] = [];
  length = 0;
  put(b: Buffer): void { this.parts.push(b); this.length += b.length; }
  u16(v: number): void { const b = Buffer.alloc(2); b.writeUInt16LE(v); this.put(b); }
  u32(v: number): void { const b = Buffer.alloc(4); b.writeUInt32LE(v >>> 0); this.put(b); }
  wstr(s: string): void { this.put(Buffer.from(`${s}\0`, 'utf16le')); }
  align4(): void { if (this.length % 4) this.put(Buffer.alloc(4 - (this.length % 4))); }
  bytes(): Buffer { return Buffer.concat(this.parts); }
}

/** One version block: header (wLength, wValueLength, wType, key), aligned value, aligned children. */
function block(key: string, type: number, value: Buffer, valueLength: number, children: Buffer[]): Buffer {
  const w = new Writer();
  w.u16(0);
  w.u16(valueLength);
  w.u16(type);
  w.wstr(key);
  w.align4();
  if (value.length) { w.put(value); w.align4(); }
  for (const c of children) { w.put(c); w.align4(); }
  const b = w.bytes();
  b.writeUInt16LE(b.length, 0);
  return b;
}

const versionNumbers = (text: string): [number, number] => {
  const n = (text.match(/^\d+(\.\d+){0,3}/)?.[0] ?? '0').split('.').map(Number);
  while (n.length < 4) n.push(0);
  return [((n[0] << 16) | n[1]) >>> 0, ((n[2] << 16) | n[3]) >>> 0];
};

export function versionInfo(strings: Record<string, string>, fileType: 'driver' | 'dll' | 'kernel'): Buffer {
  const [ms, ls] = versionNumbers(strings.FileVersion ?? '0');
  const [pms, pls] = versionNumbers(strings.ProductVersion ?? strings.FileVersion ?? '0');
  const fixed = Buffer.alloc(0x34);
  [0xfeef04bd, 0x00010000, ms, ls, pms, pls, 0x3f, 0, 0x00040004, fileType === 'driver' ? 3 : fileType === 'dll' ? 2 : 1,
    fileType === 'driver' ? 7 : 0, 0, 0].forEach((v, i) => fixed.writeUInt32LE(v >>> 0, i * 4));
  const entries = Object.entries({ ...strings, ProductVersion: strings.ProductVersion ?? strings.FileVersion ?? '' });
  const strs = entries.map(([k, v]) => block(k, 1, Buffer.from(`${v}\0`, 'utf16le'), v.length + 1, []));
  const table = block(`${LANG_EN_US.toString(16).padStart(4, '0')}${CODEPAGE_UNICODE.toString(16).padStart(4, '0')}`, 1, Buffer.alloc(0), 0, strs);
  const sfi = block('StringFileInfo', 1, Buffer.alloc(0), 0, [table]);
  const translation = Buffer.alloc(4);
  translation.writeUInt16LE(LANG_EN_US, 0);
  translation.writeUInt16LE(CODEPAGE_UNICODE, 2);
  const vfi = block('VarFileInfo', 1, Buffer.alloc(0), 0, [block('Translation', 0, translation, 4, [])]);
  return block('VS_VERSION_INFO', 0, fixed, fixed.length, [sfi, vfi]);
}

/** The resource directory tree for one RT_VERSION resource, placed at `rva`; returns its bytes. */
export function versionResourceSection(rva: number, info: Buffer): Buffer {
  const w = new Writer();
  const dir = (entryName: number, target: number): void => {
    w.u32(0); w.u32(0); w.u16(0); w.u16(0); w.u16(0); w.u16(1);
    w.u32(entryName); w.u32(target);
  };
  dir(RT_VERSION, 0x80000000 | 0x18);
  dir(1, 0x80000000 | 0x30);
  dir(LANG_EN_US, 0x48);
  const dataOffset = 0x58;
  w.u32(rva + dataOffset); w.u32(info.length); w.u32(0); w.u32(0);
  w.put(Buffer.alloc(dataOffset - w.length));
  w.put(info);
  return w.bytes();
}
