/**
 * Turns a chosen call path into stack contents: evaluates every frame from the outermost inward (saved EBPs,
 * saved registers, SEH records, arguments, return addresses right after real CALLs) and records the frames.
 */
import type { EmittedFunction } from '../code/emitter';
import { returnLabel, type FnDef } from '../code/frameFunction';
import type { ChosenChain } from './callChain';
import { evalFrame, type FrameEval, type Regs, type StackWrite } from './frameModel';

export interface StepHooks {
  /** Register values a function's special code loads, and extra local writes (e.g. the IRP pointer it keeps). */
  special?: (fn: string, entry: number, args: number[]) => { regs?: Partial<Regs>; writes?: StackWrite[] } | undefined;
  /** The device object a dispatchTo call looks up. */
  dispatchDevice?: (targetFn: string) => number;
}

export interface RealizeInput {
  chain: ChosenChain;
  functions: Map<string, FnDef>;
  code: (fn: string) => EmittedFunction;
  entry: number;
  args: number[];
  regs: Regs;
  /** fs:[0] when the path starts (KiFastCallEntry sets it to the end of chain, 0xffffffff). */
  exceptionList: number;
  sehHandler: number;
  /** VA of a function's SEH scope table. */
  scopeTable: (fn: string) => number;
  hooks: StepHooks;
}

export interface RealizedFrame { fn: string; entry: number; eval: FrameEval; allocaBytes: number }

export interface RealizedChain {
  frames: RealizedFrame[];
  writes: StackWrite[];
  stale: [number, number][];
  /** Registers and fs:[0] inside the innermost function when it faulted. */
  innermostRegs: Regs;
  exceptionList: number;
}

export function realizeChain(inp: RealizeInput): RealizedChain {
  let entry = inp.entry;
  let args = inp.args;
  let regs = inp.regs;
  let exceptionList = inp.exceptionList;
  const frames: RealizedFrame[] = [];
  const writes: StackWrite[] = [];
  const stale: [number, number][] = [];
  for (const step of inp.chain.steps) {
    const def = inp.functions.get(step.fn)!;
    const code = inp.code(step.fn);
    const special = inp.hooks.special?.(step.fn, entry, args);
    const call = step.call === undefined ? undefined : def.calls[step.call];
    const allocaBytes = def.alloca ? inp.chain.allocaBytes : 0;
    const ev = evalFrame({
      def, entry, args, regs, call: step.call, allocaBytes,
      returnAddress: (i) => code.labels.get(returnLabel(i))!,
      seh: def.kind === 'seh' ? {
        scopeTable: inp.scopeTable(step.fn), handler: inp.sehHandler, exceptionList, prologReturn: code.labels.get('sehret')!,
      } : undefined,
      special: special?.regs,
      dispatchDevice: call?.dispatchTo ? inp.hooks.dispatchDevice?.(call.dispatchTo) : undefined,
    });
    if (ev.sehRecord !== undefined) exceptionList = ev.sehRecord;
    writes.push(...ev.writes, ...(special?.writes ?? []));
    stale.push(...ev.stale);
    frames.push({ fn: step.fn, entry, eval: ev, allocaBytes });
    if (step.call !== undefined) {
      entry = ev.calleeEntry!;
      args = ev.calleeArgs!;
    }
    regs = ev.regs;
  }
  return { frames, writes, stale, innermostRegs: regs, exceptionList };
}

