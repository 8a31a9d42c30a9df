import type { SessionApi } from './types';
import { TypedView } from '../objects/typedView';
import { kpcrAddress, requireNtTypes } from './processorBlock';

export interface TableRef { base: number; limit: number }

/**
 * Base and limit of the current processor's GDT or IDT: the base from `KPCR.GDT`/`KPCR.IDT`, the limit from the
 * GDTR/IDTR image the kernel saved in `ProcessorState.SpecialRegisters` (else the Windows x86 sizes 0x3ff/0x7ff).
 */
export function descriptorTable(session: SessionApi, which: 'GDT' | 'IDT'): TableRef | null {
  const kpcr = new TypedView(session.vm, requireNtTypes(session), '_KPCR', kpcrAddress(session, session.processor));
  const base = kpcr.value(which);
  if (base === null) return null;
  const reg = which === 'GDT' ? 'Gdtr' : 'Idtr';
  const limit = kpcr.has(`PrcbData.ProcessorState.SpecialRegisters.${reg}.Limit`)
    ? kpcr.value(`PrcbData.ProcessorState.SpecialRegisters.${reg}.Limit`) : null;
  return { base, limit: limit || (which === 'GDT' ? 0x3ff : 0x7ff) };
}
