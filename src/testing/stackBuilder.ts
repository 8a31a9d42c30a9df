/**
 * Label-built stacks for walker tests, after rust-minidump's test_assembler: a test writes the stack the way
 * one draws it (lowest address first), marks positions with labels, and refers to labels before they are
 * placed (a saved EBP that points at the caller's frame). `build()` resolves every label and gives a
 * VirtualMemory where only the written bytes (and any code added with `code()`) are readable.
 *
 *   const s = new StackBuilder(0xb8ae7000);
 *   const callerFrame = new Label();
 *   s.mark(frame0).d32(callerFrame).d32(0x80881234)   // saved EBP, return address
 *    .skip(0x20).mark(callerFrame).d32(0).d32(0);
 *   const mem = s.build();
 */
import type { PageFault, SparseBytes, Translation, VirtualMemory } from '../analyzer/memory/types';
import type { ModuleInfo, SymbolHit, SymbolResolverApi } from '../analyzer/symbols/types';
import type { FunctionFrameData } from '../symbols/isf';

/** A position in a stack, known once it is marked (or given a value outright). */
export class Label {
  private v: number | undefined;
  constructor(readonly name = 'label') {}
  get value(): number {
    if (this.v === undefined) throw new Error(`label ${this.name} was never placed`);
    return this.v;
  }
  get placed(): boolean { return this.v !== undefined; }
  set(v: number): void { this.v = v >>> 0; }
  /** A label at a fixed distance from this one, resolved lazily. */
  plus(delta: number): LabelExpr { return { label: this, delta }; }
}
interface LabelExpr { label: Label; delta: number }
type Dword = number | Label | LabelExpr | null;

/** Writes dwords upward from `start`; `null` dwords and `gap()` leave unreadable holes. */
export class StackBuilder {
  private readonly slots: { at: number; value: Dword }[] = [];
  private pos: number;
  constructor(readonly start: number) { this.pos = start >>> 0; }

  get here(): number { return this.pos; }
  /** Places `label` at the current position. */
  mark(label: Label): this { label.set(this.pos); return this; }
  d32(...values: Dword[]): this {
    for (const v of values) { this.slots.push({ at: this.pos, value: v }); this.pos = (this.pos + 4) >>> 0; }
    return this;
  }
  /** Readable zero-filled bytes (locals nobody looks at). */
  skip(bytes: number): this {
    for (let i = 0; i < bytes; i += 4) this.d32(0);
    return this;
  }
  /** Unreadable bytes (a guard page, a hole in the dump). */
  gap(bytes: number): this { this.pos = (this.pos + bytes) >>> 0; return this; }

  /** Resolves labels and returns the memory, plus any extra regions (code bytes). */
  build(into: FakeMemory = new FakeMemory()): FakeMemory {
    for (const { at, value } of this.slots) {
      if (value === null) continue;
      const n = typeof value === 'number' ? value : value instanceof Label ? value.value : value.label.value + value.delta;
      into.write(at, le32(n));
    }
    return into;
  }
}

const le32 = (v: number): Uint8Array => {
  const b = new Uint8Array(4);
  new DataView(b.buffer).setUint32(0, v >>> 0, true);
  return b;
};

/** A byte-granular sparse address space implementing the memory contract (reads of holes give null / gaps). */
export class FakeMemory implements VirtualMemory {
  readonly dtb = 0;
  readonly pae = true;
  private readonly bytes = new Map<number, number>();

  write(va: number, data: Uint8Array | number[]): this {
    data.forEach((b, i) => this.bytes.set((va + i) >>> 0, b & 0xff));
    return this;
  }
  /** Code bytes at an address (for disassembly and call-site tests). */
  code(va: number, data: number[]): this { return this.write(va, data); }

  translate(va: number): Translation {
    return this.bytes.has(va >>> 0) ? { ok: true, pa: va >>> 0, large: false } : { ok: false, fault: this.fault(va) };
  }
  readSparse(va: number, length: number): SparseBytes {
    const bytes = new Uint8Array(length);
    const readable = new Uint8Array(length);
    let firstFault: PageFault | undefined;
    for (let i = 0; i < length; i++) {
      const a = va + i;
      const b = a <= 0xffffffff ? this.bytes.get(a) : undefined;
      if (b === undefined) { firstFault ??= this.fault(a); continue; }
      bytes[i] = b; readable[i] = 1;
    }
    return { bytes, readable, firstFault };
  }
  read(va: number, length: number): Uint8Array | null {
    const s = this.readSparse(va, length);
    return s.readable.every((r) => r === 1) ? s.bytes : null;
  }
  readU8(va: number): number | null { const b = this.read(va, 1); return b ? b[0] : null; }
  readU16(va: number): number | null { const b = this.read(va, 2); return b ? b[0] | (b[1] << 8) : null; }
  readU32(va: number): number | null {
    const b = this.read(va, 4);
    return b ? new DataView(b.buffer, b.byteOffset).getUint32(0, true) : null;
  }
  readU64(va: number): bigint | null {
    const b = this.read(va, 8);
    return b ? new DataView(b.buffer, b.byteOffset).getBigUint64(0, true) : null;
  }
  withDtb(): VirtualMemory { return this; }
  private fault(va: number): PageFault {
    return { va: va >>> 0, level: 'PTE', reason: `fake memory: ${(va >>> 0).toString(16)} not written` };
  }
}

/** A function for FakeSymbols; `frame` (kind defaults to 'ebp') gives it frame data, as the ISF sidecar would. */
export interface FakeFunction { name: string; address: number; size: number; frame?: Partial<FunctionFrameData> }
export interface FakeModule { name: string; base: number; size: number; functions?: FakeFunction[]; symbols?: boolean }

/** A SymbolResolverApi over a few hand-made modules, formatting like WinDbg (`nt!_KiTrap0E+0x5c`). */
export class FakeSymbols implements SymbolResolverApi {
  private readonly mods: { info: ModuleInfo; fns: FakeFunction[] }[];
  constructor(modules: FakeModule[]) {
    this.mods = modules.map((m) => ({
      info: { name: m.name, imageName: `${m.name}.sys`, base: m.base, size: m.size, symbolStatus: m.symbols === false ? 'none' : 'loaded' },
      fns: [...(m.functions ?? [])].sort((a, b) => a.address - b.address),
    }));
  }
  modules(): ModuleInfo[] { return this.mods.map((m) => m.info); }
  moduleByName(name: string): ModuleInfo | undefined { return this.mods.find((m) => m.info.name === name)?.info; }
  moduleAt(addr: number): ModuleInfo | undefined { return this.entry(addr)?.info; }
  lookup(addr: number): SymbolHit | undefined {
    const m = this.entry(addr);
    if (!m) return undefined;
    const fn = m.info.symbolStatus === 'loaded' ? [...m.fns].reverse().find((f) => f.address <= addr) : undefined;
    if (!fn) return { module: m.info, offset: addr - m.info.base };
    return { module: m.info, symbol: { name: fn.name, address: fn.address, frame: this.frameOf(m.info, fn) }, offset: addr - fn.address };
  }
  format(addr: number): string | undefined {
    const h = this.lookup(addr);
    if (!h) return undefined;
    const name = h.symbol ? `${h.module.name}!${h.symbol.name}` : h.module.name;
    return h.offset ? `${name}+0x${h.offset.toString(16)}` : name;
  }
  resolve(name: string): number | undefined {
    const [mod, fn] = name.includes('!') ? name.split('!') : [undefined, name];
    for (const m of this.mods) {
      if (mod && m.info.name !== mod) continue;
      const f = m.fns.find((x) => x.name === fn || x.name === `_${fn}`);
      if (f) return f.address;
    }
    return undefined;
  }
  search(): { name: string; address: number }[] { return []; }
  typesFor(): undefined { return undefined; }
  frameDataAt(addr: number): FunctionFrameData | undefined {
    const h = this.lookup(addr);
    if (!h?.symbol) return undefined;
    const fn = this.entry(addr)!.fns.find((f) => f.address === h.symbol!.address)!;
    return fn.address + fn.size > addr ? this.frameOf(h.module, fn) : undefined;
  }
  /** Only functions given a `frame` have frame data (like a PDB without an FPO record for the rest). */
  private frameOf(mod: ModuleInfo, fn: FakeFunction): FunctionFrameData | undefined {
    if (!fn.frame) return undefined;
    return {
      rva: fn.address - mod.base, size: fn.size, kind: 'ebp', localsBytes: 0, savedRegs: 0, paramBytes: 0, prologBytes: 3,
      ...fn.frame,
    };
  }
  private entry(addr: number) {
    return this.mods.find((m) => addr >= m.info.base && addr < m.info.base + m.info.size);
  }
}
