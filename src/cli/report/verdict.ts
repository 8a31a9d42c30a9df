/** The verdict in one sentence, from the report model alone (no text of the analyzer is reused or parsed). */
import { hex8 as h8 } from '../../common/hex';
import type { ReportModel } from './reportModel';

export function verdictSentence(m: ReportModel): string {
  const c = m.culprit;
  const who = m.thread ? `thread ${h8(m.thread.thread)}${m.thread.processImage ? ` (${m.thread.processImage})` : ''}` : 'the current thread';
  const bug = `BugCheck 0x${m.bugcheck.code.toString(16).toUpperCase()}${m.bugcheck.code === 0x7f ? `/${m.bugcheck.args[0]}` : ''}`;
  if (m.verdict.kind === 'kernel stack overflow') {
    const size = m.stack ? `its ${m.stack.stackBytes / 1024} KB kernel stack` : 'its kernel stack';
    if (c && c.stackBytes !== undefined) {
      return `Kernel stack overflow (${bug}): ${who} ran out of ${size}, and ${c.imageName} used the most of it ` +
        `(0x${c.stackBytes.toString(16)} bytes, ${c.percent?.toFixed(1)}%; blamed frame ${c.symbol}).`;
    }
    return `Kernel stack overflow (${bug}): ${who} ran out of ${size}; kdsim names no culprit, no return address was found on the stack.`;
  }
  if (m.verdict.kind === 'unknown') {
    return `Double fault (${bug}), but the interrupted task or its thread's stack could not be read, so whether the stack overflowed is unknown.`;
  }
  const why = m.verdict.reason ? `, not a kernel stack overflow (${m.verdict.reason})` : '';
  return `${bug} ${m.bugcheck.title}${why}${c ? `; probably caused by ${c.imageName} (${c.symbol})` : ''}.`;
}
