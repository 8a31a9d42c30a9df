import type { TypeTableApi } from '../../symbols/typeTable.api';
import type { VirtualMemory } from '../memory/types';
import { TypedView } from './typedView';

/** _KPRCB view: the per-processor control block (embedded in the KPCR at PrcbData). */
export class KPrcb extends TypedView {
  constructor(vm: VirtualMemory, types: TypeTableApi, address: number) {
    super(vm, types, '_KPRCB', address);
  }
  get number(): number | null { return this.num('Number'); }
  get currentThread(): number | null { return this.num('CurrentThread'); }
  get nextThread(): number | null { return this.num('NextThread'); }
  get idleThread(): number | null { return this.num('IdleThread'); }
  /** ProcessorState.ContextFrame as a view of _CONTEXT. */
  get contextFrame(): TypedView { return this.sub('ProcessorState.ContextFrame'); }
  /** ProcessorState.SpecialRegisters (CR0–CR4, GDTR, IDTR, TR). */
  get specialRegisters(): TypedView { return this.sub('ProcessorState.SpecialRegisters'); }
}

/** _KPCR view: fs:[0] in kernel mode; KPCR = PRCB − offsetof(_KPCR, PrcbData) on x86. */
export class Kpcr extends TypedView {
  constructor(vm: VirtualMemory, types: TypeTableApi, address: number) {
    super(vm, types, '_KPCR', address);
  }

  static fromPrcb(vm: VirtualMemory, types: TypeTableApi, prcb: number): Kpcr {
    return new Kpcr(vm, types, (prcb - types.offsetof('_KPCR', 'PrcbData')) >>> 0);
  }

  get selfPcr(): number | null { return this.num('SelfPcr'); }
  get prcbPointer(): number | null { return this.num('Prcb'); }
  get irql(): number | null { return this.num('Irql'); }
  get number(): number | null { return this.num('Number'); }
  get tss(): number | null { return this.num('TSS'); }
  get gdt(): number | null { return this.num('GDT'); }
  get idt(): number | null { return this.num('IDT'); }
  get kdVersionBlock(): number | null { return this.num('KdVersionBlock'); }
  get prcb(): KPrcb { return new KPrcb(this.vm, this.types, this.addressOf('PrcbData')); }
  get currentThread(): number | null { return this.num('PrcbData.CurrentThread'); }

  /** SelfPcr and Prcb point back into this KPCR: the block is what it claims to be. */
  looksValid(): boolean {
    return this.selfPcr === this.address && this.prcbPointer === this.addressOf('PrcbData');
  }
}
