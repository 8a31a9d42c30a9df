/**
 * What one described function leaves on the stack while it is calling the next one: the same prologue,
 * register set-up and argument pushes as code/frameFunction.ts emits, evaluated for a given entry ESP.
 * E = the entry ESP (the address of the function's return-address slot).
 */
import type { ArgSource, FnDef, SavedReg } from '../code/frameFunction';


export interface Regs { ebx: number; ebp: number; esi: number; edi: number; ecx: number; edx: number }

export interface StackWrite { va: number; value: number; what: string }

export interface FrameEval {
  /** WinDbg's ChildEBP of this frame: E − 4 (the real EBP for EBP frames, the virtual one for FPO). */
  childEbp: number;
  /** Value of EBP while the body runs. */
  ebp: number;
  writes: StackWrite[];
  /** Uninitialized locals [lo, hi): left holding whatever earlier calls put there. */
  stale: [number, number][];
  /** ESP right after the prologue (and _alloca). */
  bodyEsp: number;
  /** The callee's entry ESP and its stack arguments, when `call` is given. */
  calleeEntry?: number;
  calleeArgs?: number[];
  /** Registers as the callee finds them. */
  regs: Regs;
  /** The exception registration record this frame links into fs:[0] (SEH frames). */
  sehRecord?: number;
}

export interface EvalInput {
  def: FnDef;
  entry: number;
  args: number[];
  regs: Regs;
  /** Index into def.calls of the call being made; undefined for the innermost frame. */
  call?: number;
  returnAddress?: (callIndex: number) => number;
  allocaBytes?: number;
  /** Addresses the SEH frame needs (scope table of this function, _except_handler3, current fs:[0]). */
  seh?: { scopeTable: number; handler: number; exceptionList: number; prologReturn: number };
  /** Fixed register values a function's special code loads (nt!MmProbeAndLockPages' probe set-up). */
  special?: Partial<Regs>;
  /** For a call that sends an IRP on (dispatchTo): the device object the code looks up as the next target. */
  dispatchDevice?: number;
}

export function evalFrame(inp: EvalInput): FrameEval {
  const { def, entry: E } = inp;
  const writes: StackWrite[] = [];
  const stale: [number, number][] = [];
  const w = (va: number, value: number, what: string): void => { writes.push({ va: va >>> 0, value: value >>> 0, what }); };
  const regs: Regs = { ...inp.regs };
  let esp = E;
  let ebp = inp.regs.ebp;
  let sehRecord: number | undefined;


  if (def.kind === 'ebp') {
    w(E - 4, inp.regs.ebp, 'saved ebp');
    ebp = E - 4;
    const lo = ebp - def.localsBytes;
    markLocals(def, lo, ebp, stale, w, 'local');
    esp = lo;
    for (const r of def.saves) { esp -= 4; w(esp, inp.regs[r], `saved ${r}`); }
  } else if (def.kind === 'fpo') {
    const lo = E - def.localsBytes;
    markLocals(def, lo, E, stale, w, 'local');
    esp = lo;
    for (const r of def.saves) { esp -= 4; w(esp, inp.regs[r], `saved ${r}`); }
  } else {
    const s = inp.seh!;
    ebp = E - 4;
    w(ebp, inp.regs.ebp, 'saved ebp');
    w(ebp - 4, 0, 'SEH trylevel');
    w(ebp - 8, s.scopeTable, 'SEH scopetable');
    w(ebp - 0xc, s.handler, 'SEH handler');
    w(ebp - 0x10, s.exceptionList, 'SEH Next');
    sehRecord = ebp - 0x10;
    const lo = ebp - 0x10 - def.localsBytes;
    esp = lo - 12;
    w(ebp - 0x18, esp, 'SEH saved esp');
    markLocals(def, lo, ebp - 0x18, stale, w, 'local');
    w(lo - 4, inp.regs.ebx, 'saved ebx');
    w(lo - 8, inp.regs.esi, 'saved esi');
    w(lo - 12, inp.regs.edi, 'saved edi');
    w(esp - 4, s.prologReturn, 'stale _SEH_prolog return');
  }

  // Working values of callee-saved registers, exactly as frameFunction.ts loads them.
  const arg = (src: ArgSource): number => {
    if ('param' in src) return inp.args[src.param] ?? 0;
    if ('reg' in src) return regs[src.reg as SavedReg];
    if ('imm' in src) return src.imm >>> 0;
    if ('fastcall' in src) return inp.regs[src.fastcall];
    return (ebp + src.local) >>> 0;
  };
  if (def.saves.includes('esi') && def.paramBytes > 0) regs.esi = arg({ param: def.paramBytes > 4 ? 1 : 0 });
  if (def.saves.includes('edi') && def.kind !== 'fpo') regs.edi = (ebp - Math.min(def.localsBytes, 0x80)) >>> 0;
  if (def.borrowsEbp) regs.ebp = arg({ param: 0 });
  else regs.ebp = def.kind === 'fpo' ? inp.regs.ebp : ebp;
  if (def.alloca) esp -= inp.allocaBytes ?? 0;
  Object.assign(regs, inp.special ?? {});

  const out: FrameEval = { childEbp: (E - 4) >>> 0, ebp: ebp >>> 0, writes, stale, bodyEsp: esp >>> 0, regs, sehRecord };
  if (inp.call === undefined) return out;
  const c = def.calls[inp.call];
  const args = c.args.map(arg);
  for (let i = args.length - 1; i >= 0; i--) { esp -= 4; w(esp, args[i], `arg ${i} to ${c.target}`); }
  if (c.fastcall) { regs.ecx = inp.dispatchDevice ?? arg(c.fastcall[0]); regs.edx = arg(c.fastcall[1]); }
  esp -= 4;
  w(esp, inp.returnAddress!(inp.call), `return address into ${def.name}`);
  out.calleeEntry = esp >>> 0;
  out.calleeArgs = args;
  return out;
}

/** The initialized part of the locals is the top `initializedLocals` bytes (zeroed status words and pointers). */
function markLocals(def: FnDef, lo: number, hi: number, stale: [number, number][], w: (va: number, v: number, what: string) => void, what: string): void {
  const init = Math.min(def.initializedLocals, hi - lo);
  for (let va = hi - init; va < hi; va += 4) w(va, 0, `${what} (initialized)`);
  if (hi - init > lo) stale.push([lo >>> 0, (hi - init) >>> 0]);
}
