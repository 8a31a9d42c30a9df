/**
 * The session seen as `!analyze`'s AnalysisTarget: KPCR.TSS and the TSS backlink, task registers (the same
 * reader `.tss` uses), CR2 and IRQL, the thread running on the processor with its stack bounds and process
 * image (the same model `!thread` prints), and WinDbg's own walk (the k family's environment).
 */
import type { X86Registers } from '../../common/x86Registers';
import type { AnalysisTarget, ThreadFacts } from '../analysis/target';
import type { CallSiteDecoder } from '../disasm/callSite';
import { walkStack } from '../stackwalk/walker';
import { tssContext } from '../session/contextSources';
import { currentThreadOf, kpcrView, specialRegister } from '../session/processorState';
import { walkEnvironmentFor } from './stackEnvironment';
import { TypedView } from '../objects/typedView';
import { buildThreadModel } from './threadModel';
import type { SessionApi } from '../session/types';

/** STACK_TEXT in WinDbg's form walks at most this many frames. */
const ANALYZE_FRAME_COUNT = 0x100;

const attempt = <T>(f: () => T): T | undefined => { try { return f(); } catch { return undefined; } };

export function analysisTarget(session: SessionApi, decoder: CallSiteDecoder): AnalysisTarget {
  const h = session.dump.header;
  const { contextFlags: _flags, ...defaultContext } = h.context;
  const processor = session.processor;
  return {
    bugcheck: { code: h.bugCheckCode >>> 0, args: h.bugCheckParameters.map((a) => a >>> 0) as [number, number, number, number] },
    symbols: session.symbols,
    ntTypes: session.ntTypes,
    vm: session.dump.kernelVm,
    defaultContext,
    currentTss() {
      const types = session.ntTypes;
      const base = attempt(() => kpcrView(session, processor)?.value('TSS'));
      if (!types || !base) return undefined;
      const backlink = attempt(() => new TypedView(session.dump.kernelVm, types, '_KTSS', base).value('Backlink'));
      return backlink === undefined || backlink === null ? undefined : { base, backlink: backlink & 0xffff };
    },
    taskRegisters: (selector) => attempt(() => tssContext(session, selector).regs),
    cr2: () => attempt(() => specialRegister(session, processor, 'cr2')),
    irql: () => attempt(() => kpcrView(session, processor)?.value('Irql') ?? undefined) ?? undefined,
    currentThread: () => threadFacts(session, processor),
    walk(regs: X86Registers, task?: number) {
      const env = walkEnvironmentFor(session, (ra) => decoder.callEndingAt(session.dump.kernelVm, ra) !== undefined);
      return attempt(() => walkStack({ ...env, vm: session.dump.kernelVm }, regs, { maxFrames: ANALYZE_FRAME_COUNT, task }));
    },
  };
}

function threadFacts(session: SessionApi, processor: number): ThreadFacts | undefined {
  const { thread, process } = currentThreadOf(session, processor);
  if (!thread) return undefined;
  const t = attempt(() => buildThreadModel(session, thread));
  const facts: ThreadFacts = { thread, process: process ?? t?.owningProcess ?? undefined, processName: t?.owningImage ?? undefined };
  const s = t?.stack;
  if (s && s.base !== null && s.limit !== null && s.init !== null && s.limit < s.base) {
    facts.stack = { limit: s.limit, base: s.base, initialStack: s.init };
  }
  return facts;
}
