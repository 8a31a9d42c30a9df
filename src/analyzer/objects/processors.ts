import { hex8 } from '../../common/hex';
import type { TypeTableApi } from '../../symbols/typeTable.api';
import type { VirtualMemory } from '../memory/types';
import type { Kdbg } from './kdbg';
import { Kpcr } from './kpcr';

/** KPCR of processor 0 on x86 (KIP0PCRADDRESS); used when KiProcessorBlock cannot be read. */
export const KIP0_PCR_ADDRESS = 0xffdff000;

export interface ProcessorBlock {
  processor: number;
  kpcr: Kpcr;
  prcb: number;
  /** How it was found. */
  source: 'KiProcessorBlock' | 'fixed';
}

/**
 * Per-processor control blocks: KiProcessorBlock[n] → KPRCB, KPCR = PRCB − offsetof(_KPCR, PrcbData);
 * processor 0 falls back to the fixed 0xFFDFF000 when there is no KDBG or its slot is unreadable.
 */
export function findProcessorBlocks(
  vm: VirtualMemory, types: TypeTableApi, kdbg: Kdbg | undefined, count: number,
): { processors: ProcessorBlock[]; warnings: string[] } {
  const processors: ProcessorBlock[] = [];
  const warnings: string[] = [];
  const table = kdbg?.kiProcessorBlock ?? null;
  const prcbOffset = types.offsetof('_KPCR', 'PrcbData');
  for (let n = 0; n < Math.min(count, 32); n++) {
    const prcb = table ? vm.readU32((table + 4 * n) >>> 0) : null;
    if (prcb) {
      processors.push({ processor: n, kpcr: Kpcr.fromPrcb(vm, types, prcb), prcb, source: 'KiProcessorBlock' });
    } else if (n === 0) {
      processors.push({ processor: 0, kpcr: new Kpcr(vm, types, KIP0_PCR_ADDRESS), prcb: KIP0_PCR_ADDRESS + prcbOffset, source: 'fixed' });
    } else {
      warnings.push(table
        ? `Unable to read KiProcessorBlock[${n}] at ${hex8(table + 4 * n)}`
        : `Cannot get PRCB address for processor ${n}`);
    }
  }
  return { processors, warnings };
}
