import type { IsfFile } from '../isf';
import { parseLayouts } from './dtSyntax';

/**
 * PE32 image headers and the CodeView RSDS record, the way volatility3 ships them apart from any PDB
 * (its pe.json): readers (the analyzer's PE reader) and writers (the simulator's image builder) share them.
 * Offsets: the PE/COFF specification (winnt.h IMAGE_* structures, 32-bit optional header).
 */
export const PE_LAYOUTS = `
struct _IMAGE_DOS_HEADER 0x40
  +0x000 e_magic          : Uint2B
  +0x03c e_lfanew         : Int4B

struct _IMAGE_NT_HEADERS 0xf8
  +0x000 Signature        : Uint4B
  +0x004 FileHeader       : _IMAGE_FILE_HEADER
  +0x018 OptionalHeader   : _IMAGE_OPTIONAL_HEADER

struct _IMAGE_FILE_HEADER 0x14
  +0x000 Machine          : Uint2B
  +0x002 NumberOfSections : Uint2B
  +0x004 TimeDateStamp    : Uint4B
  +0x008 PointerToSymbolTable : Uint4B
  +0x00c NumberOfSymbols  : Uint4B
  +0x010 SizeOfOptionalHeader : Uint2B
  +0x012 Characteristics  : Uint2B

struct _IMAGE_OPTIONAL_HEADER 0xe0
  +0x000 Magic            : Uint2B
  +0x002 MajorLinkerVersion : UChar
  +0x003 MinorLinkerVersion : UChar
  +0x004 SizeOfCode       : Uint4B
  +0x008 SizeOfInitializedData : Uint4B
  +0x00c SizeOfUninitializedData : Uint4B
  +0x010 AddressOfEntryPoint : Uint4B
  +0x014 BaseOfCode       : Uint4B
  +0x018 BaseOfData       : Uint4B
  +0x01c ImageBase        : Uint4B
  +0x020 SectionAlignment : Uint4B
  +0x024 FileAlignment    : Uint4B
  +0x028 MajorOperatingSystemVersion : Uint2B
  +0x02a MinorOperatingSystemVersion : Uint2B
  +0x02c MajorImageVersion : Uint2B
  +0x02e MinorImageVersion : Uint2B
  +0x030 MajorSubsystemVersion : Uint2B
  +0x032 MinorSubsystemVersion : Uint2B
  +0x034 Win32VersionValue : Uint4B
  +0x038 SizeOfImage      : Uint4B
  +0x03c SizeOfHeaders    : Uint4B
  +0x040 CheckSum         : Uint4B
  +0x044 Subsystem        : Uint2B
  +0x046 DllCharacteristics : Uint2B
  +0x048 SizeOfStackReserve : Uint4B
  +0x04c SizeOfStackCommit : Uint4B
  +0x050 SizeOfHeapReserve : Uint4B
  +0x054 SizeOfHeapCommit : Uint4B
  +0x058 LoaderFlags      : Uint4B
  +0x05c NumberOfRvaAndSizes : Uint4B
  +0x060 DataDirectory    : [16] _IMAGE_DATA_DIRECTORY

struct _IMAGE_DATA_DIRECTORY 0x8
  +0x000 VirtualAddress   : Uint4B
  +0x004 Size             : Uint4B

struct _IMAGE_SECTION_HEADER 0x28
  +0x000 Name             : [8] UChar
  +0x008 VirtualSize      : Uint4B
  +0x00c VirtualAddress   : Uint4B
  +0x010 SizeOfRawData    : Uint4B
  +0x014 PointerToRawData : Uint4B
  +0x024 Characteristics  : Uint4B

struct _IMAGE_DEBUG_DIRECTORY 0x1c
  +0x000 Characteristics  : Uint4B
  +0x004 TimeDateStamp    : Uint4B
  +0x008 MajorVersion     : Uint2B
  +0x00a MinorVersion     : Uint2B
  +0x00c Type             : Uint4B
  +0x010 SizeOfData       : Uint4B
  +0x014 AddressOfRawData : Uint4B
  +0x018 PointerToRawData : Uint4B

// CodeView PDB 7.0 record; PdbFileName is NUL-terminated and runs past the fixed part.
struct _CV_INFO_PDB70 0x18
  +0x000 CvSignature      : Uint4B
  +0x004 Signature        : [16] UChar
  +0x014 Age              : Uint4B
`;

export const IMAGE_DOS_SIGNATURE = 0x5a4d; // 'MZ'
export const IMAGE_NT_SIGNATURE = 0x4550; // 'PE\0\0'
export const IMAGE_NT_OPTIONAL_HDR32_MAGIC = 0x10b;
export const IMAGE_DIRECTORY_ENTRY_DEBUG = 6;
export const IMAGE_DEBUG_TYPE_CODEVIEW = 2;
export const CV_SIGNATURE_RSDS = 0x53445352; // 'RSDS'

let cached: Pick<IsfFile, 'base_types' | 'user_types' | 'enums'> | undefined;

/** PE32 header types as ISF (fresh copy per call). */
export function peTypes(): Pick<IsfFile, 'base_types' | 'user_types' | 'enums'> {
  cached ??= parseLayouts([PE_LAYOUTS]);
  return structuredClone(cached);
}

/**
 * volatility3's display form of an RSDS GUID: 32 uppercase hex digits, bytes 3,2,1,0,5,4,7,6,8..15
 * (the Data1/Data2/Data3 fields are little-endian).
 */
export function guidDisplay(sig: ArrayLike<number>): string {
  const order = [3, 2, 1, 0, 5, 4, 7, 6, 8, 9, 10, 11, 12, 13, 14, 15];
  return order.map((i) => (sig[i] & 0xff).toString(16).padStart(2, '0')).join('').toUpperCase();
}

/** The 16 RSDS signature bytes for a display-form GUID (inverse of guidDisplay), for image writers. */
export function guidBytes(display: string): Uint8Array {
  const hex = display.replace(/[{}-]/g, '');
  if (!/^[0-9a-fA-F]{32}$/.test(hex)) throw new Error(`not a GUID: ${display}`);
  const shown = Array.from({ length: 16 }, (_, i) => parseInt(hex.slice(2 * i, 2 * i + 2), 16));
  const order = [3, 2, 1, 0, 5, 4, 7, 6, 8, 9, 10, 11, 12, 13, 14, 15];
  const out = new Uint8Array(16);
  order.forEach((src, i) => { out[src] = shown[i]; });
  return out;
}
