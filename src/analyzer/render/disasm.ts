/**
 * `u`/`ub`/`uf` text: symbol lines (`nt!_KiTrap0E+0x5c:`), instruction lines, an empty line between `uf`'s
 * basic blocks. No effective-address notes here: WinDbg prints those only under the register display.
 */
import { instructionLine } from '../disasm/line';
import type { Listing } from '../disasm/listing';

export function renderListing(l: Listing): string[] {
  const out: string[] = [];
  for (const e of l.entries) {
    if (e.blockStart) out.push('');
    if (e.label !== undefined) out.push(`${e.label}:`);
    out.push(instructionLine(e.ins));
  }
  return out;
}

/** The --json form: addresses and bytes as lowercase hex without 0x. */
export function listingJson(l: Listing): unknown {
  const h8 = (v: number) => (v >>> 0).toString(16).padStart(8, '0');
  return {
    instructions: l.entries.map((e) => ({
      address: h8(e.ins.address),
      label: e.label,
      bytes: e.ins.bytes === null ? null : e.ins.bytes.map((b) => b.toString(16).padStart(2, '0')).join(''),
      mnemonic: e.ins.mnemonic,
      operands: e.ins.operands,
      ...(e.ins.target !== undefined ? { target: h8(e.ins.target) } : {}),
    })),
    next: h8(l.next),
    ...(l.unreadableAt !== undefined ? { unreadableAt: h8(l.unreadableAt) } : {}),
  };
}
