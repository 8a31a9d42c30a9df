/**
 * `!analyze [-v] [-nostackusage]`: the bugcheck analysis. `-v` prints WinDbg's detailed layout; without it,
 * the short form (the banner's tail). `-nostackusage` keeps WinDbg's own one-walk STACK_TEXT and blame (the
 * training lab's form: on the blog's dump, one nt!_KiTrap0E+0x5c frame, as the blog's WinDbg showed).
 * The `TSS:` register block is what `.tss` prints (the same reader and renderer), and the session's context is put back
 * afterwards ("Resetting default scope").
 */
import { buildAnalyzeModel, type AnalyzeModel } from '../analysis/analyzeModel';
import { loadCallSiteDecoder } from '../disasm/callSite';
import { decodeAt, instructionLine } from '../disasm';
import { probablyCausedBy, renderAnalyzeShort, renderAnalyzeVerbose } from '../render/analyze';
import { analysisTarget } from '../model/analysisTarget';
import { renderRegisterDisplay } from '../render/registers';
import { tssContext } from '../session/contextSources';
import { instructionLines } from '../session/instructionLines';
import { CaretError } from '../session/errors';
import type { CommandResult, CommandSpec } from './types';
import type { SessionApi } from '../session/types';

export interface AnalyzeOptions { verbose: boolean; form: 'reconstructed' | 'windbg' }

export function parseAnalyzeArgs(args: string): AnalyzeOptions {
  const opts: AnalyzeOptions = { verbose: false, form: 'reconstructed' };
  for (const a of args.split(/\s+/).filter(Boolean)) {
    if (a === '-v') opts.verbose = true;
    else if (a === '-nostackusage') opts.form = 'windbg';
    else throw new CaretError('Syntax error');
  }
  return opts;
}

/** The analysis model of the session's dump (for the banner's "Probably caused by" and for tests). */
export async function analyzeSession(session: SessionApi, form: AnalyzeOptions['form'] = 'reconstructed'): Promise<AnalyzeModel> {
  // The banner and `!analyze -v` ask for the same analysis: build it once per session and form.
  const key = `analyze:${form}`;
  const known = session.memo.get(key) as AnalyzeModel | undefined;
  if (known) return known;
  const model = buildAnalyzeModel(analysisTarget(session, await loadCallSiteDecoder()), form);
  session.memo.set(key, model);
  return model;
}

/** The banner's `Probably caused by : <text>` text, e.g. `StackHog.sys ( StackHog+10e2 )`; undefined when nothing is blamed. */
export async function probablyCausedByText(session: SessionApi, form: AnalyzeOptions['form'] = 'reconstructed'): Promise<string | undefined> {
  return probablyCausedBy(await analyzeSession(session, form));
}

/** The `TSS:` block: what `.tss <sel>` prints (registers, then the instruction at eip), then the context as it was. */
function tssDisplay(session: SessionApi, selector: number): string[] | undefined {
  const before = { regs: session.regs, source: session.contextSource };
  try {
    const { regs } = tssContext(session, selector);
    // In the task's context, so that its CR3 maps the instruction line's bytes as `.tss` would.
    session.setContext(regs, 'tss');
    return renderRegisterDisplay({ lastSetContext: false, registers: regs, instruction: instructionLines(session, regs) });
  } catch {
    return undefined;
  } finally {
    session.setContext(before.regs, before.source);
  }
}

function followupInstruction(session: SessionApi, pc: number): string | undefined {
  try {
    return instructionLine(decodeAt(session.dump.kernelVm, session.symbols, pc));
  } catch {
    return undefined;
  }
}

async function runAnalyze(session: SessionApi, args: string): Promise<CommandResult> {
  const opts = parseAnalyzeArgs(args);
  const model = await analyzeSession(session, opts.form);
  if (!opts.verbose) return { model, lines: renderAnalyzeShort(model) };
  const tssLines = model.tss ? tssDisplay(session, model.tss.selector) : undefined;
  const followup = model.blame ? followupInstruction(session, model.blame.pc) : undefined;
  return { model, lines: renderAnalyzeVerbose(model, { tssLines, followupInstruction: followup }) };
}

export const commands: CommandSpec[] = [{
  name: '!analyze',
  summary: '!analyze [-v] [-nostackusage] — bugcheck analysis (-v: detailed; -nostackusage: WinDbg\'s own stack, no reconstruction)',
  run: (session, args) => runAnalyze(session, args),
}];
