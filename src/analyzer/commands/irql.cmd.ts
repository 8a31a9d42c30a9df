/**
 * `!irql [n]`: the IRQL a processor ran at just before the debugger (or the bugcheck) took it — the KPRCB's
 * `DebuggerSavedIRQL` (Server 2003 and later); older kernels lack it, and kdsim then shows the KPCR's current
 * `Irql`. Layout from the debugger documentation's example: `Debugger saved IRQL for processor 0x0 -- 28 (CLOCK2_LEVEL)`.
 */
import { KdsimError } from '../../common/errors';
import { TypedView } from '../objects/typedView';
import { kpcrAddress, prcbAddress, processorArg, requireNtTypes } from '../session/processorBlock';
import type { CommandSpec } from './types';

/** x86 IRQL names (wdm.h); device IRQLs 3..26 have no name. */
const X86_IRQL_NAMES: Record<number, string> = {
  0: 'LOW_LEVEL', 1: 'APC_LEVEL', 2: 'DISPATCH_LEVEL', 27: 'PROFILE_LEVEL', 28: 'CLOCK2_LEVEL', 29: 'IPI_LEVEL',
  30: 'POWER_LEVEL', 31: 'HIGH_LEVEL',
};

export function irqlText(irql: number): string {
  const name = X86_IRQL_NAMES[irql];
  return name ? `${irql} (${name})` : String(irql);
}

export const commands: CommandSpec[] = [
  {
    name: '!irql',
    summary: '!irql [processor] — the IRQL saved when the processor stopped (KPRCB.DebuggerSavedIRQL)',
    run(session, args) {
      const n = processorArg(session, args);
      if (n < 0 || n >= session.processorCount) throw new KdsimError('E_COMMAND', 'Cannot get PRCB address');
      const types = requireNtTypes(session);
      const prcb = new TypedView(session.vm, types, '_KPRCB', prcbAddress(session, n));
      const saved = prcb.has('DebuggerSavedIRQL') ? prcb.value('DebuggerSavedIRQL') : null;
      const irql = saved ?? new TypedView(session.vm, types, '_KPCR', kpcrAddress(session, n)).value('Irql');
      if (irql === null) throw new KdsimError('E_MEMORY', 'Cannot get PRCB address');
      const source = saved !== null ? 'KPRCB.DebuggerSavedIRQL' : 'KPCR.Irql';
      return { model: { processor: n, irql, source }, lines: [`Debugger saved IRQL for processor 0x${n.toString(16)} -- ${irqlText(irql)}`] };
    },
  },
];
