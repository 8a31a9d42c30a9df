import { hex8 } from '../../common/hex';
import type { ModuleInfo } from '../symbols/types';
import type { PeHeaders } from '../objects/peHeaders';
import { stampDate } from './lm';

export interface LmiModel { asTyped: string; module: ModuleInfo; headers: PeHeaders | null }

const MACHINES: Record<number, string> = { 0x14c: 'I386', 0x8664: 'AMD64', 0x200: 'IA64' };
const DEBUG_TYPES: Record<number, string> = { 1: 'COFF', 2: 'CODEVIEW', 3: 'FPO', 4: 'MISC', 5: 'EXCEPTION', 6: 'FIXUP', 9: 'BORLAND', 0xc: 'VC_FEATURE', 0xd: 'POGO', 0xe: 'ILTCG', 0x10: 'REPRO' };
/** `!lmi` labels are right-aligned to 15 columns ("Characteristics"). */
const f = (label: string, value: string) => `${label.padStart(15)}: ${value}`;
const h = (v: number) => v.toString(16);

/** WinDbg's `!lmi` summary of a module's headers (layout of the debugger documentation's example). */
export function renderLmi(m: LmiModel): string[] {
  const mod = m.module;
  const hd = m.headers;
  const out = [`Loaded Module Info: [${m.asTyped}] `, f('Module', mod.name), f('Base Address', hex8(mod.base)), f('Image Name', mod.imageName)];
  if (!hd) {
    out.push(`Unable to read image header for ${mod.imageName} at ${hex8(mod.base)}`);
  } else {
    out.push(
      f('Machine Type', `${hd.machine} (${MACHINES[hd.machine] ?? 'unknown'})`),
      f('Time Stamp', `${h(hd.timeDateStamp)} ${stampDate(hd.timeDateStamp)}`),
      f('Size', h(hd.sizeOfImage)),
      f('CheckSum', h(hd.checkSum)),
      f('Characteristics', `${h(hd.characteristics)}${hd.characteristics & 0x200 ? ' stripped' : ''}`),
    );
    if (hd.debug.length) {
      out.push('Debug Data Dirs: Type  Size     VA  Pointer');
      for (const d of hd.debug) {
        const cols = `${(DEBUG_TYPES[d.type] ?? String(d.type)).padStart(21)} ${h(d.size).padStart(5)}, ${h(d.rva).padStart(5)}, ${h(d.pointer).padStart(7)}`;
        if (d.codeView) {
          out.push(`${cols} RSDS - GUID: ${d.codeView.guid}`, `${' '.repeat(15)}Age: ${d.codeView.age}, Pdb: ${d.codeView.pdb}`);
        } else {
          out.push(cols);
        }
      }
    }
    out.push(f('Image Type', 'MEMORY   - Image read successfully from loaded memory.'));
  }
  const loaded = mod.symbolStatus === 'loaded';
  out.push(
    f('Symbol Type', loaded ? 'PDB      - Symbols loaded successfully from the symbol store.' : 'NONE     - PDB not found.'),
    ...(loaded && mod.pdb ? [`${' '.repeat(17)}${mod.pdb.name}`] : []),
    f('Load Report', loaded ? 'public symbols' : 'no symbols loaded'),
  );
  return out;
}
