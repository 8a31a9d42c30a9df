import type { X86Registers } from '../../common/x86Registers';
import type { TypeTableApi } from '../../symbols/typeTable.api';
import type { VirtualMemory } from '../memory/types';
import { TypedView } from './typedView';

/** KGDT_R0_DATA: a kernel-mode trap does not push SS, and the kernel's SS is always this selector. */
const KERNEL_SS = 0x10;
/** SegCs bits kept when the frame is edited (FRAME_EDITED): an edited kernel frame keeps its ESP in TempEsp. */
const FRAME_EDITED = 0xfff8;
const EFLAGS_V86 = 0x20000;

/** _KTRAP_FRAME view (`.trap`). */
export class KTrapFrame extends TypedView {
  constructor(vm: VirtualMemory, types: TypeTableApi, address: number) {
    super(vm, types, '_KTRAP_FRAME', address);
  }

  get errCode(): number | null { return this.num('ErrCode'); }

  /** Kernel-mode trap: the CPU pushed no SS:ESP (SegCs ring 0 and not V86). */
  isKernelMode(): boolean | null {
    const cs = this.num('SegCs');
    const efl = this.num('EFlags');
    return cs === null || efl === null ? null : (cs & 1) === 0 && (efl & EFLAGS_V86) === 0;
  }

  /**
   * Registers at the trap as WinDbg's `.trap` computes them: for a kernel-mode trap ESP is the address of
   * HardwareEsp (where the CPU would have pushed it) unless the frame was edited (TempEsp/TempSegCs).
   */
  toRegisters(): X86Registers | null {
    const n = (f: string) => this.num(f);
    const kernel = this.isKernelMode();
    if (kernel === null) return null;
    let cs = n('SegCs');
    let esp = kernel ? this.addressOf('HardwareEsp') : n('HardwareEsp');
    let ss = kernel ? KERNEL_SS : n('HardwareSegSs');
    if (kernel && cs !== null && (cs & FRAME_EDITED) === 0) {
      cs = n('TempSegCs');
      esp = n('TempEsp');
    }
    const regs = {
      eax: n('Eax'), ebx: n('Ebx'), ecx: n('Ecx'), edx: n('Edx'), esi: n('Esi'), edi: n('Edi'),
      eip: n('Eip'), esp, ebp: n('Ebp'), efl: n('EFlags'),
      cs, ss, ds: n('SegDs'), es: n('SegEs'), fs: n('SegFs'), gs: n('SegGs'),
    };
    if (Object.values(regs).some((v) => v === null)) return null;
    ss = ss! & 0xffff;
    return { ...(regs as X86Registers), ss, cs: regs.cs! & 0xffff, ds: regs.ds! & 0xffff, es: regs.es! & 0xffff,
      fs: regs.fs! & 0xffff, gs: regs.gs! & 0xffff };
  }
}
