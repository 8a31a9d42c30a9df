/** `.dumpdebug`: the dump header, its runs, and (when the KDBG block is sound) the KiProcessorBlock table. */
import type { CommandSpec } from './types';
import type { SessionApi } from '../session/types';
import { renderDumpDebug, type DumpDebugModel } from '../render/dumpDebug';

/** KDDEBUGGER_DATA64.KiProcessorBlock (dump-format.md §4.2): a 64-bit slot holding a 32-bit VA. */
const KDBG_KI_PROCESSOR_BLOCK = 0x218;
const KDBG_OWNER_TAG = 0x10;
const KDBG_TAG = 0x4742444b;

function processorBlock(session: SessionApi): DumpDebugModel['processorBlock'] {
  const { kernelVm, header } = session.dump;
  const kdbg = header.kdDebuggerDataBlock;
  if (kernelVm.readU32(kdbg + KDBG_OWNER_TAG) !== KDBG_TAG) return undefined;
  const slot = kernelVm.readU64(kdbg + KDBG_KI_PROCESSOR_BLOCK);
  const address = slot === null ? null : Number(slot & 0xffffffffn); // x86 pointers sit sign-extended in 64-bit slots
  const count = Math.min(header.numberProcessors, 32);
  const entries = Array.from({ length: count }, (_, i) => (address === null ? null : kernelVm.readU32(address + 4 * i)));
  return { address, entries };
}

export const commands: CommandSpec[] = [
  {
    name: '.dumpdebug',
    summary: '.dumpdebug — the dump header (DUMP_HEADER32), its physical memory runs and KiProcessorBlock',
    run(session) {
      const model: DumpDebugModel = { header: session.dump.header, processorBlock: processorBlock(session) };
      return { model, lines: renderDumpDebug(model) };
    },
  },
];
