import { KdsimError } from '../../common/errors';
import { hex8 } from '../../common/hex';
import type { SessionApi } from '../session/types';
import { TypedView } from '../objects/typedView';
import { requireNtTypes } from '../session/processorBlock';
import { walkList } from '../objects/listWalker';
import { buildThreadModel, ThreadModel } from './threadModel';

type V = number | null;

export interface ProcessEntry {
  process: number;
  /** null = no session (System, Idle): printed `none`. */
  sessionId: V | 'none';
  cid: V;
  peb: V;
  parentCid: V;
  dirBase: V;
  objectTable: V;
  handleCount: V;
  image: string | null;
  threads?: ThreadModel[];
}

export interface ProcessModel { all: boolean; processes: ProcessEntry[] }

/** Processes cap: a damaged ActiveProcessLinks ring must not run forever. */
const MAX_PROCESSES = 4096;
const MAX_THREADS = 1024;

function entry(session: SessionApi, process: number, withThreads: boolean): ProcessEntry {
  const types = requireNtTypes(session);
  const p = new TypedView(session.vm, types, '_EPROCESS', process);
  const session_ = p.value('Session');
  const sessionId = session_ === 0 ? 'none' as const
    : session_ === null ? null : new TypedView(session.vm, types, '_MM_SESSION_SPACE', session_).optional('SessionId');
  const objectTable = p.value('ObjectTable');
  const handleCount = objectTable ? new TypedView(session.vm, types, '_HANDLE_TABLE', objectTable).optional('HandleCount') : null;
  const e: ProcessEntry = {
    process, sessionId,
    cid: p.value('UniqueProcessId'), peb: p.value('Peb'), parentCid: p.value('InheritedFromUniqueProcessId'),
    dirBase: p.value('Pcb.DirectoryTableBase'), objectTable, handleCount, image: p.inlineString('ImageFileName'),
  };
  if (withThreads) {
    const link = types.offsetof('_ETHREAD', 'ThreadListEntry');
    e.threads = walkList(session.vm, types, p.addressOf('ThreadListHead'), { cap: MAX_THREADS }).links
      .map((l) => buildThreadModel(session, (l - link) >>> 0));
  }
  return e;
}

/** All processes on `PsActiveProcessHead` (symbol, else the dump header's copy). */
function activeProcesses(session: SessionApi): number[] {
  const types = requireNtTypes(session);
  const head = session.symbols.resolve('nt!PsActiveProcessHead') ?? session.dump.header.psActiveProcessHead;
  if (!head) throw new KdsimError('E_SYMBOLS', 'Unable to get PsActiveProcessHead');
  const link = types.offsetof('_EPROCESS', 'ActiveProcessLinks');
  return walkList(session.vm, types, head, { cap: MAX_PROCESSES }).links.map((l) => (l - link) >>> 0);
}

/**
 * `!process [addr|0|-1] [flags] [image]`: 0 lists every process, -1 or nothing means the current one.
 * Flags bit 1 or 2 (0x2, 0x4) adds the process's threads in `!thread` form; bare `!process` shows them too.
 */
export function buildProcessModel(session: SessionApi, args: string): ProcessModel {
  const [target, flagsArg, imageFilter] = args.trim().split(/\s+/).filter(Boolean);
  const flags = flagsArg === undefined ? (target === undefined ? 0x1f : 0x3) : session.evaluate(flagsArg);
  const withThreads = (flags & 0x6) !== 0;
  const addr = target === undefined || target === '-1' ? session.currentProcess : session.evaluate(target) >>> 0;
  if (addr === undefined) throw new KdsimError('E_COMMAND', 'Unable to get current process');
  if (addr !== 0) {
    const e = entry(session, addr, withThreads);
    if (e.cid === null && e.image === null) throw new KdsimError('E_MEMORY', `${hex8(addr)}: Unable to read _EPROCESS`);
    return { all: false, processes: [e] };
  }
  const re = imageFilter?.toLowerCase();
  const processes = activeProcesses(session)
    .map((p) => entry(session, p, withThreads))
    .filter((e) => !re || e.image?.toLowerCase() === re);
  return { all: true, processes };
}
