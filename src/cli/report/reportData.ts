/**
 * The report's only door to the analyzer: opens the dump, runs the debugger commands a reader would type
 * (`!analyze -v`, `vertarget`, `.tss`, `.trap`) through the command API, and copies their models into the
 * report's own plain model, through the analyzer's front door (src/analyzer/index.ts) only.
 */
import { KdsimError } from '../../common/errors';
import { hex8 } from '../../common/hex';
import type { AnalyzeModel, ExecutedCommand, Session as DebugSession, TargetInfo } from '../../analyzer';
import type { CommandOutput, ReportConfidence, ReportModel, ReportStack, VerdictKind } from './reportModel';

/** The front door, loaded on first use so that `kdsim --help` stays cheap. */
const analyzer = (): typeof import('../../analyzer') => require('../../analyzer');

export interface ReportDataOptions { symbolPaths?: string[]; /** `-y`: replaces the shipped store. */ symbolPath?: string[] }

const PAGE = 0x1000;

/** Opens `path`, builds its report model and closes the dump again. `label` is the file as the page names it. */
export async function loadReportModel(path: string, label: string = path, opts: ReportDataOptions = {}): Promise<ReportModel> {
  const session = analyzer().openDump(path, { symbolPaths: opts.symbolPaths ?? [], ...(opts.symbolPath ? { symbolPath: opts.symbolPath } : {}) });
  try {
    return await reportFromSession(session, label);
  } finally {
    session.dump.close();
  }
}

async function run(session: DebugSession, line: string): Promise<ExecutedCommand> {
  const [done] = await analyzer().runLine(session, line);
  return done;
}

export async function reportFromSession(session: DebugSession, label: string): Promise<ReportModel> {
  const analyze = await run(session, '!analyze -v');
  if (analyze.error || !analyze.model) {
    throw new KdsimError('E_COMMAND', `kdsim: ${label}: !analyze -v failed: ${analyze.lines.join(' ').trim()}`);
  }
  const m = analyze.model as AnalyzeModel;
  const problems: string[] = [];
  const report: ReportModel = {
    file: label,
    verdict: { kind: verdictKind(m), summary: m.summary, ...(m.overflow ? { reason: m.overflow.reason } : {}) },
    bugcheck: {
      code: m.bugcheck.code, title: m.bugcheck.title, args: m.bugcheck.args, argLines: m.bugcheck.argLines,
      description: m.bugcheck.description, bugcheckStr: m.bugcheckStr,
      ...(m.failureBucketId ? { bucketId: m.failureBucketId } : {}),
    },
    processor: session.processor,
    contexts: [],
    problems,
  };
  if (!m.overflow && isDoubleFault(m)) report.verdict.reason = 'double fault, but the interrupted task or its thread\'s stack could not be read';
  const confidence = confidenceOf(m);
  if (confidence) report.verdict.confidence = confidence;
  if (m.thread) {
    report.thread = { thread: m.thread.thread, process: m.thread.process, processImage: m.thread.processName, irql: m.currentIrql };
  }
  if (m.blame) {
    const use = m.stackUse?.modules.find((x) => x.module === m.blame!.module);
    report.culprit = { module: m.blame.module, imageName: m.blame.imageName, symbol: m.blame.symbol, timeDateStamp: m.blame.timeDateStamp,
      ...(use ? { stackBytes: use.bytes, percent: use.percent } : {}) };
  }

  const target = await run(session, 'vertarget');
  if (target.model && !target.error) {
    const { osLine, sessionTime, uptime } = analyzer();
    const t = target.model as TargetInfo;
    report.machine = { osLine: osLine(t), build: t.build, buildLab: t.buildLab, processors: t.processors,
      crashTime: sessionTime(t.systemTime), uptime: uptime(t.systemUpTime) };
  } else problems.push(`vertarget: ${target.lines.join(' ')}`);

  if (m.stackUse) report.stack = stackOf(m);
  if (m.tss) {
    report.contexts.push(await context(session, `.tss 0x${m.tss.selector.toString(16)}`,
      'the interrupted task (the double-fault TSS links back to it): where the thread was when its stack ran out', problems));
  }
  const lead = report.stack?.frames[0];
  if (lead?.trapResidue && lead.kind === 'trap') {
    report.contexts.push(await context(session, `.trap ${hex8(lead.childEbp)}`,
      `${lead.symbol.replace(/\+0x[0-9a-f]+$/, '')}'s trap frame: the code that took the first, ordinary page fault; the rebuilt chain starts here`, problems));
  }
  return report;
}

async function context(session: DebugSession, command: string, why: string, problems: string[]): Promise<CommandOutput & { why: string }> {
  const done = await run(session, command);
  if (done.error) problems.push(`${command}: ${done.lines.join(' ')}`);
  return { command, lines: done.lines, why };
}

const isDoubleFault = (m: AnalyzeModel) => m.bugcheck.code === 0x7f && m.bugcheck.args[0] === 8;

function verdictKind(m: AnalyzeModel): VerdictKind {
  if (m.overflow) return m.overflow.overflow ? 'kernel stack overflow' : 'other';
  return isDoubleFault(m) ? 'unknown' : 'other';
}

/** The analysis' confidence once it carries one (issue 10: `high`/`medium`/`low` and the reasons), on the model or its blame. */
function confidenceOf(m: AnalyzeModel): ReportConfidence | undefined {
  const raw = (m as unknown as { confidence?: unknown }).confidence ?? (m.blame as unknown as { confidence?: unknown } | undefined)?.confidence;
  if (typeof raw === 'string') return { level: raw, reasons: [] };
  if (raw && typeof raw === 'object') {
    const o = raw as { level?: unknown; reasons?: unknown };
    if (typeof o.level === 'string') {
      return { level: o.level, reasons: Array.isArray(o.reasons) ? o.reasons.map((r) => String(r)) : [] };
    }
  }
  return undefined;
}

function stackOf(m: AnalyzeModel): ReportStack {
  const u = m.stackUse!;
  const hasLead = Boolean(u.trapResidue);
  return {
    limit: u.bounds.limit, base: u.bounds.base, initialStack: u.bounds.initialStack, stackBytes: u.stackBytes,
    guard: { from: u.bounds.limit - PAGE, to: u.bounds.limit },
    esp: m.overflow?.esp, cr2: m.overflow?.cr2,
    frames: u.frames.map((f, i) => ({
      index: f.index, childEbp: f.childEbp, retAddr: f.retAddr, pc: f.pc, symbol: f.symbol, module: f.module,
      imageName: f.imageName, frameBytes: f.frameBytes, usedBytes: f.usedBytes, from: f.from, to: f.to, trust: f.trust,
      kind: f.kind, trapResidue: hasLead && i === 0,
    })),
    modules: u.modules.map((x) => ({ module: x.module, imageName: x.imageName, bytes: x.bytes, percent: x.percent })),
    trapResidue: u.trapResidue,
    npx: u.npx,
    unaccounted: u.unaccounted,
    kCommand: `kf = ${hex8(u.kStart.ebp)} ${hex8(u.kStart.esp)} ${hex8(u.kStart.eip)}`,
    blamedFrame: m.blame?.frameIndex,
  };
}
