import { kernelTypes, type KernelTypes } from '../kernelLayouts';

/** PDB identity of the simulated Server 2003 SP2 x86 PAE MP kernel. */
export const NTKRPAMP_PDB_NAME = 'ntkrpamp.pdb';

/** The build the simulator writes and the analyzer falls back to without a kernel ISF. */
export const NTKRPAMP_BUILD = 'win2003_sp2_x86';

/**
 * The Server 2003 SP2 x86 PAE kernel's types, from the real layouts in the shipped store
 * (symbols/layouts/win2003_sp2_x86.json.gz) with the PAE page-table types. Shared: read-only.
 */
export function ntkrpampTypes(): KernelTypes {
  return kernelTypes(NTKRPAMP_BUILD, { pae: true });
}
