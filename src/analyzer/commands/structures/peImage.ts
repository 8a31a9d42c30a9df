import type { VirtualMemory } from '../../memory/types';

/** What `lmv` and `!lmi` show from a loaded image's PE headers (read from the dump, so parts may be missing). */
export interface PeHeaders {
  machine: number;
  timeDateStamp: number;
  characteristics: number;
  sizeOfImage: number;
  checkSum: number;
  /** Data directories as [rva, size]: index 2 = resources, 6 = debug. */
  directories: [number, number][];
  debug: DebugDirectory[];
}

export interface DebugDirectory {
  type: number;
  size: number;
  rva: number;
  pointer: number;
  codeView?: { guid: string; age: number; pdb: string };
}

/** Headers are small; anything larger is a damaged image and is not followed. */
const MAX_LFANEW = 0x1000;
const MAX_DEBUG_ENTRIES = 16;

const u16 = (b: Uint8Array, o: number) => b[o] | (b[o + 1] << 8);
const u32 = (b: Uint8Array, o: number) => (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;
const hex = (v: number, n: number) => v.toString(16).toUpperCase().padStart(n, '0');

/** `{EC1B3DB2-25C1-4337-8676-DFB3C5B1C8C9}` from the 16 GUID bytes of an RSDS record. */
export function guidText(g: Uint8Array): string {
  const tail = Array.from(g.subarray(8), (x) => hex(x, 2)).join('');
  return `{${hex(u32(g, 0), 8)}-${hex(u16(g, 4), 4)}-${hex(u16(g, 6), 4)}-${tail.slice(0, 4)}-${tail.slice(4)}}`;
}

/** Reads the DOS, NT and optional headers and the debug directory of the image at `base`; null when paged out. */
export function readPeHeaders(vm: VirtualMemory, base: number): PeHeaders | null {
  const dos = vm.read(base, 0x40);
  if (!dos || u16(dos, 0) !== 0x5a4d) return null;
  const lfanew = u32(dos, 0x3c);
  if (lfanew > MAX_LFANEW) return null;
  const nt = vm.read((base + lfanew) >>> 0, 0xf8);
  if (!nt || u32(nt, 0) !== 0x4550) return null;
  const opt = 0x18;
  const count = Math.min(u32(nt, opt + 92), 16);
  const directories: [number, number][] = [];
  for (let i = 0; i < count; i++) directories.push([u32(nt, opt + 96 + 8 * i), u32(nt, opt + 100 + 8 * i)]);
  return {
    machine: u16(nt, 4),
    timeDateStamp: u32(nt, 8),
    characteristics: u16(nt, 0x16),
    sizeOfImage: u32(nt, opt + 56),
    checkSum: u32(nt, opt + 64),
    directories,
    debug: readDebugDirectory(vm, base, directories[6]),
  };
}

function readDebugDirectory(vm: VirtualMemory, base: number, dir: [number, number] | undefined): DebugDirectory[] {
  if (!dir || !dir[0] || !dir[1]) return [];
  const n = Math.min(Math.floor(dir[1] / 28), MAX_DEBUG_ENTRIES);
  const raw = vm.read((base + dir[0]) >>> 0, n * 28);
  if (!raw) return [];
  const out: DebugDirectory[] = [];
  for (let i = 0; i < n; i++) {
    const o = i * 28;
    const d: DebugDirectory = { type: u32(raw, o + 12), size: u32(raw, o + 16), rva: u32(raw, o + 20), pointer: u32(raw, o + 24) };
    if (d.type === 2 && d.rva && d.size >= 24 && d.size < 0x400) {
      const cv = vm.read((base + d.rva) >>> 0, d.size);
      if (cv && u32(cv, 0) === 0x53445352) {
        const end = cv.indexOf(0, 24);
        d.codeView = { guid: guidText(cv.subarray(4, 20)), age: u32(cv, 20),
          pdb: String.fromCharCode(...cv.subarray(24, end < 0 ? cv.length : end)) };
      }
    }
    out.push(d);
  }
  return out;
}

export const u16le = u16;
export const u32le = u32;
