/**
 * `!analyze -v` and `!analyze` text, WinDbg 6.x layout and section order (windbg-output.md §2.1/§2.2): tag
 * lines are `NAME:` + two spaces + value and each is followed by a blank line. The register block under
 * `TSS:` and the FOLLOWUP_IP disassembly are given by the command (the session's `.tss` and disassembler),
 * so they are the same text as `.tss 0x28` and `u`.
 */
import { hex8, hexMin } from '../../common/hex';
import { bugcheckBannerLine } from '../analysis/bugcheckText';
import type { AnalyzeModel, StackTextRow } from '../analysis/analyzeModel';

export interface AnalyzeTextParts {
  /** `.tss <sel>`'s register display (three register lines, symbol line, instruction line). */
  tssLines?: string[];
  /** The instruction line at FOLLOWUP_IP (`<h8> <bytes> <mnemonic> <operands>`). */
  followupInstruction?: string;
}

const STARS = '*'.repeat(79);
const BOX = [STARS, `*${' '.repeat(77)}*`, `*${' '.repeat(24)}Bugcheck Analysis${' '.repeat(36)}*`, `*${' '.repeat(77)}*`, STARS, ''];

export const stackTextLine = (r: StackTextRow): string =>
  `${hex8(r.childEbp)} ${hex8(r.retAddr)} ${r.args.map(hex8).join(' ')} ${r.symbol}`;

/** `StackHog.sys ( StackHog+10e2 )`: the "Probably caused by" text of the banner and of `!analyze`. */
export function probablyCausedBy(m: AnalyzeModel): string | undefined {
  if (!m.blame) return undefined;
  const cause = `${m.blame.imageName} ( ${m.blame.symbol} )`;
  // WinDbg's line as is when kdsim is sure; otherwise it says how sure, and names the other module of a near-tie.
  if (!m.confidence || m.confidence.level === 'high') return cause;
  const tie = m.tieWith ? m.stackUse?.modules.find((x) => x.module === m.tieWith) : undefined;
  return `${cause}${tie ? ` or ${tie.imageName ?? tie.module} (near-tie)` : ''} [confidence: ${m.confidence.level}]`;
}

const FOOTER = ['Followup: MachineOwner', '---------', ''];

export function renderAnalyzeShort(m: AnalyzeModel): string[] {
  const out = [...BOX, 'Use !analyze -v to get detailed debugging information.', '', bugcheckBannerLine(m.bugcheck.code, m.bugcheck.args), ''];
  const cause = probablyCausedBy(m);
  if (cause) out.push(`Probably caused by : ${cause}`, '');
  return [...out, ...FOOTER];
}

export function renderAnalyzeVerbose(m: AnalyzeModel, parts: AnalyzeTextParts = {}): string[] {
  const out: string[] = [...BOX, m.bugcheck.title, ...m.bugcheck.description, 'Arguments:', ...m.bugcheck.argLines, ''];
  out.push('Debugging Details:', '-'.repeat(18), '', '');
  const tag = (name: string, value: string, sep = '  ') => out.push(`${name}:${sep}${value}`, '');
  tag('BUGCHECK_STR', m.bugcheckStr);
  if (m.tss) {
    out.push(`TSS:  ${hex8(m.tss.selector)} -- (.tss 0x${hexMin(m.tss.selector)})`, ...(parts.tssLines ?? []), 'Resetting default scope', '');
  }
  tag('DEFAULT_BUCKET_ID', 'DRIVER_FAULT');
  if (m.thread?.processName) tag('PROCESS_NAME', m.thread.processName);
  if (m.currentIrql !== undefined) tag('CURRENT_IRQL', hexMin(m.currentIrql));
  if (m.lastControlTransfer) tag('LAST_CONTROL_TRANSFER', `from ${hex8(m.lastControlTransfer.from)} to ${hex8(m.lastControlTransfer.to)}`);
  if (m.stackText.length) out.push('STACK_TEXT:  ', ...m.stackText.map(stackTextLine), '', '');
  tag('STACK_COMMAND', m.stackCommand);
  const b = m.blame;
  if (b) {
    out.push('FOLLOWUP_IP: ', b.symbol, ...(parts.followupInstruction ? [parts.followupInstruction] : []), '');
    tag('SYMBOL_STACK_INDEX', hexMin(b.frameIndex));
    tag('SYMBOL_NAME', b.symbol);
    tag('FOLLOWUP_NAME', 'MachineOwner');
    tag('MODULE_NAME', b.module, ' ');
    tag('IMAGE_NAME', b.imageName);
    if (b.timeDateStamp !== undefined) tag('DEBUG_FLR_IMAGE_TIMESTAMP', hex8(b.timeDateStamp));
    tag('FAILURE_BUCKET_ID', m.failureBucketId!);
    tag('BUCKET_ID', m.failureBucketId!);
  }
  if (m.form === 'reconstructed') {
    if (m.summary.length) out.push(...m.summary, '');
    const cause = probablyCausedBy(m);
    if (cause) out.push(`Probably caused by : ${cause}`, '');
  }
  return [...out, ...FOOTER];
}
