/**
 * `!stackusage [thread]` (kdsim's extension, walkthrough.md step 31): rebuilds the chain over the whole stack
 * of a thread, then prints each frame's bytes and trust, the bytes per module, the regions that are no
 * driver's (trap-frame residue, NPX save area) and the `kf = ebp esp eip` line for WinDbg's own walker.
 * Current thread: from the current context (after `.tss 0x28`, through KiTrap0E's trap frame); when the
 * context is not on that thread's stack (the double-fault task's), from the task the DF TSS links back to.
 * Another thread: from its saved KernelStack. The model (for --json) uses the ground truth's field names.
 */
import { KdsimError } from '../../common/errors';
import { hex8, PAGE_SIZE, u32 } from '../../common/hex';
import type { X86Registers } from '../../common/x86Registers';
import type { AnalysisTarget, ThreadFacts } from '../analysis/target';
import { findRecursion } from '../analysis/recursion';
import { reconstructionOrigin, trapFrameEipReader } from '../analysis/trapStart';
import { loadCallSiteDecoder } from '../disasm/callSite';
import { reconstructChain } from '../stackwalk/reconstructor';
import { ReturnAddressValidator } from '../stackwalk/returnAddressValidator';
import { accountStackUse } from '../stackwalk/stackUse';
import { renderStackUsage, type StackUsageModel } from '../render/stackUsage';
import { analysisTarget } from '../model/analysisTarget';
import { TypedView } from '../objects/typedView';
import { buildThreadModel } from '../model/threadModel';
import type { CommandResult, CommandSpec } from './types';
import type { SessionApi } from '../session/types';

function otherThread(session: SessionApi, thread: number): { facts: ThreadFacts; regs: X86Registers } {
  const types = session.ntTypes;
  const m = buildThreadModel(session, thread);
  const s = m.stack;
  if (!types || s.base === null || s.limit === null || s.init === null) {
    throw new KdsimError('E_MEMORY', `${hex8(thread)}: Unable to read the thread's stack bounds`);
  }
  const esp = new TypedView(session.vm, types, '_KTHREAD', thread).value('KernelStack');
  if (esp === null) throw new KdsimError('E_MEMORY', `${hex8(thread)}: Unable to read KernelStack`);
  return {
    facts: { thread, processName: m.owningImage ?? undefined, stack: { limit: s.limit, base: s.base, initialStack: s.init } },
    regs: { ...session.regs, eip: 0, esp, ebp: session.vm.readU32(esp) ?? 0 },
  };
}

/** The current thread's registers: the context, or the interrupted task's when the context is on another stack. */
function currentThreadRegs(session: SessionApi, target: AnalysisTarget, facts: ThreadFacts): X86Registers {
  const { limit, base } = facts.stack!;
  const onStack = (r: X86Registers) => r.esp >= limit - PAGE_SIZE && r.esp < base;
  if (onStack(session.regs)) return session.regs;
  const backlink = target.currentTss()?.backlink;
  const task = backlink ? target.taskRegisters(backlink) : undefined;
  return task && onStack(task) ? task : session.regs;
}

export async function stackUsageModel(session: SessionApi, args: string): Promise<StackUsageModel> {
  const decoder = await loadCallSiteDecoder();
  const target = analysisTarget(session, decoder);
  let facts: ThreadFacts | undefined;
  let regs: X86Registers;
  if (args.trim()) {
    ({ facts, regs } = otherThread(session, session.evaluate(args)));
  } else {
    facts = target.currentThread();
    if (!facts?.stack) throw new KdsimError('E_MEMORY', 'Unable to read the current thread\'s stack bounds');
    regs = currentThreadRegs(session, target, facts);
  }
  const stack = facts.stack!;
  const vm = session.dump.kernelVm;
  const origin = reconstructionOrigin(regs, vm, session.symbols, session.ntTypes, stack);
  const rec = reconstructChain(vm, new ReturnAddressValidator(session.symbols, vm, decoder), stack, origin.start,
    { trapFrameEip: trapFrameEipReader(vm, session.ntTypes) });
  const use = accountStackUse(rec, stack, session.symbols, origin.leading);
  return { thread: facts.thread, processName: facts.processName, use, staleRejected: rec.stale.length, recursion: findRecursion(use.frames) };
}

/**
 * --json: the ground truth's names and conventions (docs/simulator.md), so the two compare directly: addresses
 * as 8 lowercase hex digits, byte counts as numbers; frames[].childEbp/retAddr/symbol/frameBytes (kf's Memory
 * column) plus trust (how the frame was found) and kind (its function's frame data); modules[].module/bytes.
 */
export function stackUsageJson(m: StackUsageModel) {
  const u = m.use;
  const h = (v: number) => hex8(v);
  const region = (r: { from: number; to: number; bytes: number }) => ({ start: h(r.from), end: h(r.to), bytes: r.bytes });
  const callFrom = u.kStart.esp;
  return {
    thread: h(m.thread),
    processName: m.processName ?? null,
    stack: { limit: h(u.bounds.limit), base: h(u.bounds.base), initialStack: h(u.bounds.initialStack) },
    frames: u.frames.map((f) => ({
      childEbp: h(f.childEbp), retAddr: f.retAddr === null ? null : h(f.retAddr), symbol: f.symbol, frameBytes: f.frameBytes,
      kind: f.kind ?? null, trust: f.trust, module: f.module ?? null, usedBytes: f.usedBytes,
    })),
    modules: u.modules.map((x) => ({ module: x.module, bytes: x.bytes, percent: x.percent })),
    regions: {
      trapResidue: u.trapResidue ? region(u.trapResidue) : null,
      callFrames: region({ from: callFrom, to: u.bounds.initialStack, bytes: u32(u.bounds.initialStack - callFrom) }),
      npx: region(u.npx),
    },
    npxBytes: u.npx.bytes,
    unaccounted: u.unaccounted,
    staleRejected: m.staleRejected,
    recursion: m.recursion ?? null,
    kCommand: `kf = ${h(u.kStart.ebp)} ${h(u.kStart.esp)} ${h(u.kStart.eip)}`,
  };
}

async function runStackUsage(session: SessionApi, args: string): Promise<CommandResult> {
  const m = await stackUsageModel(session, args);
  return { model: stackUsageJson(m), lines: renderStackUsage(m) };
}

export const commands: CommandSpec[] = [{
  name: '!stackusage',
  summary: '!stackusage [thread] — rebuild the whole kernel stack: bytes per frame and per module, trust, kf = hint',
  run: (session, args) => runStackUsage(session, args),
}];
