/**
 * The `k` family's walk over a session: the walker's environment (trap frames and TSSs through the kernel's ISF
 * types, the current thread's stack bounds, the call-site decoder) and the display model of one walk. `k`,
 * `!thread` (its frame lines are kv's) and `!analyze` (WinDbg's own STACK_TEXT) share it.
 */
import type { X86Registers } from '../../common/x86Registers';
import { loadCallSiteDecoder } from '../disasm/callSite';
import type { WalkEnvironment } from '../stackwalk/frame';
import { walkStack } from '../stackwalk/walker';
import { TypedView } from '../objects/typedView';
import { tssContext, trapContext } from '../session/contextSources';
import { gdtDescriptor, specialRegister } from '../session/processorState';
import type { SessionApi } from '../session/types';
import { buildStackModel, type StackColumns, type StackModel } from './stackModel';

/** KTRAP_FRAME.SegCs & FRAME_EDITED == 0 marks a frame whose esp/cs the kernel moved to TempEsp/TempSegCs. */
const FRAME_EDITED = 0xfff8;

/** The walker's view of a session: trap frames and TSSs through the kernel's ISF types, the thread's stack. */
export function walkEnvironmentFor(session: SessionApi, isCallSite?: (ra: number) => boolean): WalkEnvironment {
  const types = session.ntTypes;
  return {
    vm: session.vm,
    symbols: session.symbols,
    isCallSite,
    unwinders: session.arch.unwinders,
    stack: threadStack(session),
    readTrapFrame: types ? (address) => {
      // WinDbg reads the KTRAP_FRAME in one piece; a frame straddling the guard page is unreadable as a whole.
      try {
        if (!session.vm.read(address, types.sizeof('_KTRAP_FRAME'))) return null;
        const { regs } = trapContext(session, address);
        return { regs, edited: (regs.cs & FRAME_EDITED) === 0 };
      } catch { return null; }
    } : undefined,
    tasks: types ? {
      backlink: (selector) => {
        const d = gdtDescriptor(session, session.processor, selector);
        return d ? new TypedView(session.dump.kernelVm, types, '_KTSS', d.base).value('Backlink') : null;
      },
      registers: (selector) => {
        try { return tssContext(session, selector).regs; } catch { return null; }
      },
    } : undefined,
  };
}

function threadStack(session: SessionApi): { limit: number; base: number } | undefined {
  const t = session.currentThread;
  if (t === undefined || !session.ntTypes?.hasType('_KTHREAD')) return undefined;
  try {
    const v = new TypedView(session.vm, session.ntTypes, '_KTHREAD', t);
    const base = v.value('StackBase');
    const limit = v.value('StackLimit');
    return base && limit && limit < base ? { base, limit } : undefined;
  } catch { return undefined; }
}

/** One walk from `regs` in the session's current context, as the `k` family displays it with `columns`. */
export async function walkStackModel(session: SessionApi, regs: X86Registers, columns: StackColumns, maxFrames: number): Promise<StackModel> {
  const decoder = await loadCallSiteDecoder();
  const env = walkEnvironmentFor(session, (ra) => decoder.callEndingAt(session.vm, ra) !== undefined);
  const task = session.ntTypes ? attemptNumber(() => specialRegister(session, session.processor, 'tr')) : undefined;
  const frames = walkStack(env, regs, { maxFrames, task });
  return buildStackModel(frames, session.symbols, columns, session.contextSource !== 'default');
}

const attemptNumber = (f: () => number | undefined): number | undefined => { try { return f(); } catch { return undefined; } };
