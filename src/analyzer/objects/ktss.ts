import type { X86Registers } from '../../common/x86Registers';
import type { TypeTableApi } from '../../symbols/typeTable.api';
import type { VirtualMemory } from '../memory/types';
import { TypedView } from './typedView';

/** _KTSS view: the x86 hardware TSS (`.tss`, the double-fault backlink). */
export class KTss extends TypedView {
  constructor(vm: VirtualMemory, types: TypeTableApi, address: number) {
    super(vm, types, '_KTSS', address);
  }

  get backlink(): number | null { return this.num('Backlink'); }
  get cr3(): number | null { return this.num('CR3'); }
  get esp0(): number | null { return this.num('Esp0'); }

  /**
   * The register image the CPU saved into this TSS on the task switch (what `.tss` shows), with CR3 for
   * translation; null when any register field is unreadable (the caller prints ????????).
   */
  toRegisters(): X86Registers | null {
    const n = (f: string) => this.num(f);
    const regs = {
      eax: n('Eax'), ebx: n('Ebx'), ecx: n('Ecx'), edx: n('Edx'), esi: n('Esi'), edi: n('Edi'),
      eip: n('Eip'), esp: n('Esp'), ebp: n('Ebp'), efl: n('EFlags'),
      cs: n('Cs'), ss: n('Ss'), ds: n('Ds'), es: n('Es'), fs: n('Fs'), gs: n('Gs'), cr3: n('CR3'),
    };
    if (Object.values(regs).some((v) => v === null)) return null;
    return regs as X86Registers;
  }
}
