/**
 * The target's architecture, chosen from the dump header: a `PAGEDUMP` header is 32-bit x86 (PAE when its
 * PaeEnabled says so), a `PAGEDU64` header would be x64. Adding x64 means an `x64.ts` beside x86.ts and one
 * case here; nothing else in the analyzer names an architecture.
 */
import { KdsimError } from '../../common/errors';
import type { DumpHeaderModel } from '../dump/types';
import type { ArchName, TargetArch } from './types';
import { X86_NON_PAE, X86_PAE } from './x86';

export function selectArch(header: DumpHeaderModel, override?: ArchName): TargetArch {
  const fromHeader: ArchName = header.validDump === 'DU64' ? 'x64' : 'x86';
  const name = override ?? fromHeader;
  if (name !== fromHeader) {
    throw new KdsimError('E_USAGE', `--arch ${name} does not match the dump (its header is ${fromHeader === 'x64' ? 'PAGEDU64' : 'PAGEDUMP'})`, 2);
  }
  if (name === 'x64') throw new KdsimError('E_UNSUPPORTED', 'x64 (PAGEDU64) dumps are not supported yet: kdsim reads 32-bit x86 kernel dumps');
  return header.paeEnabled ? X86_PAE : X86_NON_PAE;
}
