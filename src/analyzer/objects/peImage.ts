import {
  CV_SIGNATURE_RSDS, IMAGE_DEBUG_TYPE_CODEVIEW, IMAGE_DIRECTORY_ENTRY_DEBUG, IMAGE_DOS_SIGNATURE,
  IMAGE_NT_SIGNATURE, guidDisplay, peTypes,
} from '../../symbols/layouts/pe';
import { TypeTable } from '../../symbols/typeTable';
import type { TypeTableApi } from '../../symbols/typeTable.api';
import type { VirtualMemory } from '../memory/types';
import { TypedView } from './typedView';

let peTable: TypeTable | undefined;
export const peTypeTable = (): TypeTableApi => (peTable ??= new TypeTable(peTypes(), 'pe'));

export interface PdbReference { name: string; guid: string; age: number }
export interface PeImageInfo {
  base: number;
  machine: number;
  sizeOfImage: number;
  timeDateStamp: number;
  checkSum: number;
  characteristics: number;
  /** From the CodeView RSDS debug record; undefined when absent or unreadable. */
  pdb?: PdbReference;
}

/** Headers past this are not believed (a damaged e_lfanew). */
const MAX_LFANEW = 0x1000;
const MAX_DEBUG_ENTRIES = 16;
const MAX_PDB_NAME = 260;

/** Read a PE32 image's headers from memory at `base`; null when there is no readable MZ/PE header. */
export function readPeImage(vm: VirtualMemory, base: number): PeImageInfo | null {
  const types = peTypeTable();
  const dos = new TypedView(vm, types, '_IMAGE_DOS_HEADER', base);
  const lfanew = dos.num('e_lfanew');
  if (dos.num('e_magic') !== IMAGE_DOS_SIGNATURE || lfanew === null || lfanew < 0 || lfanew > MAX_LFANEW) return null;
  const nt = new TypedView(vm, types, '_IMAGE_NT_HEADERS', (base + lfanew) >>> 0);
  if (nt.num('Signature') !== IMAGE_NT_SIGNATURE) return null;
  const fields = {
    machine: nt.num('FileHeader.Machine'), sizeOfImage: nt.num('OptionalHeader.SizeOfImage'),
    timeDateStamp: nt.num('FileHeader.TimeDateStamp'), checkSum: nt.num('OptionalHeader.CheckSum'),
    characteristics: nt.num('FileHeader.Characteristics'),
  };
  if (Object.values(fields).some((v) => v === null)) return null;
  const info: PeImageInfo = { base, ...(fields as Omit<PeImageInfo, 'base' | 'pdb'>) };
  const pdb = readRsds(vm, types, base, nt);
  return pdb ? { ...info, pdb } : info;
}

function readRsds(vm: VirtualMemory, types: TypeTableApi, base: number, nt: TypedView): PdbReference | undefined {
  const dir = `OptionalHeader.DataDirectory[${IMAGE_DIRECTORY_ENTRY_DEBUG}]`;
  const rva = nt.num(`${dir}.VirtualAddress`);
  const size = nt.num(`${dir}.Size`);
  if (!rva || !size) return undefined;
  const entrySize = types.sizeof('_IMAGE_DEBUG_DIRECTORY');
  for (let i = 0; i < Math.min(Math.floor(size / entrySize), MAX_DEBUG_ENTRIES); i++) {
    const d = new TypedView(vm, types, '_IMAGE_DEBUG_DIRECTORY', (base + rva + i * entrySize) >>> 0);
    if (d.num('Type') !== IMAGE_DEBUG_TYPE_CODEVIEW) continue;
    const dataRva = d.num('AddressOfRawData');
    if (!dataRva) continue;
    const cv = new TypedView(vm, types, '_CV_INFO_PDB70', (base + dataRva) >>> 0);
    const sig = cv.bytes('Signature');
    const age = cv.num('Age');
    if (cv.num('CvSignature') !== CV_SIGNATURE_RSDS || !sig || age === null) continue;
    const nameVa = (cv.address + cv.size) >>> 0;
    const raw = vm.readSparse(nameVa, MAX_PDB_NAME);
    let end = 0;
    while (end < MAX_PDB_NAME && raw.readable[end] && raw.bytes[end] !== 0) end++;
    if (end === 0 || end === MAX_PDB_NAME || !raw.readable[end]) continue;
    return { name: Buffer.from(raw.bytes.subarray(0, end)).toString('latin1'), guid: guidDisplay(sig), age };
  }
  return undefined;
}
