/**
 * Processes and threads: EPROCESS linked in PsActiveProcessHead, ETHREADs linked in both of their process's
 * thread lists (KPROCESS.ThreadListHead ↔ KTHREAD.ThreadListEntry, EPROCESS.ThreadListHead ↔
 * ETHREAD.ThreadListEntry). Everything goes through _EPROCESS/_ETHREAD fields of the shipped layout.
 */
import { insertTail, type StructWriter } from './structWriter';

export interface ProcessPlan {
  eprocess: number;
  pid: number;
  parentPid: number;
  imageName: string;
  dtb: number;
  paeTop: number;
  peb: number;
  createTime: bigint;
  affinity: number;
}

export interface ThreadPlan {
  ethread: number;
  process: number;
  tid: number;
  pid: number;
  state: number;               // KTHREAD_STATE: 1 Ready, 2 Running, 5 Waiting
  processor: number;
  initialStack: number;
  stackBase: number;
  stackLimit: number;
  kernelStack: number;
  teb: number;
  trapFrame: number;
  priority: number;
  startAddress: number;
  win32StartAddress: number;
  createTime: bigint;
  kernelTime: number;
  userTime: number;
  contextSwitches: number;
  waitTime: number;
  systemThread: boolean;
}

const THREAD_OBJECT = 6;
const PROCESS_OBJECT = 3;

export function writeProcess(w: StructWriter, p: ProcessPlan, activeHead: number | undefined): void {
  const t = '_EPROCESS';
  w.zero(t, p.eprocess);
  w.fillPresent(t, p.eprocess, {
    'Pcb.Header.Type': PROCESS_OBJECT,
    'Pcb.Header.Size': w.sizeof('_KPROCESS') / 4,
    'Pcb.DirectoryTableBase': BigInt(p.dtb),
    'Pcb.Affinity': p.affinity,
    'Pcb.BasePriority': 8,
    'Pcb.State': 0,
    UniqueProcessId: p.pid,
    InheritedFromUniqueProcessId: p.parentPid,
    ImageFileName: p.imageName,
    Peb: p.peb,
    PaeTop: p.paeTop,
    'CreateTime.QuadPart': p.createTime,
  });
  w.emptyList(t, p.eprocess, 'Pcb.ThreadListHead');
  w.emptyList(t, p.eprocess, 'Pcb.ProfileListHead');
  w.emptyList(t, p.eprocess, 'Pcb.ReadyListHead');
  w.emptyList(t, p.eprocess, 'ThreadListHead');
  if (activeHead !== undefined) insertTail(w, activeHead, w.addr(t, p.eprocess, 'ActiveProcessLinks'));
  else w.emptyList(t, p.eprocess, 'ActiveProcessLinks');
}

export function writeThread(w: StructWriter, t: ThreadPlan): void {
  const ty = '_ETHREAD';
  w.zero(ty, t.ethread);
  w.fillPresent(ty, t.ethread, {
    'Tcb.Header.Type': THREAD_OBJECT,
    'Tcb.Header.Size': w.sizeof('_KTHREAD') / 4,
    'Tcb.InitialStack': t.initialStack,
    'Tcb.StackLimit': t.stackLimit,
    'Tcb.KernelStack': t.kernelStack,
    'Tcb.StackBase': t.stackBase,
    'Tcb.ApcState.Process': t.process,
    'Tcb.NextProcessor': t.processor,
    'Tcb.ContextSwitches': t.contextSwitches,
    'Tcb.State': t.state,
    'Tcb.WaitTime': t.waitTime,
    'Tcb.Priority': t.priority,
    'Tcb.BasePriority': t.priority,
    'Tcb.Teb': t.teb,
    'Tcb.TrapFrame': t.trapFrame,
    'Tcb.Process': t.process,
    'Tcb.Affinity': 0xf,
    'Tcb.UserAffinity': 0xf,
    'Tcb.KernelStackResident': 1,
    'Tcb.KernelTime': t.kernelTime,
    'Tcb.UserTime': t.userTime,
    'CreateTime.QuadPart': t.createTime,
    'Cid.UniqueProcess': t.pid,
    'Cid.UniqueThread': t.tid,
    ThreadsProcess: t.process,
    StartAddress: t.startAddress,
    Win32StartAddress: t.win32StartAddress,
    CrossThreadFlags: t.systemThread ? 0x10 : 0,
  });
  const apcState = w.addr(ty, t.ethread, 'Tcb.ApcState');
  const apcHead = w.addr('_KAPC_STATE', apcState, 'ApcListHead');
  for (let i = 0; i < 2; i++) {
    const head = apcHead + i * w.sizeof('_LIST_ENTRY');
    w.fill('_LIST_ENTRY', head, { Flink: head, Blink: head });
  }
  // ApcStatePointer[2] (current and saved APC state) until Windows 8.1; Windows 10 dropped it.
  if (w.has(ty, 'Tcb.ApcStatePointer')) w.set(ty, t.ethread, 'Tcb.ApcStatePointer', BigInt(apcState) | (BigInt(w.addr(ty, t.ethread, 'Tcb.SavedApcState')) << 32n));
  w.emptyList(ty, t.ethread, 'Tcb.MutantListHead');
  w.emptyList(ty, t.ethread, 'IrpList');
  insertTail(w, w.addr('_EPROCESS', t.process, 'Pcb.ThreadListHead'), w.addr(ty, t.ethread, 'Tcb.ThreadListEntry'));
  insertTail(w, w.addr('_EPROCESS', t.process, 'ThreadListHead'), w.addr(ty, t.ethread, 'ThreadListEntry'));
  const active = w.addr('_EPROCESS', t.process, 'ActiveThreads');
  w.mem.u32(active, w.mem.readU32(active) + 1);
}
