import { KdsimError } from '../../common/errors';
import { readKdbg } from '../objects/kdbg';
import type { SessionApi } from './types';

/**
 * PRCB address of processor `n`, as the debugger engine finds it: `nt!KiProcessorBlock[n]`, through the
 * symbol when the kernel's symbols have it, else through the KDBG block the dump header points at.
 */
export function prcbAddress(session: SessionApi, n: number): number {
  if (!Number.isInteger(n) || n < 0 || n >= session.processorCount) {
    throw new KdsimError('E_COMMAND', `Cannot get PRCB address`);
  }
  const table = session.symbols.resolve('nt!KiProcessorBlock') ?? kdbgProcessorBlock(session);
  const prcb = table === undefined ? null : session.vm.readU32((table + 4 * n) >>> 0);
  if (prcb === null || prcb === 0) throw new KdsimError('E_MEMORY', 'Cannot get PRCB address');
  return prcb;
}

/** KPCR address of processor `n` (PRCB − offsetof(_KPCR, PrcbData), 0x120 on x86). */
export function kpcrAddress(session: SessionApi, n: number): number {
  const types = requireNtTypes(session);
  return (prcbAddress(session, n) - types.offsetof('_KPCR', 'PrcbData')) >>> 0;
}

/** `KDDEBUGGER_DATA64.KiProcessorBlock` of the KDBG block the dump header points at. */
function kdbgProcessorBlock(session: SessionApi): number | undefined {
  const r = readKdbg(session.vm, session.dump.header.kdDebuggerDataBlock);
  return r.ok ? r.kdbg.kiProcessorBlock ?? undefined : undefined;
}

export function requireNtTypes(session: SessionApi) {
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
