import type { CommandSpec } from './types';
import { TypedView } from '../objects/typedView';
import { prcbAddress, processorArg, requireNtTypes } from '../session/processorBlock';
import { renderPrcb, PrcbModel } from '../render/prcb';

export const commands: CommandSpec[] = [
  {
    name: '!prcb',
    summary: '!prcb [processor] — the processor control block (threads, counts, times)',
    run(session, args) {
      const n = processorArg(session, args);
      const prcb = prcbAddress(session, n);
      const v = new TypedView(session.vm, requireNtTypes(session), '_KPRCB', prcb);
      const model: PrcbModel = {
        processor: n, prcb,
        // Only kernels whose PRCB saves the IRQL for the debugger print the "Current IRQL" line.
        debuggerSavedIrql: v.optional('DebuggerSavedIRQL'),
        currentThread: v.value('CurrentThread'), nextThread: v.value('NextThread'), idleThread: v.value('IdleThread'),
        number: v.value('Number'), setMember: v.value('SetMember'), interruptCount: v.value('InterruptCount'),
        dpcTime: v.value('DpcTime'), interruptTime: v.value('InterruptTime'),
        kernelTime: v.value('KernelTime'), userTime: v.value('UserTime'),
      };
      return { model, lines: renderPrcb(model) };
    },
  },
];
