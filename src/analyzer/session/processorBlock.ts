import { KdsimError } from '../../common/errors';
import type { TypeTableApi } from '../../symbols/typeTable.api';
import { readKdbg } from '../objects/kdbg';
import { ProcessorTable } from '../objects/processors';
import type { SessionApi } from './types';

/** One processor table per session (its PRCB addresses are read once). */
const tables = new WeakMap<SessionApi, ProcessorTable>();

/** The session's processor table: `nt!KiProcessorBlock` through the kernel's symbols, else through the KDBG block. */
export function processorTable(session: SessionApi): ProcessorTable {
  let t = tables.get(session);
  if (!t) {
    const table = session.symbols.resolve('nt!KiProcessorBlock') ?? kdbgProcessorBlock(session);
    t = new ProcessorTable(session.dump.kernelVm, session.processorCount, table);
    tables.set(session, t);
  }
  return t;
}

/** PRCB address of processor `n` (objects/processors.ts: WinDbg's way, no fixed-address guess). */
export function prcbAddress(session: SessionApi, n: number): number {
  return processorTable(session).prcbAddress(n);
}

/** KPCR address of processor `n` (PRCB − offsetof(_KPCR, PrcbData), 0x120 on x86). */
export function kpcrAddress(session: SessionApi, n: number): number {
  return processorTable(session).kpcrAddress(n, requireNtTypes(session));
}

/** `KDDEBUGGER_DATA64.KiProcessorBlock` of the KDBG block the dump header points at. */
function kdbgProcessorBlock(session: SessionApi): number | undefined {
  const r = readKdbg(session.dump.kernelVm, session.dump.header.kdDebuggerDataBlock);
  return r.ok ? r.kdbg.kiProcessorBlock ?? undefined : undefined;
}

export function requireNtTypes(session: SessionApi): TypeTableApi {
  if (!session.ntTypes) {
    throw new KdsimError('E_SYMBOLS', '*** ERROR: Symbol file could not be found.  Defaulted to export symbols for nt');
  }
  return session.ntTypes;
}

/** Processor number argument of `!pcr [n]` / `!prcb [n]`: the current processor when absent. */
export function processorArg(session: SessionApi, args: string): number {
  const a = args.trim();
  return a ? session.evaluate(a) : session.processor;
}
