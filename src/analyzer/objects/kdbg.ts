import { hex8 } from '../../common/hex';
import { KDBG_OWNER_TAG, kdbgTypes } from '../../symbols/layouts/kdbg';
import { TypeTable } from '../../symbols/typeTable';
import type { TypeTableApi } from '../../symbols/typeTable.api';
import type { VirtualMemory } from '../memory/types';
import { TypedView } from './typedView';

let kdbgTable: TypeTable | undefined;
/** The KDDEBUGGER_DATA64 layout (its own ISF, like volatility3's kdbg.json). */
export const kdbgTypeTable = (): TypeTableApi => (kdbgTable ??= new TypeTable(kdbgTypes(), 'kdbg'));

/** KDDEBUGGER_DATA64 view; pointer slots are 64-bit, masked to 32 bits here (x86 writes them sign-extended). */
export class Kdbg extends TypedView {
  constructor(vm: VirtualMemory, address: number, types: TypeTableApi = kdbgTypeTable()) {
    super(vm, types, '_KDDEBUGGER_DATA64', address);
  }
  /** Any 64-bit slot by name, masked to 32 bits ('KernBase', 'MmPfnDatabase', ...). */
  pointer(name: string): number | null { return this.u32Of64(name); }
  get ownerTag(): number | null { return this.num('Header.OwnerTag'); }
  get blockSize(): number | null { return this.num('Header.Size'); }
  get kernBase(): number | null { return this.pointer('KernBase'); }
  get psLoadedModuleList(): number | null { return this.pointer('PsLoadedModuleList'); }
  get psActiveProcessHead(): number | null { return this.pointer('PsActiveProcessHead'); }
  get kiProcessorBlock(): number | null { return this.pointer('KiProcessorBlock'); }
  get kiBugcheckData(): number | null { return this.pointer('KiBugcheckData'); }
  get ntBuildLab(): number | null { return this.pointer('NtBuildLab'); }
  get cmNtCSDVersion(): number | null { return this.pointer('CmNtCSDVersion'); }
  get mmPfnDatabase(): number | null { return this.pointer('MmPfnDatabase'); }
  get paeEnabled(): number | null { return this.num('PaeEnabled'); }
}

export type KdbgRead = { ok: true; kdbg: Kdbg } | { ok: false; reason: string };

/**
 * The debugger data block at the header's KdDebuggerDataBlock: checks the 'KDBG' tag and that the block
 * is at least as large as the fields kdsim reads (Server 2003: 0x318).
 */
export function readKdbg(vm: VirtualMemory, address: number): KdbgRead {
  if (!address) return { ok: false, reason: 'KdDebuggerDataBlock is 0 in the dump header' };
  const kdbg = new Kdbg(vm, address >>> 0);
  const tag = kdbg.ownerTag;
  const size = kdbg.blockSize;
  if (tag === null || size === null) return { ok: false, reason: `KDBG at ${hex8(address)} is not readable` };
  if (tag !== KDBG_OWNER_TAG) return { ok: false, reason: `KDBG at ${hex8(address)} has tag ${hex8(tag)}, not 'KDBG'` };
  const needed = kdbg.types.offsetof('_KDDEBUGGER_DATA64', 'KiProcessorBlock') + 8;
  if (size < needed) return { ok: false, reason: `KDBG at ${hex8(address)} is too small (size ${size.toString(16)})` };
  return { ok: true, kdbg };
}
