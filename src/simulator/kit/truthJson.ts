/** Ground-truth JSON helpers shared by the scenarios (hex as 8 lowercase digits, docs/simulator.md "Ground truth"). */
import { hex8 } from '../../common/hex';
import type { X86Registers } from '../../common/x86Registers';

/** A register block as truth JSON: every defined register, in the block's own key order. */
export const regsJson = (r: X86Registers): Record<string, string> =>
  Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined).map(([k, v]) => [k, hex8(v as number)]));
