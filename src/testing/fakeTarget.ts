/**
 * Test doubles for the structure commands: a tiny ISF-backed type table, a sparse virtual memory and a
 * SessionApi. They exist so the commands can be tested before (and independently of) the real layers.
 */
import type { IsfTypeDescriptor } from '../symbols/isf';
import type { FieldInfo, TypeTableApi } from '../symbols/typeTable.api';
import type { SparseBytes, VirtualMemory } from '../analyzer/memory/types';
import type { SessionApi } from '../analyzer/session/types';
import type { ModuleInfo, SymbolResolverApi } from '../analyzer/symbols/types';
import type { X86Registers } from '../common/x86Registers';
import { X86_PAE } from '../analyzer/arch/x86';

export type FakeField = [name: string, offset: number, type: IsfTypeDescriptor];
export interface FakeType { size: number; fields: FakeField[]; kind?: 'struct' | 'union' }

const BASE: Record<string, [size: number, dt: string]> = {
  void: [0, 'Void'], char: [1, 'Char'], 'unsigned char': [1, 'UChar'], short: [2, 'Int2B'],
  'unsigned short': [2, 'Uint2B'], long: [4, 'Int4B'], 'unsigned long': [4, 'Uint4B'],
  'long long': [8, 'Int8B'], 'unsigned long long': [8, 'Uint8B'], wchar: [2, 'Wchar'],
};

export const t = {
  u8: { kind: 'base', name: 'unsigned char' } as IsfTypeDescriptor,
  i8: { kind: 'base', name: 'char' } as IsfTypeDescriptor,
  u16: { kind: 'base', name: 'unsigned short' } as IsfTypeDescriptor,
  u32: { kind: 'base', name: 'unsigned long' } as IsfTypeDescriptor,
  i32: { kind: 'base', name: 'long' } as IsfTypeDescriptor,
  u64: { kind: 'base', name: 'unsigned long long' } as IsfTypeDescriptor,
  wchar: { kind: 'base', name: 'wchar' } as IsfTypeDescriptor,
  ptr: (sub: IsfTypeDescriptor): IsfTypeDescriptor => ({ kind: 'pointer', subtype: sub }),
  pvoid: { kind: 'pointer', subtype: { kind: 'base', name: 'void' } } as IsfTypeDescriptor,
  s: (name: string): IsfTypeDescriptor => ({ kind: 'struct', name }),
  arr: (count: number, sub: IsfTypeDescriptor): IsfTypeDescriptor => ({ kind: 'array', count, subtype: sub }),
  bits: (pos: number, len: number, of: IsfTypeDescriptor): IsfTypeDescriptor =>
    ({ kind: 'bitfield', bit_position: pos, bit_length: len, type: of }),
  e: (name: string): IsfTypeDescriptor => ({ kind: 'enum', name }),
};

export class FakeTypeTable implements TypeTableApi {
  constructor(
    readonly moduleName: string,
    private readonly types: Record<string, FakeType>,
    private readonly enums: Record<string, { size: number; constants: Record<string, number> }> = {},
  ) {}
  hasType(name: string) { return name in this.types || name in this.enums; }
  typeNames() { return Object.keys(this.types); }
  sizeof(name: string) {
    const ty = this.types[name] ?? this.enums[name];
    if (!ty) throw new Error(`Symbol ${name} not found.`);
    return ty.size;
  }
  fields(name: string): FieldInfo[] {
    const ty = this.types[name];
    if (!ty) throw new Error(`Symbol ${name} not found.`);
    return ty.fields.map(([n, offset, type]) => ({
      name: n, offset, type,
      ...(type.kind === 'bitfield' ? { bitPosition: type.bit_position, bitLength: type.bit_length } : {}),
    }));
  }
  field(name: string, path: string): FieldInfo {
    let typeName = name;
    let base = 0;
    let found: FieldInfo | undefined;
    for (const part of path.split('.')) {
      found = this.fields(typeName).find((f) => f.name === part);
      if (!found) throw new Error(`no field ${part}`);
      base += found.offset;
      if (found.type.kind === 'struct' || found.type.kind === 'union') typeName = found.type.name;
    }
    return { ...found!, offset: base };
  }
  offsetof(name: string, path: string) { return this.field(name, path).offset; }
  sizeOfDescriptor(d: IsfTypeDescriptor): number {
    switch (d.kind) {
      case 'base': return BASE[d.name][0];
      case 'pointer': return 4;
      case 'array': return d.count * this.sizeOfDescriptor(d.subtype);
      case 'bitfield': return this.sizeOfDescriptor(d.type);
      case 'enum': return this.enums[d.name]?.size ?? 4;
      case 'function': return 0;
      default: return this.sizeof(d.name);
    }
  }
  describe(d: IsfTypeDescriptor): string {
    switch (d.kind) {
      case 'base': return BASE[d.name][1];
      case 'pointer': return `Ptr32 ${this.describe(d.subtype)}`;
      case 'array': return `[${d.count}] ${this.describe(d.subtype)}`;
      case 'bitfield': return `Pos ${d.bit_position}, ${d.bit_length} Bit${d.bit_length > 1 ? 's' : ''}`;
      case 'function': return 'void';
      default: return d.name;
    }
  }
  enumConstants(name: string) { return this.enums[name]?.constants; }
}

/** Sparse memory: only bytes that were written are readable. */
export class FakeMemory implements VirtualMemory {
  readonly dtb = 0x1000;
  readonly pae = true;
  private readonly bytes = new Map<number, number>();
  write(va: number, data: number[] | Uint8Array) { data.forEach((b, i) => this.bytes.set((va + i) >>> 0, b)); return this; }
  writeU32(va: number, ...values: number[]) {
    values.forEach((v, i) => this.write(va + 4 * i, [v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, v >>> 24]));
    return this;
  }
  writeU16(va: number, v: number) { return this.write(va, [v & 0xff, v >>> 8]); }
  fill(va: number, length: number) { for (let i = 0; i < length; i++) if (!this.bytes.has(va + i)) this.bytes.set(va + i, 0); return this; }
  translate() { return { ok: true as const, pa: 0, large: false }; }
  readSparse(va: number, length: number): SparseBytes {
    const bytes = new Uint8Array(length);
    const readable = new Uint8Array(length);
    for (let i = 0; i < length; i++) {
      const b = this.bytes.get((va + i) >>> 0);
      if (b !== undefined) { bytes[i] = b; readable[i] = 1; }
    }
    return { bytes, readable };
  }
  read(va: number, length: number) {
    const s = this.readSparse(va, length);
    return s.readable.every((r) => r === 1) ? s.bytes : null;
  }
  readU8(va: number) { const b = this.read(va, 1); return b ? b[0] : null; }
  readU16(va: number) { const b = this.read(va, 2); return b ? b[0] | (b[1] << 8) : null; }
  readU32(va: number) { const b = this.read(va, 4); return b ? (b[0] | (b[1] << 8) | (b[2] << 16) | (b[3] << 24)) >>> 0 : null; }
  readU64(va: number) { const lo = this.readU32(va); const hi = this.readU32(va + 4); return lo === null || hi === null ? null : (BigInt(hi) << 32n) | BigInt(lo); }
  withDtb() { return this; }
}

export interface FakeSymbol { name: string; address: number; module: string }

/** Resolver over a module table and a flat symbol list (names 'module!name'). */
export class FakeSymbols implements SymbolResolverApi {
  constructor(
    private readonly mods: ModuleInfo[],
    private readonly syms: FakeSymbol[],
    private readonly typeTables: Record<string, TypeTableApi> = {},
  ) {}
  modules() { return this.mods; }
  moduleByName(name: string) {
    const n = name.toLowerCase();
    return this.mods.find((m) => m.name.toLowerCase() === n || m.typeModuleName?.toLowerCase() === n);
  }
  moduleAt(addr: number) { return this.mods.find((m) => addr >= m.base && addr < m.base + m.size); }
  lookup(addr: number) {
    const module = this.moduleAt(addr);
    if (!module) return undefined;
    const best = this.syms.filter((s) => s.module === module.name && s.address <= addr).sort((a, b) => b.address - a.address)[0];
    return best
      ? { module, symbol: { name: best.name, address: best.address }, offset: addr - best.address }
      : { module, offset: addr - module.base };
  }
  format(addr: number) {
    const hit = this.lookup(addr);
    if (!hit) return undefined;
    if (!hit.symbol) return `${hit.module.name}+0x${hit.offset.toString(16)}`;
    return `${hit.module.name}!${hit.symbol.name}${hit.offset ? `+0x${hit.offset.toString(16)}` : ''}`;
  }
  resolve(name: string) {
    const [mod, sym] = name.includes('!') ? name.split('!') : [undefined, name];
    const m = mod ? this.moduleByName(mod) : undefined;
    return this.syms.find((s) => s.name === sym && (!m || s.module === m.name))?.address;
  }
  search(pattern: string) {
    const [mod, sym] = pattern.split('!');
    const m = this.moduleByName(mod);
    const re = new RegExp(`^${sym.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 'i');
    return this.syms.filter((s) => s.module === m?.name && re.test(s.name)).map((s) => ({ name: `${s.module}!${s.name}`, address: s.address }));
  }
  typesFor(moduleName: string) {
    const m = this.moduleByName(moduleName);
    return m ? this.typeTables[m.name] : undefined;
  }
  frameDataAt() { return undefined; }
}

export interface FakeSessionInit {
  vm: FakeMemory;
  ntTypes: TypeTableApi | null;
  symbols: SymbolResolverApi;
  processor?: number;
  processorCount?: number;
  regs?: Partial<X86Registers>;
  header?: Record<string, unknown>;
  currentThread?: number;
  currentProcess?: number;
}

/** A SessionApi whose evaluate() understands hex numbers, `a+b` and module!symbol names. */
export function fakeSession(init: FakeSessionInit): SessionApi {
  const regs: X86Registers = { eax: 0, ebx: 0, ecx: 0, edx: 0, esi: 0, edi: 0, eip: 0, esp: 0, ebp: 0, efl: 0,
    cs: 8, ss: 0x10, ds: 0x23, es: 0x23, fs: 0x30, gs: 0, ...init.regs };
  const evaluate = (expr: string): number => expr.split('+').reduce((sum, term) => {
    const s = term.trim().replace(/^0x/i, '');
    if (/^[0-9a-f`]+$/i.test(s)) return (sum + parseInt(s.replace(/`/g, ''), 16)) >>> 0;
    const sym = init.symbols.resolve(term.trim());
    if (sym === undefined) throw Object.assign(new Error(`Couldn't resolve error at '${expr}'`), { code: 'E_SYNTAX' });
    return (sum + sym) >>> 0;
  }, 0);
  return {
    dump: { path: 'fake.dmp', fileSize: 0, header: { kdDebuggerDataBlock: 0, ...init.header } as never,
      phys: { has: () => false, read: () => null }, kernelVm: init.vm, warnings: [], close: () => undefined },
    vm: init.vm,
    symbols: init.symbols,
    ntTypes: init.ntTypes,
    processorCount: init.processorCount ?? 4,
    processor: init.processor ?? 3,
    regs,
    contextSource: 'default',
    radix: 16,
    currentThread: init.currentThread,
    currentProcess: init.currentProcess,
    arch: X86_PAE,
    evaluate,
    evaluateFull: (expr) => { const value = evaluate(expr); return { value, full: BigInt(value) }; },
    setContext: () => undefined,
    resetContext: () => undefined,
    setProcessor: () => undefined,
    setRadix: () => undefined,
    memo: new Map(),
  };
}
