/**
 * The ISF files kdsim ships for the simulated images: one per module, keyed by the PDB name, GUID and age its
 * RSDS record carries (volatility3's layout: windows/<pdb>/<GUID>-<age>.json), plus kdsim's frame-data sidecar
 * (<GUID>-<age>.frames.json). nt's file carries the kernel types (ntkrpampTypes(): the real Server 2003 SP2 layouts,
 * all of them, as pdbconv would write) and symbols as RVAs; it is gzip'd (.json.gz, which volatility3 reads as is)
 * because the full type set is about 450 KB of JSON.
 */
import { gzipSync } from 'zlib';
import type { FrameDataFile, IsfFile, IsfPdbMetadata, IsfSymbol } from '../../symbols/isf';
import { buildIsf } from '../../symbols/isfBuild';
import { X86_BASE_TYPES } from '../../symbols/layouts/dtSyntax';
import { kernelTypes } from '../../symbols/kernelLayouts';
import { ntkrpampTypes } from '../../symbols/layouts/ntkrpamp';
import { SCOPETABLE_PREFIX } from '../image/buildImages';
import type { BuiltModule } from '../image/modules';

export interface ModuleSymbolFiles {
  /** Relative to a symbols directory: windows/<pdb>/<GUID>-<age>.json */
  isfPath: string;
  framesPath: string;
  isf: IsfFile;
  frames: FrameDataFile;
}

export function pdbMetadata(m: BuiltModule): IsfPdbMetadata {
  return { GUID: m.def.pdb.guid, age: m.def.pdb.age, database: m.def.pdb.name, machine_type: 332 };
}

export function moduleSymbolFiles(m: BuiltModule): ModuleSymbolFiles {
  const pdb = pdbMetadata(m);
  const symbols: Record<string, IsfSymbol> = {};
  for (const [name, va] of m.symbols) {
    if (name.startsWith(SCOPETABLE_PREFIX)) continue;
    symbols[name] = { address: va - m.def.base };
  }
  for (const f of m.functions) symbols[f.name] = { address: f.va - m.def.base, type: { kind: 'function' } };
  const types = m.def.kind === 'kernel'
    ? (m.def.kernelBuild ? kernelTypes(m.def.kernelBuild, { pae: true }) : ntkrpampTypes())
    : { base_types: structuredClone(X86_BASE_TYPES), user_types: {}, enums: {} };
  const isf = buildIsf({ types, pdb, symbols });
  const functions: FrameDataFile['functions'] = {};
  for (const f of [...m.functions].sort((a, b) => a.name.localeCompare(b.name))) {
    functions[f.name] = {
      rva: f.va - m.def.base, size: f.size, kind: f.frame.kind, localsBytes: f.frame.localsBytes, savedRegs: f.frame.savedRegs,
      paramBytes: f.frame.paramBytes, prologBytes: f.frame.prologBytes,
      ...(f.frame.savedRegisters ? { savedRegisters: f.frame.savedRegisters } : {}),
    };
  }
  const base = `windows/${m.def.pdb.name}/${m.def.pdb.guid}-${m.def.pdb.age}`;
  return { isfPath: `${base}${m.def.kind === 'kernel' ? '.json.gz' : '.json'}`, framesPath: `${base}.frames.json`, isf, frames: { module: m.def.name, pdb, functions } };
}

/** The text written for a JSON file (stable: keys sorted by the builders, one trailing newline). */
export const jsonText = (v: unknown): string => `${JSON.stringify(v, null, 1)}\n`;

/** The bytes of a symbol file: its text, gzip'd when the path ends in .gz. */
export const symbolFileBytes = (path: string, text: string): Buffer =>
  path.endsWith('.gz') ? gzipSync(Buffer.from(text, 'utf8'), { level: 9 }) : Buffer.from(text, 'utf8');
