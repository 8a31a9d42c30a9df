/**
 * The damaged-dump warning: WinDbg still opens a dump whose kernel debugger data is gone, and so does kdsim
 * (memory commands work from the header and page tables alone). The KDDEBUGGER_DATA64 block starts with a
 * DBGKD_DEBUG_DATA_HEADER64 whose OwnerTag at +0x10 is 'KDBG' (dump-format.md §4.1).
 */
import type { VirtualMemory } from './types';

const OWNER_TAG_OFFSET = 0x10;
const KDBG_TAG = 0x4742444b; // 'KDBG'
const hex8 = (v: number): string => (v >>> 0).toString(16).padStart(8, '0');

/** One warning line, or undefined when the block is there. */
export function kdbgWarning(vm: VirtualMemory, kdDebuggerDataBlock: number): string | undefined {
  const at = kdDebuggerDataBlock + OWNER_TAG_OFFSET;
  const r = vm.readSparse(at, 4);
  if (r.firstFault) {
    return `WARNING: KdDebuggerDataBlock ${hex8(kdDebuggerDataBlock)} is not readable (${r.firstFault.reason}); kernel lists and symbols may be unavailable`;
  }
  const tag = Buffer.from(r.bytes).readUInt32LE(0);
  if (tag !== KDBG_TAG) {
    return `WARNING: KdDebuggerDataBlock ${hex8(kdDebuggerDataBlock)} has OwnerTag ${hex8(tag)}, not 'KDBG'; kernel debugger data is missing or corrupt`;
  }
  return undefined;
}
