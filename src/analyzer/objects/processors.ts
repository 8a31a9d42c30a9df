import { KdsimError } from '../../common/errors';
import type { TypeTableApi } from '../../symbols/typeTable.api';
import type { VirtualMemory } from '../memory/types';
import { KPrcb, Kpcr } from './kpcr';

/**
 * Per-processor control blocks, found as WinDbg finds them in a kernel dump: `nt!KiProcessorBlock[n]` is the
 * KPRCB of processor n, and KPCR = KPRCB − offsetof(_KPCR, PrcbData) (0x120 on x86). The table's address
 * comes from the kernel's symbols, else from KDDEBUGGER_DATA64.KiProcessorBlock.
 *
 * There is deliberately no guess of the fixed x86 KPCR of processor 0 (KIP0PCRADDRESS, 0xFFDFF000): WinDbg
 * opening a dump does not assume it either, and when KiProcessorBlock cannot be read `!pcr` prints "Cannot get
 * PRCB address". A wrong guess would show another page as the KPCR; an error is honest.
 *
 * One table per session: each PRCB address is read once and cached.
 */
export class ProcessorTable {
  private readonly prcbs = new Map<number, number | null>();

  /** `table`: VA of KiProcessorBlock (undefined when neither the symbols nor the KDBG give it). */
  constructor(private readonly vm: VirtualMemory, readonly count: number, private readonly table: number | undefined) {}

  /** KPRCB address of processor n; throws WinDbg's "Cannot get PRCB address" when it cannot be read. */
  prcbAddress(n: number): number {
    if (!Number.isInteger(n) || n < 0 || n >= this.count) throw new KdsimError('E_COMMAND', 'Cannot get PRCB address');
    if (!this.prcbs.has(n)) this.prcbs.set(n, this.table === undefined ? null : this.vm.readU32((this.table + 4 * n) >>> 0));
    const prcb = this.prcbs.get(n);
    if (!prcb) throw new KdsimError('E_MEMORY', 'Cannot get PRCB address');
    return prcb;
  }

  /** KPCR address of processor n (KPRCB − offsetof(_KPCR, PrcbData)). */
  kpcrAddress(n: number, types: TypeTableApi): number {
    return (this.prcbAddress(n) - types.offsetof('_KPCR', 'PrcbData')) >>> 0;
  }

  kpcr(n: number, types: TypeTableApi): Kpcr {
    return new Kpcr(this.vm, types, this.kpcrAddress(n, types));
  }

  prcb(n: number, types: TypeTableApi): KPrcb {
    return new KPrcb(this.vm, types, this.prcbAddress(n));
  }
}
