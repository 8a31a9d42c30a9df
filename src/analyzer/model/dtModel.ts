import { KdsimError } from '../../common/errors';
import { hex8 } from '../../common/hex';
import type { IsfTypeDescriptor } from '../../symbols/isf';
import type { FieldInfo, TypeTableApi } from '../../symbols/typeTable.api';
import type { VirtualMemory } from '../memory/types';
import type { SessionApi } from '../session/types';
import { DtArgs, hasWildcard, wildcard } from './dtArgs';
import { dtValueText } from './dtValue';

/** One line of a `dt` layout: a member (offset + name) or an array element (index). */
export interface DtRow {
  depth: number;
  offset?: number;
  name?: string;
  index?: number;
  /** dt spelling of the member's type ('Ptr32 _KTSS'). */
  type: string;
  /** Value text when an address was given ('0xf773a2e0 _KTSS', '??'); absent in a type-only layout. */
  value?: string;
}

export type DtModel =
  | { kind: 'list'; pattern: string; names: string[] }
  | { kind: 'layout'; typeName: string; module: string; header?: string; address?: string; rows: DtRow[] }
  | { kind: 'readError'; typeName: string; address: string };

interface FoundType { types: TypeTableApi; module: string; name: string }

/**
 * The module name WinDbg prints for a type: the PDB name ('ntkrpamp') rather than the alias 'nt' — from the
 * module's type name, else the type table's own name, else the RSDS PDB name.
 */
function displayModule(session: SessionApi, moduleName: string, types: TypeTableApi): string {
  const m = session.symbols.moduleByName(moduleName);
  if (m?.typeModuleName) return m.typeModuleName;
  if (types.moduleName && types.moduleName.toLowerCase() !== 'nt') return types.moduleName;
  if (m?.pdb?.name) return m.pdb.name.replace(/\.pdb$/i, '');
  return m?.name ?? moduleName;
}

function typeTables(session: SessionApi, module?: string): { types: TypeTableApi; module: string }[] {
  const out: { types: TypeTableApi; module: string }[] = [];
  const add = (types: TypeTableApi | undefined, name: string) => {
    if (types && !out.some((o) => o.types === types)) out.push({ types, module: displayModule(session, name, types) });
  };
  if (module !== undefined) {
    const nt = session.ntTypes;
    const ntNames = ['nt', nt?.moduleName.toLowerCase(), session.symbols.moduleByName('nt')?.typeModuleName?.toLowerCase()];
    if (nt && ntNames.includes(module.toLowerCase())) add(nt, 'nt');
    else add(session.symbols.typesFor(module), module);
    return out;
  }
  add(session.ntTypes ?? undefined, 'nt');
  for (const m of session.symbols.modules()) add(session.symbols.typesFor(m.name), m.name);
  return out;
}

function findType(tables: { types: TypeTableApi; module: string }[], name: string): FoundType | undefined {
  const candidates = [name, name.startsWith('_') ? name.slice(1) : `_${name}`];
  for (const c of candidates) for (const t of tables) if (t.types.hasType(c)) return { ...t, name: c };
  for (const c of candidates) {
    for (const t of tables) {
      const hit = t.types.typeNames().find((n) => n.toLowerCase() === c.toLowerCase());
      if (hit) return { ...t, name: hit };
    }
  }
  return undefined;
}

const isAggregate = (d: IsfTypeDescriptor): d is { kind: 'struct' | 'union' | 'class'; name: string } =>
  d.kind === 'struct' || d.kind === 'union' || d.kind === 'class';

/** A field filter: path segments, each a name or wildcard. */
type Filter = string[];

function matchesSegment(seg: string, name: string): boolean {
  return hasWildcard(seg) ? wildcard(seg).test(name) : seg.toLowerCase() === name.toLowerCase();
}

interface Walk { types: TypeTableApi; vm: VirtualMemory; maxDepth: number; blocks: boolean; rows: DtRow[] }

function walk(w: Walk, typeName: string, address: number | undefined, depth: number, filters: Filter[]): void {
  for (const f of w.types.fields(typeName)) {
    const mine = filters.filter((p) => matchesSegment(p[0], f.name));
    if (filters.length && !mine.length) continue;
    const deeper = mine.filter((p) => p.length > 1).map((p) => p.slice(1));
    const wantsWhole = !filters.length || mine.some((p) => p.length === 1);
    emit(w, f, address, depth, wantsWhole ? [] : deeper, !wantsWhole);
  }
}

function emit(w: Walk, f: FieldInfo, base: number | undefined, depth: number, sub: Filter[], pathOnly: boolean): void {
  const at = base === undefined ? undefined : (base + f.offset) >>> 0;
  const type = w.types.describe(f.type);
  const row: DtRow = { depth, offset: f.offset, name: f.name, type };
  if (pathOnly) {
    // A dotted path (`PrcbData.CurrentThread`): the parent line carries no value, its member follows.
    row.type = '';
    if (at !== undefined) row.value = '';
  } else if (at !== undefined) {
    row.value = dtValueText(w.types, w.vm, at, f.type);
  }
  w.rows.push(row);
  const d = f.type;
  if (pathOnly) {
    if (isAggregate(d)) walk(w, d.name, at, depth + 1, sub);
    else if (d.kind === 'pointer' && isAggregate(d.subtype)) {
      const target = at === undefined ? undefined : w.vm.readU32(at);
      if (target !== null) walk(w, d.subtype.name, target, depth + 1, sub);
    }
    return;
  }
  if (depth >= w.maxDepth) return;
  if (isAggregate(d)) walk(w, d.name, at, depth + 1, []);
  else if (d.kind === 'array' && w.blocks) {
    const size = w.types.sizeOfDescriptor(d.subtype);
    for (let i = 0; i < Math.min(d.count, 256); i++) {
      const el = at === undefined ? undefined : (at + i * size) >>> 0;
      const elType = w.types.describe(d.subtype);
      w.rows.push({ depth: depth + 1, index: i, type: elType, ...(el === undefined ? {} : { value: dtValueText(w.types, w.vm, el, d.subtype) }) });
    }
  }
}

/** Builds the model of one `dt` command: a wildcard listing, or a layout (with values when an address is given). */
export function buildDtModel(session: SessionApi, a: DtArgs): DtModel {
  const tables = typeTables(session, a.module);
  const spec = a.module === undefined ? a.typeName : `${a.module}!${a.typeName}`;
  if (!tables.length) throw new KdsimError('E_SYMBOLS', `Symbol ${spec} not found.`);

  if (hasWildcard(a.typeName)) {
    const re = wildcard(a.typeName);
    const names = tables.flatMap((t) => t.types.typeNames().filter((n) => re.test(n)).map((n) => `${t.module}!${n}`));
    if (!names.length) throw new KdsimError('E_SYMBOLS', `Symbol ${spec} not found.`);
    return { kind: 'list', pattern: spec, names };
  }

  const found = findType(tables, a.typeName);
  if (!found) throw new KdsimError('E_SYMBOLS', `Symbol ${spec} not found.`);
  const members = found.types.fields(found.name).map((f) => f.name);
  const filters: Filter[] = [];
  let addressExpr: string | undefined;
  for (const tok of a.rest) {
    const path = tok.split('.');
    if (members.some((m) => matchesSegment(path[0], m))) filters.push(path);
    else if (addressExpr === undefined) addressExpr = tok;
    else throw new KdsimError('E_SYNTAX', `Syntax error at '${tok}'`);
  }
  const address = addressExpr === undefined ? undefined : session.evaluate(addressExpr) >>> 0;
  const header = a.module === undefined ? `${found.module}!${found.name}` : undefined;

  if (address !== undefined) {
    const size = Math.max(1, Math.min(found.types.sizeof(found.name), 0x10000));
    if (!session.vm.readSparse(address, size).readable.some((r) => r === 1)) {
      return { kind: 'readError', typeName: found.name, address: hex8(address) };
    }
  }
  const w: Walk = { types: found.types, vm: session.vm, maxDepth: a.depth, blocks: a.blocks, rows: [] };
  walk(w, found.name, address, 0, filters);
  return {
    kind: 'layout', typeName: found.name, module: found.module, rows: w.rows,
    ...(header ? { header } : {}), ...(address === undefined ? {} : { address: hex8(address) }),
  };
}
