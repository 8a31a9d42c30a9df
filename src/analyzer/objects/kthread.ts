import type { TypeTableApi } from '../../symbols/typeTable.api';
import type { VirtualMemory } from '../memory/types';
import { KTrapFrame } from './ktrapFrame';
import { TypedView } from './typedView';

/** _KTHREAD view: stack bounds, state, owning and attached process. */
export class KThread extends TypedView {
  constructor(vm: VirtualMemory, types: TypeTableApi, address: number, typeName = '_KTHREAD') {
    super(vm, types, typeName, address);
  }
  /** Paths relative to _KTHREAD, also when this view is an _ETHREAD (Tcb at offset 0 is still looked up). */
  protected k(path: string): string { return this.typeName === '_KTHREAD' ? path : `Tcb.${path}`; }

  get stackBase(): number | null { return this.num(this.k('StackBase')); }
  get stackLimit(): number | null { return this.num(this.k('StackLimit')); }
  get initialStack(): number | null { return this.num(this.k('InitialStack')); }
  get kernelStack(): number | null { return this.num(this.k('KernelStack')); }
  get state(): number | null { return this.num(this.k('State')); }
  get teb(): number | null { return this.num(this.k('Teb')); }
  get priority(): number | null { return this.num(this.k('Priority')); }
  get basePriority(): number | null { return this.num(this.k('BasePriority')); }
  get waitTime(): number | null { return this.num(this.k('WaitTime')); }
  get kernelTime(): number | null { return this.num(this.k('KernelTime')); }
  get userTime(): number | null { return this.num(this.k('UserTime')); }
  get contextSwitches(): number | null { return this.num(this.k('ContextSwitches')); }
  get largeStack(): number | null { return this.num(this.k('LargeStack')); }
  /** Owning process (_KPROCESS = _EPROCESS.Pcb at offset 0). */
  get process(): number | null { return this.num(this.k('Process')); }
  /** Current (attached) process: ApcState.Process. */
  get attachedProcess(): number | null { return this.num(this.k('ApcState.Process')); }
  get trapFramePointer(): number | null { return this.num(this.k('TrapFrame')); }

  trapFrame(): KTrapFrame | null {
    const p = this.trapFramePointer;
    return p ? new KTrapFrame(this.vm, this.types, p) : null;
  }
}

/** _ETHREAD view: KThread plus the executive fields (Cid, start address, process back pointer). */
export class EThread extends KThread {
  constructor(vm: VirtualMemory, types: TypeTableApi, address: number) {
    super(vm, types, address, '_ETHREAD');
  }
  get uniqueProcess(): number | null { return this.num('Cid.UniqueProcess'); }
  get uniqueThread(): number | null { return this.num('Cid.UniqueThread'); }
  get startAddress(): number | null { return this.num('StartAddress'); }
  get win32StartAddress(): number | null { return this.num('Win32StartAddress'); }
  get threadsProcess(): number | null { return this.num('ThreadsProcess'); }
}
