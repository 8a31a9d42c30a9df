import { hex8 } from '../../common/hex';

type V = number | null;
export interface PrcbModel {
  processor: number;
  prcb: number;
  debuggerSavedIrql: V;
  currentThread: V; nextThread: V; idleThread: V;
  number: V; setMember: V; interruptCount: V;
  dpcTime: V; interruptTime: V; kernelTime: V; userTime: V;
}

const h = (v: V): string => (v === null ? '????????' : hex8(v));

/** WinDbg's `!prcb` (x86, Server 2003 era; trailing spaces after the Times columns are WinDbg's). */
export function renderPrcb(m: PrcbModel): string[] {
  return [
    `PRCB for Processor ${m.processor} at ${hex8(m.prcb)}:`,
    ...(m.debuggerSavedIrql === null ? [] : [`Current IRQL -- ${m.debuggerSavedIrql}`]),
    `Threads--  Current ${h(m.currentThread)} Next ${h(m.nextThread)} Idle ${h(m.idleThread)}`,
    `Number ${m.number ?? '?'} SetMember ${h(m.setMember)}`,
    `Interrupt Count -- ${h(m.interruptCount)}`,
    `Times -- Dpc    ${h(m.dpcTime)} Interrupt ${h(m.interruptTime)} `,
    `         Kernel ${h(m.kernelTime)} User      ${h(m.userTime)} `,
  ];
}
