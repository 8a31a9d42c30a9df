import type { VirtualMemory } from '../memory/types';
import { peTypeTable, readPeImage, PeImageInfo } from './peImage';
import { TypedView } from './typedView';

/**
 * What `lmv` and `!lmi` show from a loaded image's headers: the objects layer's PE summary, plus the data
 * directories (resources for the version block) and every debug-directory entry (`!lmi`'s Debug Data Dirs).
 */
export interface PeHeaders extends PeImageInfo {
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

const DATA_DIRECTORIES = 16;
const IMAGE_DIRECTORY_ENTRY_DEBUG = 6;
const IMAGE_DEBUG_TYPE_CODEVIEW = 2;
const MAX_DEBUG_ENTRIES = 16;

/** `{EC1B3DB2-25C1-4337-8676-DFB3C5B1C8C9}` from the 32-digit display form of an RSDS GUID. */
export const bracedGuid = (g: string): string =>
  `{${g.slice(0, 8)}-${g.slice(8, 12)}-${g.slice(12, 16)}-${g.slice(16, 20)}-${g.slice(20)}}`;

/** Headers of the image at `base`; null when its MZ/PE header is not in the dump. */
export function readPeHeaders(vm: VirtualMemory, base: number): PeHeaders | null {
  const info = readPeImage(vm, base);
  if (!info) return null;
  const types = peTypeTable();
  const lfanew = new TypedView(vm, types, '_IMAGE_DOS_HEADER', base).num('e_lfanew') ?? 0;
  const nt = new TypedView(vm, types, '_IMAGE_NT_HEADERS', (base + lfanew) >>> 0);
  const directories: [number, number][] = [];
  for (let i = 0; i < DATA_DIRECTORIES; i++) {
    const d = `OptionalHeader.DataDirectory[${i}]`;
    directories.push([nt.num(`${d}.VirtualAddress`) ?? 0, nt.num(`${d}.Size`) ?? 0]);
  }
  const [rva, size] = directories[IMAGE_DIRECTORY_ENTRY_DEBUG];
  const entrySize = types.sizeof('_IMAGE_DEBUG_DIRECTORY');
  const debug: DebugDirectory[] = [];
  let codeViewSeen = false;
  for (let i = 0; rva && i < Math.min(Math.floor(size / entrySize), MAX_DEBUG_ENTRIES); i++) {
    const e = new TypedView(vm, types, '_IMAGE_DEBUG_DIRECTORY', (base + rva + i * entrySize) >>> 0);
    const type = e.num('Type');
    if (type === null) break;
    const entry: DebugDirectory = { type, size: e.num('SizeOfData') ?? 0, rva: e.num('AddressOfRawData') ?? 0, pointer: e.num('PointerToRawData') ?? 0 };
    // readPeImage decodes the first CodeView record it can read; that is the one it belongs to.
    if (type === IMAGE_DEBUG_TYPE_CODEVIEW && !codeViewSeen && info.pdb) {
      codeViewSeen = true;
      entry.codeView = { guid: bracedGuid(info.pdb.guid), age: info.pdb.age, pdb: info.pdb.name };
    }
    debug.push(entry);
  }
  return { ...info, directories, debug };
}

export const u16le = (b: Uint8Array, o: number): number => b[o] | (b[o + 1] << 8);
export const u32le = (b: Uint8Array, o: number): number => (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;
