import { KdsimError } from '../../common/errors';
import type { SessionApi } from '../session/types';
import { TypedView } from '../objects/typedView';
import { kpcrAddress, prcbAddress, requireNtTypes } from '../session/processorBlock';
import { walkList } from '../objects/listWalker';

/** A field of `!pcr`: null when unreadable (printed `????????`). */
export type PcrValue = number | null;

export interface DpcEntry { dpc: number; routine: number | null; symbol: string }

export interface PcrModel {
  processor: number;
  kpcr: number;
  major: number;
  minor: PcrValue;
  tib: Record<'ExceptionList' | 'StackBase' | 'StackLimit' | 'SubSystemTib' | 'Version' | 'UserPointer' | 'SelfTib', PcrValue>;
  pcr: Record<'SelfPcr' | 'Prcb' | 'Irql' | 'IRR' | 'IDR' | 'InterruptMode' | 'IDT' | 'GDT' | 'TSS', PcrValue>;
  threads: Record<'CurrentThread' | 'NextThread' | 'IdleThread', PcrValue>;
  dpcQueue: DpcEntry[];
}

/** Reads what the x86 `!pcr` prints (the kdexts `DumpPcrX86` field list) for processor `n`. */
export function buildPcrModel(session: SessionApi, n: number): PcrModel {
  const types = requireNtTypes(session);
  const kpcr = kpcrAddress(session, n);
  const v = new TypedView(session.vm, types, '_KPCR', kpcr);
  const major = v.value('MajorVersion');
  if (major === null) throw new KdsimError('E_MEMORY', `Unable to read the PCR at ${kpcr.toString(16).padStart(8, '0')}`);
  return {
    processor: n,
    kpcr,
    major,
    minor: v.value('MinorVersion'),
    tib: {
      ExceptionList: v.value('NtTib.ExceptionList'),
      StackBase: v.value('NtTib.StackBase'),
      StackLimit: v.value('NtTib.StackLimit'),
      SubSystemTib: v.value('NtTib.SubSystemTib'),
      Version: v.value('NtTib.Version'),
      UserPointer: v.value('NtTib.ArbitraryUserPointer'),
      SelfTib: v.value('NtTib.Self'),
    },
    pcr: {
      SelfPcr: v.value('SelfPcr'), Prcb: v.value('Prcb'), Irql: v.value('Irql'), IRR: v.value('IRR'),
      IDR: v.value('IDR'), InterruptMode: v.value('InterruptMode'), IDT: v.value('IDT'), GDT: v.value('GDT'),
      TSS: v.value('TSS'),
    },
    threads: {
      CurrentThread: v.value('PrcbData.CurrentThread'),
      NextThread: v.value('PrcbData.NextThread'),
      IdleThread: v.value('PrcbData.IdleThread'),
    },
    dpcQueue: dpcQueue(session, prcbAddress(session, n)),
  };
}

/** The DPCs queued on this processor: `_KPRCB.DpcData[0].DpcListHead` (Server 2003) or `DpcListHead` (older). */
function dpcQueue(session: SessionApi, prcb: number): DpcEntry[] {
  const types = requireNtTypes(session);
  const p = new TypedView(session.vm, types, '_KPRCB', prcb);
  const head = p.has('DpcData') ? p.addressOf('DpcData') : p.has('DpcListHead') ? p.addressOf('DpcListHead') : undefined;
  if (head === undefined || !types.hasType('_KDPC')) return [];
  const linkOffset = types.offsetof('_KDPC', 'DpcListEntry');
  return walkList(session.vm, types, head, { cap: 64 }).links.map((link) => {
    const dpc = (link - linkOffset) >>> 0;
    const routine = new TypedView(session.vm, types, '_KDPC', dpc).value('DeferredRoutine');
    return { dpc, routine, symbol: routine === null ? '' : session.symbols.format(routine) ?? '' };
  });
}
