/**
 * The symbol and instruction lines under a register display, from the disassembler. It is required here, at
 * the first register display, so a session that never shows one never loads iced-x86. A missing or failing
 * disassembler leaves the register lines alone (no invented text).
 */
import type { X86Registers } from '../../common/x86Registers';
import type { SessionApi } from './types';
import { segmentBase } from './processorState';

type Disasm = {
  currentInstructionLines(vm: SessionApi['vm'], symbols: SessionApi['symbols'], regs: X86Registers,
    segmentBase?: (segment: 'fs' | 'gs', selector: number) => number | undefined): string[];
};

let disasm: Disasm | null | undefined;

function loadDisasm(): Disasm | null {
  if (disasm === undefined) {
    try {
      // eslint-disable-next-line @typescript-eslint/no-var-requires
      disasm = require('../disasm') as Disasm;
    } catch {
      disasm = null;
    }
  }
  return disasm;
}

export function instructionLines(session: SessionApi, regs: X86Registers): string[] | undefined {
  const d = loadDisasm();
  if (!d) return undefined;
  const vm = regs.cr3 && regs.cr3 !== session.dump.kernelVm.dtb ? session.dump.kernelVm.withDtb(regs.cr3) : session.dump.kernelVm;
  try {
    return d.currentInstructionLines(vm, session.symbols, regs, (_seg, sel) => segmentBase(session, session.processor, sel));
  } catch {
    return undefined;
  }
}
