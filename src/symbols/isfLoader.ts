import { readFileSync } from 'fs';
import { gunzipSync } from 'zlib';
import { KdsimError } from '../common/errors';
import type { FrameDataFile, IsfFile, IsfTypeDescriptor } from './isf';

/**
 * Loads and validates volatility3 ISF files (schema 6.x, as pdbconv writes them) and kdsim's frame-data
 * sidecar. Every problem is one E_SYMBOLS line naming the file and the bad spot, never a JS TypeError later.
 */

const bad = (source: string, what: string): never => {
  throw new KdsimError('E_SYMBOLS', `Invalid symbol file ${source}: ${what}`);
};
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

/** Read a JSON file (`.json` or `.json.gz`); E_SYMBOLS when missing or not JSON. */
export function readJsonFile(path: string): unknown {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw new KdsimError('E_SYMBOLS', `Cannot read symbol file ${path}: ${(e as NodeJS.ErrnoException).code ?? e}`);
  }
  try {
    return JSON.parse((path.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8'));
  } catch (e) {
    return bad(path, `not JSON (${(e as Error).message})`);
  }
}

export function loadIsfFile(path: string): IsfFile {
  return parseIsf(readJsonFile(path), path);
}

/** Validate parsed JSON as an ISF file; `source` names it in errors. */
export function parseIsf(json: unknown, source: string): IsfFile {
  if (!isObj(json)) return bad(source, 'top level is not an object');
  for (const key of ['metadata', 'base_types', 'user_types', 'enums', 'symbols']) {
    if (!isObj(json[key])) bad(source, `missing or invalid '${key}'`);
  }
  const isf = json as unknown as IsfFile;
  if (typeof isf.metadata.format !== 'string' || !/^\d+\.\d+\.\d+$/.test(isf.metadata.format)) {
    bad(source, `metadata.format '${String(isf.metadata.format)}' is not a version like 6.2.0`);
  }
  const pdb = isf.metadata.windows?.pdb;
  if (pdb !== undefined) {
    if (typeof pdb.GUID !== 'string' || !isInt(pdb.age) || typeof pdb.database !== 'string') {
      bad(source, 'metadata.windows.pdb needs GUID, age and database');
    }
  }
  for (const [name, b] of Object.entries(isf.base_types)) {
    if (!isObj(b) || !isInt(b.size) || typeof b.signed !== 'boolean' || !['void', 'int', 'float', 'char', 'bool'].includes(b.kind as string)) {
      bad(source, `base type '${name}' needs kind, size and signed`);
    }
  }
  for (const [name, e] of Object.entries(isf.enums)) {
    if (!isObj(e) || !isInt(e.size) || !isObj(e.constants)) bad(source, `enum '${name}' needs size and constants`);
    if (!(e.base in isf.base_types)) bad(source, `enum '${name}' has unknown base type '${e.base}'`);
  }
  for (const [name, u] of Object.entries(isf.user_types)) {
    if (!isObj(u) || !isInt(u.size) || u.size < 0 || !isObj(u.fields) || !['struct', 'union', 'class'].includes(u.kind)) {
      bad(source, `user type '${name}' needs kind, size and fields`);
    }
    for (const [fname, f] of Object.entries(u.fields)) {
      if (!isObj(f) || !isInt(f.offset) || f.offset < 0) bad(source, `${name}.${fname} has no valid offset`);
      checkDescriptor(isf, f.type, `${name}.${fname}`, source);
    }
  }
  for (const [name, s] of Object.entries(isf.symbols)) {
    if (!isObj(s) || typeof s.address !== 'number' || !Number.isFinite(s.address)) {
      bad(source, `symbol '${name}' has no numeric address`);
    }
    if (s.type !== undefined) checkDescriptor(isf, s.type, `symbol ${name}`, source);
  }
  return isf;
}

function checkDescriptor(isf: IsfFile, t: unknown, where: string, source: string): void {
  if (!isObj(t)) return bad(source, `${where} has no type`);
  const d = t as IsfTypeDescriptor;
  switch (d.kind) {
    case 'base':
      if (!(d.name in isf.base_types)) bad(source, `${where} uses unknown base type '${d.name}'`);
      return;
    case 'pointer':
      return checkDescriptor(isf, d.subtype, where, source);
    case 'array':
      if (!isInt(d.count) || d.count < 0) bad(source, `${where} has a bad array count`);
      return checkDescriptor(isf, d.subtype, where, source);
    case 'struct':
    case 'union':
    case 'class':
      if (!(d.name in isf.user_types)) bad(source, `${where} names missing type '${d.name}'`);
      return;
    case 'enum':
      if (!(d.name in isf.enums)) bad(source, `${where} names missing enum '${d.name}'`);
      return;
    case 'bitfield':
      if (!isInt(d.bit_position) || !isInt(d.bit_length) || d.bit_length < 1) bad(source, `${where} has a bad bitfield`);
      return checkDescriptor(isf, d.type, where, source);
    case 'function':
      return;
    default:
      bad(source, `${where} has unknown type kind '${String((d as { kind: unknown }).kind)}'`);
  }
}

const FRAME_KINDS = ['fpo', 'ebp', 'trap', 'tss'];

export function loadFrameDataFile(path: string): FrameDataFile {
  return parseFrameData(readJsonFile(path), path);
}

/** Validate kdsim's `<GUID>-<age>.frames.json` sidecar. */
export function parseFrameData(json: unknown, source: string): FrameDataFile {
  if (!isObj(json) || typeof json.module !== 'string' || !isObj(json.pdb) || !isObj(json.functions)) {
    return bad(source, 'a frames file needs module, pdb and functions');
  }
  for (const [name, f] of Object.entries(json.functions)) {
    const ok = isObj(f) && FRAME_KINDS.includes(f.kind as string)
      && ['rva', 'size', 'localsBytes', 'savedRegs', 'paramBytes', 'prologBytes'].every((k) => isInt(f[k]) && (f[k] as number) >= 0);
    if (!ok) bad(source, `function '${name}' needs rva, size, kind (${FRAME_KINDS.join('/')}), localsBytes, savedRegs, paramBytes, prologBytes`);
  }
  return json as unknown as FrameDataFile;
}
