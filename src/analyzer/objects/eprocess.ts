import type { TypeTableApi } from '../../symbols/typeTable.api';
import type { VirtualMemory } from '../memory/types';
import { EThread } from './kthread';
import { walkList } from './listWalker';
import { asciiz } from './typedView';
import { containingRecord, TypedView } from './typedView';

/** _EPROCESS view: name, id, DTB and its threads. */
export class EProcess extends TypedView {
  constructor(vm: VirtualMemory, types: TypeTableApi, address: number) {
    super(vm, types, '_EPROCESS', address);
  }

  /** ImageFileName (15 chars + NUL); null when unreadable. */
  get imageFileName(): string | null {
    const b = this.bytes('ImageFileName');
    return b ? asciiz(b) : null;
  }
  get uniqueProcessId(): number | null { return this.num('UniqueProcessId'); }
  get parentProcessId(): number | null { return this.num('InheritedFromUniqueProcessId'); }
  /** Pcb.DirectoryTableBase[0]: the process CR3 (PAE: PDPT PA). */
  get directoryTableBase(): number | null { return this.num('Pcb.DirectoryTableBase[0]'); }
  get peb(): number | null { return this.num('Peb'); }
  get objectTable(): number | null { return this.num('ObjectTable'); }
  get activeThreads(): number | null { return this.num('ActiveThreads'); }

  /** Threads linked at ThreadListHead through _ETHREAD.ThreadListEntry. */
  threads(cap?: number): { threads: EThread[]; warning?: string } {
    const walk = walkList(this.vm, this.types, this.addressOf('ThreadListHead'), { what: `thread list of process ${this.address.toString(16)}`, cap });
    const threads = walk.links.map((l) => new EThread(this.vm, this.types,
      containingRecord(this.vm, this.types, '_ETHREAD', 'ThreadListEntry', l).address));
    return walk.warning ? { threads, warning: walk.warning } : { threads };
  }
}

/** Processes linked from PsActiveProcessHead through _EPROCESS.ActiveProcessLinks. */
export function readProcessList(
  vm: VirtualMemory, types: TypeTableApi, psActiveProcessHead: number, cap?: number,
): { processes: EProcess[]; warning?: string } {
  const walk = walkList(vm, types, psActiveProcessHead, { what: 'PsActiveProcessHead', cap });
  const processes = walk.links.map((l) => new EProcess(vm, types,
    containingRecord(vm, types, '_EPROCESS', 'ActiveProcessLinks', l).address));
  return walk.warning ? { processes, warning: walk.warning } : { processes };
}
