/**
 * Register contexts: `.tss sel`, `.trap addr`, `.cxr addr` load one and print the register display; bare
 * `.tss`/`.trap`/`.cxr` go back to the processor's own context ("Resetting default scope"). `.thread` and
 * `.process` set the implicit thread and process.
 */
import { hex8 } from '../../common/hex';
import { renderRegisterDisplay, type RegisterDisplayModel } from '../render/registers';
import { cxrContext, trapContext, tssContext } from '../session/contextSources';
import { instructionLines } from '../session/instructionLines';
import type { CommandSpec } from './types';
import type { SessionApi } from '../session/types';
import { TypedView } from '../objects/typedView';

const RESET = 'Resetting default scope';

type ImplicitSession = SessionApi & { setImplicitThread?(t: number | undefined): void; setImplicitProcess?(p: number | undefined, dtb?: number): void };

function show(session: SessionApi, model: RegisterDisplayModel) {
  model.instruction = instructionLines(session, session.regs);
  return { model, lines: renderRegisterDisplay(model) };
}

function reset(session: SessionApi) {
  session.resetContext();
  return { model: { reset: true }, lines: [RESET] };
}

export const commands: CommandSpec[] = [
  {
    name: '.tss',
    summary: '.tss [selector] — registers saved in a task state segment (GDT selector); none: default scope',
    run(session, args) {
      if (!args.trim()) return reset(session);
      const { regs } = tssContext(session, session.evaluate(args) & 0xffff);
      session.setContext(regs, 'tss');
      return show(session, { lastSetContext: false, registers: regs });
    },
  },
  {
    name: '.trap',
    summary: '.trap [address] — registers of a KTRAP_FRAME; none: default scope',
    run(session, args) {
      if (!args.trim()) return reset(session);
      const { regs, errCode } = trapContext(session, session.evaluate(args));
      session.setContext(regs, 'trap');
      return show(session, { lastSetContext: false, errCode, registers: regs });
    },
  },
  {
    name: '.cxr',
    summary: '.cxr [address] — registers of a CONTEXT record; none: default scope',
    run(session, args) {
      if (!args.trim()) return reset(session);
      const regs = cxrContext(session, session.evaluate(args));
      session.setContext(regs, 'cxr');
      return show(session, { lastSetContext: false, registers: regs });
    },
  },
  {
    name: '.thread',
    summary: '.thread [ETHREAD] — set or show the implicit thread',
    run(session: ImplicitSession, args) {
      if (args.trim()) session.setImplicitThread?.(session.evaluate(args));
      const t = session.currentThread ?? 0;
      return { model: { thread: t }, lines: [`Implicit thread is now ${hex8(t)}`] };
    },
  },
  {
    name: '.process',
    summary: '.process [EPROCESS] — set or show the implicit process (its address space for memory reads)',
    run(session: ImplicitSession, args) {
      if (args.trim()) {
        const p = session.evaluate(args);
        const dtb = session.ntTypes ? new TypedView(session.dump.kernelVm, session.ntTypes, '_EPROCESS', p).optional('Pcb.DirectoryTableBase') : null;
        session.setImplicitProcess?.(p, dtb ?? undefined);
      }
      const p = session.currentProcess ?? 0;
      return { model: { process: p }, lines: [`Implicit process is now ${hex8(p)}`] };
    },
  },
];
