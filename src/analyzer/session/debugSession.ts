/**
 * The debugger session: one opened dump, its symbols, and the state commands share (current processor,
 * register context and where it came from, radix, remembered positions). Commands see it as SessionApi;
 * the CLI drives it through `execute` (dispatch.ts) and `prompt`.
 */
import { KdsimError } from '../../common/errors';
import type { ContextSource, X86Registers } from '../../common/x86Registers';
import type { CrashDump } from '../dump/types';
import type { VirtualMemory } from '../memory/types';
import type { SymbolResolverApi } from '../symbols/types';
import type { TypeTableApi } from '../../symbols/typeTable.api';
import { evaluate, evaluatePrefix, type ExprEnv, type ExprValue } from '../expr';
import type { SessionApi } from './types';
import { findBugcheckProcessor } from './bugcheckProcessor';
import { currentThreadOf, savedContext, segmentBase, specialRegister } from './processorState';
import { pseudoRegister } from './pseudoRegisters';
import { openCrashDump } from '../memory/openCrashDump';
import { createSymbolResolver } from '../symbols';
import { selectArch } from '../arch/select';
import type { ArchName, TargetArch } from '../arch/types';
import { MAX_PROCESSORS_X86 } from '../../common/limits';

export interface SessionOptions {
  /** Directories of ISF symbol files searched before the shipped store. */
  symbolPaths?: string[];
  /**
   * The whole symbol path (WinDbg's `-y`): when given it replaces the shipped store, so `[]` or an empty directory
   * means no symbol files at all (the kernel's type layouts still come from kdsim's layout store by build).
   */
  symbolPath?: string[];
  /** The architecture to read the dump as; it must match the dump header's (which chooses it when absent). */
  arch?: ArchName;
}

const CONTEXT_NAMES = new Set(['eax', 'ebx', 'ecx', 'edx', 'esi', 'edi', 'eip', 'esp', 'ebp', 'efl', 'cs', 'ss', 'ds', 'es', 'fs', 'gs', 'dr0', 'dr1', 'dr2', 'dr3', 'dr6', 'dr7']);

export class DebugSession implements SessionApi {
  readonly ntTypes: TypeTableApi | null;
  readonly arch: TargetArch;
  readonly processorCount: number;
  readonly memo = new Map<string, unknown>();
  /** $t0-$t19. */
  readonly userRegisters = new Map<string, number>();
  private processorNumber = 0;
  private context: X86Registers;
  private source: ContextSource = 'default';
  private radixValue = 16;
  private threadOverride: number | undefined;
  private processOverride: number | undefined;
  private vmCache: VirtualMemory | undefined;
  /** DirectoryTableBase of the `.process` implicit process. */
  private processDtb: number | undefined;

  constructor(readonly dump: CrashDump, readonly symbols: SymbolResolverApi, opts: { processor?: number; arch?: ArchName } = {}) {
    this.arch = selectArch(dump.header, opts.arch);
    this.ntTypes = symbols.typesFor('nt') ?? null;
    // A damaged NumberProcessors (0xffffffff) must not make every per-processor loop run 4 billion times.
    this.processorCount = Math.min(MAX_PROCESSORS_X86, Math.max(1, dump.header.numberProcessors));
    this.context = this.headerContext();
    this.processorNumber = opts.processor ?? findBugcheckProcessor(this);
    this.bugcheckProcessor = this.processorNumber;
  }

  /** The processor whose context the dump header holds. */
  readonly bugcheckProcessor: number;

  get processor(): number { return this.processorNumber; }
  get regs(): X86Registers { return this.context; }
  get contextSource(): ContextSource { return this.source; }
  get radix(): number { return this.radixValue; }
  get currentThread(): number | undefined { return this.threadOverride ?? currentThreadOf(this, this.processorNumber).thread; }
  get currentProcess(): number | undefined {
    return this.processOverride ?? currentThreadOf(this, this.processorNumber).process;
  }

  /** Address space of the current context: the context's CR3 (a TSS has one), else the kernel DTB. */
  get vm(): VirtualMemory {
    const dtb = this.context.cr3 ?? this.processDtb;
    if (!dtb || dtb === this.dump.kernelVm.dtb) return this.dump.kernelVm;
    if (!this.vmCache || this.vmCache.dtb !== dtb) this.vmCache = this.dump.kernelVm.withDtb(dtb);
    return this.vmCache;
  }

  /** WinDbg's prompt: `3: kd> ` on a multiprocessor target, `kd> ` on a uniprocessor one. */
  prompt(): string {
    return this.processorCount > 1 ? `${this.processorNumber}: kd> ` : 'kd> ';
  }

  evaluate(expr: string): number { return this.evaluateFull(expr).value; }
  evaluateFull(expr: string): ExprValue { return evaluate(expr, this.exprEnv()); }
  evaluatePrefix(text: string): ExprValue & { rest: string } { return evaluatePrefix(text, this.exprEnv()); }

  /** The evaluator's view of this session (registers of the current context, its memory, symbols, GDT). */
  exprEnv(): ExprEnv {
    const vm = this.vm;
    return {
      radix: this.radixValue,
      register: (name) => this.register(name),
      pseudo: (name) => pseudoRegister(this, name, this.userRegisters),
      symbol: (name) => this.symbols.resolve(name),
      readU8: (va) => vm.readU8(va),
      readU16: (va) => vm.readU16(va),
      readU32: (va) => vm.readU32(va),
      readU64: (va) => vm.readU64(va),
      segmentBase: (sel) => segmentBase(this, this.processorNumber, sel),
      pointerBits: this.arch.pointerSize === 8 ? 64 : 32,
      toAddress: (value) => this.arch.toVirtualAddress(value),
    };
  }

  /** A register by lowercase name: the context's, else the processor's saved special registers (cr2, tr...). */
  register(name: string): number | undefined {
    if (CONTEXT_NAMES.has(name)) return (this.context as unknown as Record<string, number | undefined>)[name];
    return specialRegister(this, this.processorNumber, name);
  }

  setContext(regs: X86Registers, source: ContextSource): void {
    this.context = { ...regs };
    this.source = source;
  }

  /** Back to the current processor's own context ("Resetting default scope"). */
  resetContext(): void {
    this.context = this.defaultContext(this.processorNumber);
    this.source = 'default';
    this.threadOverride = undefined;
    this.processOverride = undefined;
    this.processDtb = undefined;
  }

  setProcessor(n: number): void {
    if (!Number.isInteger(n) || n < 0 || n >= this.processorCount) {
      throw new KdsimError('E_COMMAND', `${n} is not a valid processor number`);
    }
    const ctx = this.defaultContext(n);
    this.processorNumber = n;
    this.setContext(ctx, 'default');
    this.threadOverride = undefined;
    this.processOverride = undefined;
    this.processDtb = undefined;
  }

  setRadix(r: number): void {
    if (![8, 10, 16].includes(r)) throw new KdsimError('E_COMMAND', `Radix must be 8, 10 or 16`);
    this.radixValue = r;
  }

  /** `.thread` / `.process`: implicit thread or process for $thread, $proc and the commands that default to them. */
  setImplicitThread(thread: number | undefined): void { this.threadOverride = thread; }
  setImplicitProcess(process: number | undefined, dtb?: number): void {
    this.processOverride = process;
    this.processDtb = dtb;
  }

  /** The context a processor starts with: the header CONTEXT for the bugcheck processor, else its saved CONTEXT. */
  defaultContext(n: number): X86Registers {
    if (n === this.bugcheckProcessor) return this.headerContext();
    const saved = savedContext(this, n);
    if (!saved) throw new KdsimError('E_MEMORY', `Unable to get the context of processor ${n}`);
    return saved;
  }

  private headerContext(): X86Registers {
    const { contextFlags: _flags, ...regs } = this.dump.header.context;
    return regs;
  }
}

/**
 * Opens `path` read-only and builds the session: dump layer, symbol resolver, bugcheck processor. The dump and
 * symbol layers are loaded here (not at import) so that `kdsim --help` stays cheap.
 */
export function openSession(path: string, opts: SessionOptions = {}): DebugSession {
  const dump = openCrashDump(path);
  try {
    return new DebugSession(dump, createSymbolResolver(dump, { symbolPaths: opts.symbolPaths ?? [], symbolPath: opts.symbolPath }), { arch: opts.arch });
  } catch (e) {
    dump.close();
    throw e;
  }
}

