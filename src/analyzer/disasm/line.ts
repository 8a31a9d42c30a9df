/**
 * WinDbg's instruction line: address, one space, the opcode bytes in a 16-column field (so the mnemonic
 * starts at column 25 in 6.x/10.x; longer byte strings push it right by one space), the mnemonic in 7
 * columns plus a space, then the operands. Unreadable code is `8088c718 ??              ???`.
 */
import { hex2, hex8 } from '../../common/hex';
import type { DisasmInstruction } from './instruction';

export const BYTES_FIELD = 16;
export const MNEMONIC_FIELD = 7;

export function instructionLine(ins: DisasmInstruction, note?: string): string {
  const bytes = ins.bytes === null ? '??' : ins.bytes.map(hex2).join('');
  const text = `${hex8(ins.address)} ${bytes.padEnd(BYTES_FIELD - 1)} ${ins.mnemonic.padEnd(MNEMONIC_FIELD)} ${ins.operands}`;
  return (note ? `${text.trimEnd()} ${note}` : text).trimEnd();
}
