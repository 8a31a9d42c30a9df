/**
 * The `!analyze` model: everything `!analyze -v` (and the short form, and the opening banner's "Probably
 * caused by") prints, built once and rendered by render/analyze.ts. Two forms come from the same builder:
 *   'reconstructed' (kdsim's default): on a double-fault overflow, STACK_TEXT and the blame come from the
 *     stack reconstruction (walkthrough.md step 1, [kdsim]);
 *   'windbg' (the training lab's, `-nostackusage`): STACK_TEXT is WinDbg's own walk, so the blog's dump shows
 *     the single nt!_KiTrap0E+0x5c frame and blames nt, as the blog's WinDbg did.
 */
import type { X86Registers } from '../../common/x86Registers';
import { UNEXPECTED_KERNEL_MODE_TRAP } from '../../format/bugchecks';
import { loadCallSiteDecoder } from '../disasm/callSite';
import { argsAt } from '../stackwalk/contextFrame';
import { reconstructChain } from '../stackwalk/reconstructor';
import { ReturnAddressValidator } from '../stackwalk/returnAddressValidator';
import { accountStackUse, type StackUse } from '../stackwalk/stackUse';
import { bugcheckString, bugcheckText, type BugcheckText } from './bugcheckText';
import { stackUseCulprit, walkCulprit, type Blame } from './culprit';
import { assessBlame, type Confidence } from './confidence';
import { findRecursion, type Recursion } from './recursion';
import { overflowVerdict, type OverflowVerdict } from './overflow';
import { overflowSummary, notOverflowSummary } from './summary';
import type { AnalysisTarget, ThreadFacts } from './target';
import { reconstructionOrigin, trapFrameEipReader } from './trapStart';

export type AnalyzeForm = 'reconstructed' | 'windbg';

/** One STACK_TEXT line (kb columns); unreadable slots are 0, as k prints them. */
export interface StackTextRow { childEbp: number; retAddr: number; args: [number, number, number]; pc: number; symbol: string }

export interface AnalyzeModel {
  form: AnalyzeForm;
  bugcheck: BugcheckText & { args: [number, number, number, number] };
  bugcheckStr: string;
  /** Double fault: the interrupted task found through the DF TSS backlink. */
  tss?: { selector: number; registers: X86Registers };
  thread?: ThreadFacts;
  currentIrql?: number;
  overflow?: OverflowVerdict;
  stackText: StackTextRow[];
  lastControlTransfer?: { from: number; to: number };
  stackCommand: string;
  blame?: Blame;
  failureBucketId?: string;
  /** Reconstruction results (reconstructed form on an overflow). */
  stackUse?: StackUse;
  staleRejected?: number;
  /** How sure the overflow blame is, and why (reconstructed form on an overflow). */
  confidence?: Confidence;
  /** A second module within the tie margin of the blamed one: both are named. */
  tieWith?: string;
  /** Repeated functions and driver pairs calling back and forth (reconstructed form on an overflow). */
  recursion?: Recursion;
  /** [kdsim] plain-words lines (reconstructed form only). */
  summary: string[];
}

export async function buildAnalyzeModel(target: AnalysisTarget, form: AnalyzeForm = 'reconstructed'): Promise<AnalyzeModel> {
  const { code, args } = target.bugcheck;
  const model: AnalyzeModel = {
    form,
    bugcheck: { ...bugcheckText(code, args), args },
    bugcheckStr: bugcheckString(code, args),
    thread: target.currentThread(),
    currentIrql: target.irql(),
    stackText: [],
    stackCommand: 'kb',
    summary: [],
  };
  let regs = target.defaultContext;
  let task: number | undefined;
  if (code === UNEXPECTED_KERNEL_MODE_TRAP && args[0] === 8) {
    const backlink = target.currentTss()?.backlink;
    const saved = backlink ? target.taskRegisters(backlink) : undefined;
    if (backlink && saved) {
      model.tss = { selector: backlink, registers: saved };
      model.stackCommand = `.tss 0x${backlink.toString(16)} ; kb`;
      regs = saved;
      task = backlink;
    }
    const stack = model.thread?.stack;
    if (model.tss && stack) model.overflow = overflowVerdict(stack, regs.esp, target.cr2());
  }

  if (model.overflow?.overflow && form === 'reconstructed') await fillFromReconstruction(model, target, regs);
  else fillFromWalk(model, target, regs, task);

  const f0 = model.stackText[0];
  if (f0 && f0.retAddr) model.lastControlTransfer = { from: f0.retAddr, to: f0.pc };
  if (model.blame) model.failureBucketId = `${model.bugcheckStr}_${model.blame.symbol}`;
  if (form === 'reconstructed' && model.overflow && !model.overflow.overflow) model.summary = notOverflowSummary(model.overflow, model.stackCommand);
  return model;
}

async function fillFromReconstruction(model: AnalyzeModel, target: AnalysisTarget, regs: X86Registers): Promise<void> {
  const stack = model.thread!.stack!;
  const vm = target.vm;
  const origin = reconstructionOrigin(regs, vm, target.symbols, target.ntTypes, stack);
  const validator = new ReturnAddressValidator(target.symbols, vm, await loadCallSiteDecoder());
  const rec = reconstructChain(vm, validator, stack, origin.start, { trapFrameEip: trapFrameEipReader(vm, target.ntTypes) });
  if (rec.frames.length < 2) {
    // Not one return address on the whole stack: nothing to attribute, so no culprit; WinDbg's walk stands.
    fillFromWalk(model, target, regs, model.tss?.selector);
    model.summary = [`[kdsim] Kernel stack overflow (${model.overflow!.reason}), but no return address was found on the stack; kdsim names no culprit.`];
    return;
  }
  const use = accountStackUse(rec, stack, target.symbols, origin.leading);
  const zero = (v: number | null) => v ?? 0;
  const row = (childEbp: number, retAddr: number | null, pc: number): StackTextRow => {
    const a = argsAt(vm, childEbp);
    return { childEbp, retAddr: zero(retAddr ?? vm.readU32(childEbp + 4)), args: [zero(a[0]), zero(a[1]), zero(a[2])], pc,
      symbol: target.symbols.format(pc) ?? `0x${pc.toString(16)}` };
  };
  if (origin.leading) model.stackText.push(row(origin.leading.childEbp, origin.leading.retAddr, origin.leading.pc));
  for (const f of rec.frames) model.stackText.push(row(f.childEbp, f.retAddr, f.regs.eip));
  model.stackUse = use;
  model.staleRejected = rec.stale.length;
  model.blame = stackUseCulprit(use, target.symbols);
  if (model.blame) {
    const onStack = new Set(use.frames.map((f) => f.module).filter((m): m is string => m !== undefined));
    const withoutSymbols = target.symbols.modules().filter((m) => onStack.has(m.name) && m.symbolStatus !== 'loaded').map((m) => m.name);
    const a = assessBlame({ modules: use.modules, blamed: model.blame.module, chain: rec.frames, withoutSymbols });
    model.confidence = a.confidence;
    if (a.tieWith) model.tieWith = a.tieWith;
  }
  model.recursion = findRecursion(use.frames);
  model.summary = overflowSummary(model.thread!, model.overflow!, use, model.blame, model.stackText[0]?.symbol,
    { confidence: model.confidence, tieWith: model.tieWith, recursion: model.recursion });
}

function fillFromWalk(model: AnalyzeModel, target: AnalysisTarget, regs: X86Registers, task: number | undefined): void {
  const frames = target.walk?.(regs, task);
  if (!frames?.length) return;
  const zero = (v: number | null) => v ?? 0;
  model.stackText = frames.map((f) => ({
    childEbp: f.childEbp, retAddr: zero(f.retAddr), args: [zero(f.args[0]), zero(f.args[1]), zero(f.args[2])], pc: f.regs.eip,
    symbol: target.symbols.format(f.regs.eip) ?? `0x${f.regs.eip.toString(16)}`,
  }));
  // A double fault that is not an overflow: the walk shows where it happened, but no driver is blamed.
  const notOverflow = model.overflow && !model.overflow.overflow;
  const walked = frames.map((f) => ({ index: f.index, pc: f.regs.eip }));
  const blame = walkCulprit(notOverflow ? walked.slice(0, 1) : walked, target.symbols);
  model.blame = notOverflow && blame && !['nt', 'hal'].includes(blame.module) ? undefined : blame;
}
