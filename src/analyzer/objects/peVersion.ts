import type { VirtualMemory } from '../memory/types';
import { u16le as u16, u32le as u32 } from './peHeaders';

/** The VS_VERSIONINFO resource of an image: VS_FIXEDFILEINFO, the translations and the StringFileInfo strings. */
export interface VersionInfo {
  fileVersion: [number, number, number, number];
  productVersion: [number, number, number, number];
  fileFlagsMask: number;
  fileFlags: number;
  fileOS: number;
  fileType: number;
  fileSubtype: number;
  fileDate: [number, number];
  translations: [number, number][];
  strings: [string, string][];
}

const RT_VERSION = 16;
/** A version resource is a few KB; a larger size is not believed. */
const MAX_VERSION_SIZE = 0x10000;

/** First data entry under resource type `typeId` (type → name → language), as [rva, size]. */
function findResource(vm: VirtualMemory, base: number, rootRva: number, typeId: number): [number, number] | null {
  const root = (base + rootRva) >>> 0;
  let dir = root;
  for (let level = 0; level < 3; level++) {
    const hdr = vm.read(dir, 16);
    if (!hdr) return null;
    const n = Math.min(u16(hdr, 12) + u16(hdr, 14), 256);
    const entries = vm.read((dir + 16) >>> 0, n * 8);
    if (!entries) return null;
    let next: number | undefined;
    for (let i = 0; i < n; i++) {
      const id = u32(entries, i * 8);
      if (level === 0 && id !== typeId) continue;
      next = u32(entries, i * 8 + 4);
      break;
    }
    if (next === undefined) return null;
    if (level < 2) {
      if (!(next & 0x80000000)) return null;
      dir = (root + (next & 0x7fffffff)) >>> 0;
    } else {
      const data = vm.read((root + next) >>> 0, 8);
      return data ? [u32(data, 0), u32(data, 4)] : null;
    }
  }
  return null;
}

interface Block { key: string; valueLength: number; type: number; value: number; children: number; end: number }

/** One VS_VERSIONINFO-style node at `o`: length, value length, type, UTF-16 key, 4-byte aligned value. */
function block(b: Uint8Array, o: number): Block | null {
  if (o + 6 > b.length) return null;
  const length = u16(b, o);
  if (length < 6 || o + length > b.length) return null;
  let k = o + 6;
  let key = '';
  while (k + 1 < b.length && u16(b, k)) { key += String.fromCharCode(u16(b, k)); k += 2; }
  const value = (k + 2 + 3) & ~3;
  const valueLength = u16(b, o + 2);
  const type = u16(b, o + 4);
  const valueBytes = type === 1 ? valueLength * 2 : valueLength;
  return { key, valueLength, type, value, children: (value + valueBytes + 3) & ~3, end: o + length };
}

function* children(b: Uint8Array, parent: Block): Generator<Block> {
  let o = parent.children;
  while (o < parent.end) {
    const c = block(b, o);
    if (!c) return;
    yield c;
    o = (c.end + 3) & ~3;
  }
}

const utf16 = (b: Uint8Array, o: number, chars: number) => {
  let s = '';
  for (let i = 0; i < chars && o + 2 * i + 1 < b.length; i++) {
    const c = u16(b, o + 2 * i);
    if (!c) break;
    s += String.fromCharCode(c);
  }
  return s;
};

/** Reads and parses the version resource of the image at `base`; null when it has none or it is not in the dump. */
export function readVersionInfo(vm: VirtualMemory, base: number, resourceRva: number): VersionInfo | null {
  if (!resourceRva) return null;
  const res = findResource(vm, base, resourceRva, RT_VERSION);
  if (!res || res[1] < 0x5c || res[1] > MAX_VERSION_SIZE) return null;
  const b = vm.read((base + res[0]) >>> 0, res[1]);
  if (!b) return null;
  const root = block(b, 0);
  if (!root || root.key !== 'VS_VERSION_INFO' || u32(b, root.value) !== 0xfeef04bd) return null;
  const f = (i: number) => u32(b, root.value + 4 * i);
  const split = (ms: number, ls: number): [number, number, number, number] => [ms >>> 16, ms & 0xffff, ls >>> 16, ls & 0xffff];
  const info: VersionInfo = {
    fileVersion: split(f(2), f(3)), productVersion: split(f(4), f(5)), fileFlagsMask: f(6), fileFlags: f(7),
    fileOS: f(8), fileType: f(9), fileSubtype: f(10), fileDate: [f(11), f(12)], translations: [], strings: [],
  };
  for (const c of children(b, root)) {
    if (c.key === 'VarFileInfo') {
      for (const v of children(b, c)) {
        for (let i = 0; i + 4 <= v.valueLength; i += 4) info.translations.push([u16(b, v.value + i), u16(b, v.value + i + 2)]);
      }
    } else if (c.key === 'StringFileInfo') {
      for (const table of children(b, c)) {
        for (const s of children(b, table)) info.strings.push([s.key, utf16(b, s.value, s.valueLength)]);
      }
    }
  }
  return info;
}
