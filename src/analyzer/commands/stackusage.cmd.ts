/**
 * `!stackusage [thread]` (kdsim's extension, walkthrough.md step 31): rebuilds the chain over the whole stack
 * of a thread, then prints each frame's bytes and trust, the bytes per module, the regions that are no
 * driver's (trap-frame residue, NPX save area) and the `kf = ebp esp eip` line for WinDbg's own walker.
 * Current thread: from the current context (after `.tss 0x28`, through KiTrap0E's trap frame); when the
 * context is not on that thread's stack (the double-fault task's), from the task the DF TSS links back to.
 * Another thread: from its saved KernelStack. The model (for --json) uses the ground truth's field names.
 */
import { KdsimError } from '../../common/errors';
import { hex8, PAGE_SIZE } from '../../common/hex';
import type { X86Registers } from '../../common/x86Registers';
import type { AnalysisTarget, ThreadFacts } from '../analysis/target';
import { reconstructionOrigin } from '../analysis/trapStart';
import { loadCallSiteDecoder } from '../disasm/callSite';
import { reconstructChain } from '../stackwalk/reconstructor';
import { ReturnAddressValidator } from '../stackwalk/returnAddressValidator';
import { accountStackUse } from '../stackwalk/stackUse';
import { renderStackUsage, type StackUsageModel } from '../render/stackUsage';
import { analysisTarget } from './analysisTarget';
import { StructView } from './structures/structView';
import { buildThreadModel } from './structures/threadModel';
import type { CommandResult, CommandSpec, SessionApi } from './types';

function otherThread(session: SessionApi, thread: number): { facts: ThreadFacts; regs: X86Registers } {
  const types = session.ntTypes;
  const m = buildThreadModel(session, thread);
  const s = m.stack;
  if (!types || s.base === null || s.limit === null || s.init === null) {
    throw new KdsimError('E_MEMORY', `${hex8(thread)}: Unable to read the thread's stack bounds`);
  }
  const esp = new StructView(session.vm, types, '_KTHREAD', thread).value('KernelStack');
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
  const rec = reconstructChain(vm, new ReturnAddressValidator(session.symbols, vm, decoder), stack, origin.start);
  return {
    thread: facts.thread, processName: facts.processName,
    use: accountStackUse(rec, stack, session.symbols, origin.leading),
    staleRejected: rec.stale.length,
  };
}

/** --json: the ground truth's field names (frames[].childEbp/retAddr/symbol/frameBytes/trust, modules[].module/bytes). */
export function stackUsageJson(m: StackUsageModel) {
  const u = m.use;
  return {
    thread: m.thread,
    processName: m.processName,
    stack: u.bounds,
    frames: u.frames.map((f) => ({
      childEbp: f.childEbp, retAddr: f.retAddr, symbol: f.symbol, frameBytes: f.frameBytes, trust: f.trust, module: f.module ?? null,
    })),
    modules: u.modules.map((x) => ({ module: x.module, bytes: x.bytes, percent: x.percent })),
    trapResidue: u.trapResidue ?? null,
    npxBytes: u.npx.bytes,
    npx: u.npx,
    unaccounted: u.unaccounted,
    staleRejected: m.staleRejected,
    kStart: u.kStart,
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
