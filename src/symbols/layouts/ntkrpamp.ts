import type { IsfFile } from '../isf';
import { parseLayouts } from './dtSyntax';
import { COMMON_LAYOUTS } from './ntkrpamp/common';
import { PROCESS_LAYOUTS } from './ntkrpamp/processes';
import { PROCESSOR_LAYOUTS } from './ntkrpamp/processor';
import { TASK_LAYOUTS } from './ntkrpamp/tasks';
import { THREAD_LAYOUTS } from './ntkrpamp/threads';

/** PDB identity of the shipped Server 2003 SP2 x86 PAE MP kernel types. */
export const NTKRPAMP_PDB_NAME = 'ntkrpamp.pdb';

let cached: Pick<IsfFile, 'base_types' | 'user_types' | 'enums'> | undefined;

/**
 * The one layout source of the Server 2003 SP2 x86 PAE kernel, as ISF types. Returns a fresh deep copy
 * each call so a caller that edits its ISF cannot change another's.
 */
export function ntkrpampTypes(): Pick<IsfFile, 'base_types' | 'user_types' | 'enums'> {
  cached ??= parseLayouts([COMMON_LAYOUTS, PROCESSOR_LAYOUTS, TASK_LAYOUTS, THREAD_LAYOUTS, PROCESS_LAYOUTS]);
  return structuredClone(cached);
}
