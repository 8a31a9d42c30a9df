/**
 * Loaded images of the simulated machine: each module's identity (name, path, base, size, timestamp, PDB), its
 * code (functions emitted with iced-x86), import slots and data symbols. Built into memory by buildImages().
 */
import type { FunctionSpec, EmittedFunction } from '../code/emitter';
import type { FnDef } from '../code/frameFunction';
import type { PdbIdentity } from './peImage';

export interface ModuleDef {
  /** WinDbg module name ('nt', 'hal', 'StackHog'). */
  name: string;
  imageName: string;
  /** FullDllName as the loader records it. */
  fullPath: string;
  base: number;
  sizeOfImage: number;
  timeDateStamp: number;
  kind: 'kernel' | 'dll' | 'driver';
  pdb: PdbIdentity;
  /** Section starts; .text = [textRva, rdataRva), .rdata = [rdataRva, dataRva), .data = [dataRva, sizeOfImage). */
  textRva: number;
  rdataRva: number;
  dataRva: number;
  /** Code in address order: hand-written functions or functions described as data. */
  code: (FunctionSpec | FnDef)[];
  /** Imported functions ('nt!IofCallDriver'): one IAT slot each at the start of .rdata. */
  imports: string[];
  entry: string;
  /** Version resource strings shown by `lm kv` (CompanyName, ProductName, FileVersion, FileDescription). */
  version?: Record<string, string>;
  /** The kernel only: the build whose layouts its ISF carries (a label of src/symbols/builds.ts). */
  kernelBuild?: string;
}

/** A module after layout: where everything ended up. */
export interface BuiltModule {
  def: ModuleDef;
  functions: EmittedFunction[];
  /** Symbol name → VA: functions, import slots (`__imp_X`), data (added by the kernel writers). */
  symbols: Map<string, number>;
  checkSum: number;
  entryPoint: number;
}

export const isFnDef = (c: FunctionSpec | FnDef): c is FnDef => 'module' in c && 'calls' in c;

/** A stable GUID for a simulated PDB: the same module gets the same GUID on every run and every seed. */
export function pdbGuid(pdbName: string, timeDateStamp: number): string {
  let out = '';
  let h = 0x811c9dc5 ^ timeDateStamp;
  for (let round = 0; round < 4; round++) {
    for (const ch of `kdsim:${pdbName}:${round}`) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
    out += h.toString(16).toUpperCase().padStart(8, '0');
  }
  return out;
}

export function pdbFor(pdbName: string, timeDateStamp: number, age = 1): PdbIdentity {
  return { name: pdbName, guid: pdbGuid(pdbName, timeDateStamp), age };
}
