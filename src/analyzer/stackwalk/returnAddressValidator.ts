/**
 * Grades one stack dword as a return address, with the ladder of docs/architecture.md:
 *   (1) ra-1 inside a loaded module; (2) inside a known function; (3) a CALL decodes to end exactly at ra;
 *   (4) the call's target is the function holding the next-inner frame (pairwise, see `entersFunction`).
 * Step (5), increasing slots and saved-EBP re-sync, belongs to the chain builder (reconstructor.ts).
 * ra-1 is used for every lookup, as breakpad does: a CALL to a noreturn function can be the last instruction
 * of its function, so ra itself may already be the next function.
 */
import type { FunctionFrameData } from '../../symbols/isf';
import type { VirtualMemory } from '../memory/types';
import type { ModuleInfo, SymbolResolverApi } from '../symbols/types';
import type { CallSite, CallSiteDecoder } from '../disasm/callSite';
import { u32 } from '../../common/hex';

/** A function as far as the symbols know it: at least its module; its start and extent when symbols have it. */
export interface CodeFunction {
  module: ModuleInfo;
  /** Undefined when the module has no symbols (WinDbg prints `module+0xoff`). */
  name?: string;
  start?: number;
  /** One past the last byte, when frame data gives the size. */
  end?: number;
  frame?: FunctionFrameData;
}

/** 0: not code; 1: in a module; 2: in a known function; 3: a CALL ends exactly at it. */
export type RaLevel = 0 | 1 | 2 | 3;

export interface ReturnAddressGrade {
  slot: number;
  value: number;
  level: RaLevel;
  /** The function the address returns into (holds ra-1). */
  caller?: CodeFunction;
  call?: CallSite;
  /** Where the call goes: a direct target, or the pointer read from an import slot. */
  callee?: number;
}

export class ReturnAddressValidator {
  private readonly fnCache = new Map<number, CodeFunction | null>();
  private readonly gradeCache = new Map<number, Omit<ReturnAddressGrade, 'slot'>>();
  /** Entry points seen as call targets, per module base: function starts in modules without symbols. */
  private readonly entries = new Map<number, number[]>();

  constructor(
    private readonly symbols: SymbolResolverApi,
    private readonly vm: VirtualMemory,
    private readonly decoder: CallSiteDecoder,
  ) {}

  /** The function holding `addr`, or undefined outside every module. */
  functionAt(addr: number): CodeFunction | undefined {
    addr = u32(addr);
    const cached = this.fnCache.get(addr);
    if (cached !== undefined) return cached ?? undefined;
    const fn = this.lookupFunction(addr);
    this.fnCache.set(addr, fn ?? null);
    return fn;
  }

  grade(slot: number, value: number): ReturnAddressGrade {
    value = u32(value);
    let g = this.gradeCache.get(value);
    if (!g) {
      g = this.gradeValue(value);
      this.gradeCache.set(value, g);
      if (g.callee !== undefined) this.noteEntry(g.callee);
    }
    return { slot, ...g };
  }

  /**
   * Ladder step 4: does the CALL before this return address enter the function running at `innerPc` (the
   * next-inner frame)? true: it does; false: it calls somewhere else, so the word is a stale return address
   * of an earlier call; undefined: cannot tell (register calls).
   *
   * Without symbols the inner function's start is unknown. Then the call targets seen on this stack stand in
   * for function starts: a target after innerPc, or one with another seen target between it and innerPc,
   * is not the function holding innerPc.
   */
  entersFunction(g: ReturnAddressGrade, innerPc: number): boolean | undefined {
    if (g.callee === undefined) return undefined;
    const inner = this.functionAt(innerPc);
    if (!inner) return false;
    if (inner.start !== undefined) {
      if (g.callee === inner.start) return true;
      const target = this.functionAt(g.callee);
      if (!target) return false;
      return target.module.base === inner.module.base && target.start === inner.start;
    }
    const pc = u32(innerPc);
    if (g.callee > pc || this.moduleBase(g.callee) !== inner.module.base) return false;
    const seen = this.entries.get(inner.module.base) ?? [];
    return !seen.some((e) => e > g.callee! && e <= pc);
  }

  private moduleBase(addr: number): number | undefined {
    return this.functionAt(addr)?.module.base;
  }

  private noteEntry(target: number): void {
    const base = this.moduleBase(target);
    if (base === undefined) return;
    const list = this.entries.get(base) ?? [];
    if (!list.includes(target)) list.push(target);
    this.entries.set(base, list);
  }

  private gradeValue(value: number): Omit<ReturnAddressGrade, 'slot'> {
    if (value === 0) return { value, level: 0 };
    const caller = this.functionAt(value - 1);
    if (!caller) return { value, level: 0 };
    const inFunction = caller.start !== undefined;
    const call = this.decoder.callEndingAt(this.vm, value);
    if (!call) return { value, level: inFunction ? 2 : 1, caller };
    return { value, level: 3, caller, call, callee: this.calleeOf(call) };
  }

  private calleeOf(call: CallSite): number | undefined {
    if (call.target !== undefined) return call.target;
    if (call.pointerSlot === undefined) return undefined;
    return this.vm.readU32(call.pointerSlot) ?? undefined;
  }

  private lookupFunction(addr: number): CodeFunction | undefined {
    const hit = this.symbols.lookup(addr);
    if (!hit) return undefined;
    const sym = hit.symbol;
    if (!sym) return { module: hit.module };
    const frame = sym.frame ?? this.symbols.frameDataAt(addr);
    if (!frame) return { module: hit.module, name: sym.name, start: u32(sym.address) };
    // Frame data carries the function's own extent; the symbol may be a label inside it.
    const start = u32(hit.module.base + frame.rva);
    if (addr < start || addr >= start + frame.size) return { module: hit.module }; // padding between functions
    return { module: hit.module, name: sym.name, start, end: u32(start + frame.size), frame };
  }
}
