/**
 * Test doubles for the structure commands: a tiny ISF-backed type table, a sparse virtual memory and a
 * SessionApi. They exist so the commands can be tested before (and independently of) the real layers.
 */
import type { IsfTypeDescriptor } from '../symbols/isf';
import type { FieldInfo, TypeTableApi } from '../symbols/typeTable.api';
import type { FakeMemory } from './fakeMemory';
import type { SessionApi } from '../analyzer/session/types';
import type { SymbolResolverApi } from '../analyzer/symbols/types';
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
