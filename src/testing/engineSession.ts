/**
 * Test double for the engine: a DebugSession over the structure engineers' miniature blog machine
 * (structures/fakeKernel.ts) plus what the engine reads on top of it: the GDT (selectors 0x28, 0x30, 0x50),
 * the two TSSs with their saved registers, KPRCB special registers (CR2, TR) and the header CONTEXT.
 * Test-only (imported by *.test.ts files).
 */
import type { CrashDump, DumpHeaderModel } from '../analyzer/dump/types';
import type { TypeTableApi } from '../symbols/typeTable.api';
import { blogSession, ntTypes, KPCR } from './fakeKernel';
import { FakeTypeTable, t } from './fakeTarget';
import { FakeSymbols } from './fakeSymbols';
import { DebugSession } from '../analyzer/session/debugSession';
import type { SymbolResolverApi } from '../analyzer/symbols/types';

const extra = new FakeTypeTable('nt', {
  _KTSS: { size: 0x20ac, fields: [['Backlink', 0, t.u16], ['Esp0', 4, t.u32], ['CR3', 0x1c, t.u32], ['Eip', 0x20, t.u32],
    ['EFlags', 0x24, t.u32], ['Eax', 0x28, t.u32], ['Ecx', 0x2c, t.u32], ['Edx', 0x30, t.u32], ['Ebx', 0x34, t.u32],
    ['Esp', 0x38, t.u32], ['Ebp', 0x3c, t.u32], ['Esi', 0x40, t.u32], ['Edi', 0x44, t.u32], ['Es', 0x48, t.u16],
    ['Cs', 0x4c, t.u16], ['Ss', 0x50, t.u16], ['Ds', 0x54, t.u16], ['Fs', 0x58, t.u16], ['Gs', 0x5c, t.u16]] },
  _KSPECIAL_REGISTERS: { size: 0x54, fields: [['Cr0', 0, t.u32], ['Cr2', 4, t.u32], ['Cr3', 8, t.u32], ['Cr4', 0xc, t.u32], ['Tr', 0x40, t.u16]] },
  _KPROCESSOR_STATE: { size: 0x320, fields: [['ContextFrame', 0, t.s('_CONTEXT')], ['SpecialRegisters', 0x2cc, t.s('_KSPECIAL_REGISTERS')]] },
  _CONTEXT: { size: 0x2cc, fields: [['ContextFlags', 0, t.u32]] },
  _KPRCB: { size: 0xec0, fields: [['CurrentThread', 4, t.ptr(t.s('_KTHREAD'))], ['ProcessorState', 0x1c, t.s('_KPROCESSOR_STATE')]] },
});

/** nt types: the structure tests' table, with the TSS and processor-state members the engine reads. */
const types: TypeTableApi = new Proxy(ntTypes, {
  get(target, prop) {
    const own = Reflect.get(target, prop) as unknown;
    if (typeof own !== 'function') return own;
    return (name: string, ...rest: unknown[]) => {
      const from = typeof name === 'string' && extra.hasType(name) && (name !== '_KPRCB' || /^(ProcessorState|CurrentThread)/.test(String(rest[0] ?? '')))
        ? extra : target;
      return (from as unknown as Record<string, (...a: unknown[]) => unknown>)[prop as string](name, ...rest);
    };
  },
});

export const TSS28 = 0xf7737fe0;
export const TSS50 = 0xf773a2e0;
const GDT = 0xf773d400;

/** A GDT descriptor: base, byte-granular limit, access byte. */
function descriptor(base: number, limit: number, access: number): number[] {
  return [limit & 0xff, (limit >> 8) & 0xff, base & 0xff, (base >> 8) & 0xff, (base >> 16) & 0xff, access, (limit >> 16) & 0xf, base >>> 24];
}

export function engineSession(): DebugSession {
  const base = blogSession();
  const vm = base.fake;
  vm.fill(GDT, 0x60);
  vm.write(GDT + 0x28, descriptor(TSS28, 0x20ab, 0x8b)).write(GDT + 0x30, descriptor(KPCR, 0xfff, 0x93)).write(GDT + 0x50, descriptor(TSS50, 0x68, 0x89));
  vm.fill(TSS28, 0x68).writeU32(TSS28 + 0x20, 0x8088c718, 0x00010046, 0xb8ae0023, 0x87d68438, 0x87758bd8, 0xb8ae60ec, 0xb8ae5fe4, 0xb8ae5fe4, 0xb8ae6068, 0x808813d8);
  vm.writeU32(TSS28 + 0x48, 0x23, 8, 0x10, 0x23, 0x30, 0);
  vm.fill(TSS50 + 0x20, 0x48).writeU32(TSS50 + 0x20, 0x8088b702).writeU32(TSS50 + 0x38, 0xf773d3c0);
  vm.writeU32(TSS50 + 0x48, 0x23, 8, 0x10, 0x23, 0x30, 0);
  // KPRCB.ProcessorState: ContextFlags 0 (walkthrough puzzle 9), CR2 and TR in SpecialRegisters.
  const special = KPCR + 0x120 + 0x1c + 0x2cc;
  vm.fill(special, 0x54).writeU32(special + 4, 0xb8ae5fe0).writeU16(special + 0x40, 0x50);
  // Stack: guard page below b8ae6000, the blog's first 0x20 readable bytes.
  vm.writeU32(0xb8ae6000, 0, 0, 0, 0, 0, 0xb8ae0000, 0xb8ae0023, 0x23, 0x87758bd8);
  const header = {
    numberProcessors: 4, bugCheckCode: 0x7f, bugCheckParameters: [8, 0, 0, 0], kdDebuggerDataBlock: 0,
    majorVersion: 0xf, minorVersion: 3790, psLoadedModuleList: 0x808a6ea8, productType: 3, suiteMask: 0x110,
    systemTime: 0n, systemUpTime: 0n, dumpType: 1,
    context: { contextFlags: 0x10007, eax: 0, ebx: 0, ecx: 0, edx: 0, esi: 0, edi: 0, eip: 0x80827c83, esp: 0xf773d000,
      ebp: 0xf773d010, efl: 0x246, cs: 8, ss: 0x10, ds: 0x23, es: 0x23, fs: 0x30, gs: 0 },
  } as unknown as DumpHeaderModel;
  const dump: CrashDump = { path: 'fake.dmp', fileSize: 0, header, phys: { has: () => false, read: () => null }, kernelVm: vm, warnings: [], close: () => undefined };
  const symbols = base.symbols as FakeSymbols;
  const withTypes: SymbolResolverApi = Object.assign(Object.create(symbols) as FakeSymbols, { typesFor: (m: string) => (symbols.typesFor(m) ? types : undefined) });
  return new DebugSession(dump, withTypes);
}
