import { KdsimError } from '../../common/errors';
import { hex8 } from '../../common/hex';
import type { SessionApi } from '../session/types';
import { TypedView } from '../objects/typedView';
import { prcbAddress, requireNtTypes } from '../session/processorBlock';
import { walkList } from '../objects/listWalker';

type V = number | null;

export interface ThreadModel {
  thread: number;
  cid: [V, V];
  teb: V;
  win32Thread: V;
  /** 'RUNNING on processor 3', 'WAIT: (Executive) KernelMode Non-Alertable', 'READY', … */
  state: string;
  irps: { irp: number; type: V; size: V; flags: V; mdl: V }[];
  impersonating: boolean;
  deviceMap: V;
  owningProcess: V;
  owningImage: string | null;
  attachedProcess: V;
  attachedImage: string | null;
  waitTime: V;
  ticks: V;
  contextSwitches: V;
  largeStack: boolean;
  userTime: string;
  kernelTime: string;
  win32StartAddress: { address: V; symbol?: string };
  startAddress: { address: V; symbol?: string };
  stack: { init: V; current: V; base: V; limit: V; callback: V };
  priority: V;
  basePriority: V;
  priorityDecrement: V;
}

const WAIT_REASONS = [
  'Executive', 'FreePage', 'PageIn', 'PoolAllocation', 'DelayExecution', 'Suspended', 'UserRequest', 'WrExecutive',
  'WrFreePage', 'WrPageIn', 'WrPoolAllocation', 'WrDelayExecution', 'WrSuspended', 'WrUserRequest', 'WrEventPair',
  'WrQueue', 'WrLpcReceive', 'WrLpcReply', 'WrVirtualMemory', 'WrPageOut', 'WrRendezvous', 'Spare2', 'Spare3',
  'Spare4', 'Spare5', 'Spare6', 'WrKernel', 'WrResource', 'WrPushLock', 'WrMutex', 'WrQuantumEnd', 'WrDispatchInt',
  'WrPreempted', 'WrYieldExecution',
];
const STATES = ['INITIALIZED', 'READY', 'RUNNING', 'STANDBY', 'TERMINATED', 'WAIT', 'TRANSITION', 'DEFERREDREADY'];

/** 100 ns units per clock tick when `nt!KeTimeIncrement` cannot be read (15.625 ms, the x86 MP default). */
const DEFAULT_TIME_INCREMENT = 156250;

/** `hh:mm:ss.mmm` of a tick count, as `!thread` prints UserTime/KernelTime. */
export function tickTime(ticks: number, increment: number): string {
  const ms = Math.floor((ticks * increment) / 10000);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${p(Math.floor(ms / 3600000))}:${p(Math.floor(ms / 60000) % 60)}:${p(Math.floor(ms / 1000) % 60)}.${p(ms % 1000, 3)}`;
}

function processorRunning(session: SessionApi, thread: number): number | undefined {
  for (let n = 0; n < session.processorCount; n++) {
    try {
      const prcb = prcbAddress(session, n);
      if (session.vm.readU32((prcb + requireNtTypes(session).offsetof('_KPRCB', 'CurrentThread')) >>> 0) === thread) return n;
    } catch { /* processor block unreadable: try the next one */ }
  }
  return undefined;
}

function stateText(session: SessionApi, t: TypedView): string {
  const state = t.value('Tcb.State');
  if (state === null) return '????';
  if (state === 2) {
    const n = processorRunning(session, t.address) ?? t.optional('Tcb.NextProcessor');
    return `RUNNING on processor ${n ?? '?'}`;
  }
  if (state === 5) {
    const reason = t.value('Tcb.WaitReason');
    const mode = t.optional('Tcb.WaitMode') ? 'UserMode' : 'KernelMode';
    const alert = t.optional('Tcb.Alertable') ? 'Alertable' : 'Non-Alertable';
    return `WAIT: (${reason === null ? '????' : WAIT_REASONS[reason] ?? `Unknown${reason}`}) ${mode} ${alert}`;
  }
  return STATES[state] ?? `Unknown state ${state}`;
}

const symbolAt = (session: SessionApi, a: V) => ({ address: a, ...(a === null ? {} : { symbol: session.symbols.format(a) }) });

function imageOf(session: SessionApi, process: V): string | null {
  if (!process) return null;
  return new TypedView(session.vm, requireNtTypes(session), '_EPROCESS', process).inlineString('ImageFileName');
}

function readSymbolU32(session: SessionApi, name: string): number | null {
  const at = session.symbols.resolve(name);
  return at === undefined ? null : session.vm.readU32(at);
}

/** Everything the Server 2003-era `!thread <ETHREAD>` prints above the stack. */
export function buildThreadModel(session: SessionApi, thread: number): ThreadModel {
  const types = requireNtTypes(session);
  const t = new TypedView(session.vm, types, '_ETHREAD', thread);
  if (t.value('Tcb.StackBase') === null && t.value('Tcb.State') === null) {
    throw new KdsimError('E_MEMORY', `${hex8(thread)}: Unable to get thread contents`);
  }
  // KTHREAD.Process from Server 2003 on; XP keeps only ETHREAD.ThreadsProcess.
  const owning = t.optional('Tcb.Process') ?? t.value('ThreadsProcess');
  const apcProcess = t.value('Tcb.ApcState.Process');
  const attached = t.optional('Tcb.ApcStateIndex') ? apcProcess : null;
  const irpHead = t.addressOf('IrpList');
  const irpLink = types.hasType('_IRP') ? types.offsetof('_IRP', 'ThreadListEntry') : 0;
  const irps = walkList(session.vm, types, irpHead, { cap: 17 }).links.map((link) => {
    const irp = (link - irpLink) >>> 0;
    const v = types.hasType('_IRP') ? new TypedView(session.vm, types, '_IRP', irp) : undefined;
    return { irp, type: v?.value('Type') ?? null, size: v?.value('Size') ?? null,
      flags: v?.value('Flags') ?? null, mdl: v?.value('MdlAddress') ?? null };
  });
  const tickCount = readSymbolU32(session, 'nt!KeTickCount');
  const waitTime = t.value('Tcb.WaitTime');
  const increment = readSymbolU32(session, 'nt!KeTimeIncrement') || DEFAULT_TIME_INCREMENT;
  const ticksOf = (path: string) => { const v = t.value(path); return v === null ? '??:??:??.???' : tickTime(v, increment); };
  const deviceMap = owning ? new TypedView(session.vm, types, '_EPROCESS', owning).value('DeviceMap') : null;
  return {
    thread,
    cid: [t.value('Cid.UniqueProcess'), t.value('Cid.UniqueThread')],
    teb: t.value('Tcb.Teb'),
    win32Thread: t.value('Tcb.Win32Thread'),
    state: stateText(session, t),
    irps,
    impersonating: t.optional('ActiveImpersonationInfo') === 1,
    deviceMap,
    owningProcess: owning,
    owningImage: imageOf(session, owning),
    attachedProcess: attached,
    attachedImage: attached ? imageOf(session, attached) : null,
    waitTime,
    ticks: tickCount === null || waitTime === null ? null : (tickCount - waitTime) >>> 0,
    contextSwitches: t.value('Tcb.ContextSwitches'),
    largeStack: t.optional('Tcb.LargeStack') === 1,
    userTime: ticksOf('Tcb.UserTime'),
    kernelTime: ticksOf('Tcb.KernelTime'),
    win32StartAddress: symbolAt(session, t.value('Win32StartAddress')),
    startAddress: symbolAt(session, t.value('StartAddress')),
    stack: {
      init: t.value('Tcb.InitialStack'), current: t.value('Tcb.KernelStack'), base: t.value('Tcb.StackBase'),
      limit: t.value('Tcb.StackLimit'), callback: t.optional('Tcb.CallbackStack'),
    },
    priority: t.value('Tcb.Priority'),
    basePriority: t.value('Tcb.BasePriority'),
    priorityDecrement: t.value('Tcb.PriorityDecrement'),
  };
}
