/**
 * NumberProcessors (header offset 0x24) bounds every per-processor loop (KiProcessorBlock, the bugcheck
 * processor search, `~n`). An x86 KiProcessorBlock has MAX_PROCESSORS_X86 slots, so a larger count is damage:
 * the session uses the cap and the open says so in one warning line.
 */
import { MAX_PROCESSORS_X86 } from '../../common/limits';

export function processorCountWarning(numberProcessors: number): string | undefined {
  if (numberProcessors <= MAX_PROCESSORS_X86) return undefined;
  return `WARNING: NumberProcessors 0x${(numberProcessors >>> 0).toString(16)} in the dump header exceeds the ${MAX_PROCESSORS_X86} an x86 KiProcessorBlock holds; using ${MAX_PROCESSORS_X86}`;
}
