/**
 * The analyzer's front door: open a dump into a session, run WinDbg command lines on it (to models or to text),
 * and what the CLI's banner, `kdsim triage` and `kdsim lab` need (target facts, the `!analyze` model, the
 * command resolver). Nothing outside src/analyzer imports another analyzer file (architecture.test.ts).
 */
import { renderBanner } from './render/target';
import { openSession, type DebugSession, type SessionOptions } from './session/debugSession';
import { targetInfo, type TargetInfo } from './session/targetInfo';
import { analyzeSession, probablyCausedByText } from './commands/analyze.cmd';
import { executeLine, resolveCommand, splitCommands, type ExecutedCommand } from './commands/dispatch';
import { commandRegistry, type Registry } from './commands/registry';
import type { AnalyzeModel } from './analysis/analyzeModel';

export type { DebugSession as Session, ExecutedCommand, Registry, TargetInfo, AnalyzeModel };
export type OpenOptions = SessionOptions;

/** Opens `path` read-only: dump layer, symbols (`symbolPaths` first, then the shipped store), the target's arch. */
export function openDump(path: string, opts: OpenOptions = {}): DebugSession {
  return openSession(path, opts);
}

/** Runs one command line (`;`-separated commands): each command's model, WinDbg's text lines, or its error. */
export function runLine(session: DebugSession, line: string): Promise<ExecutedCommand[]> {
  return executeLine(session, line);
}

/** Runs one command line and answers only the text WinDbg would print after the prompt. */
export async function runLineText(session: DebugSession, line: string): Promise<string[]> {
  return (await runLine(session, line)).flatMap((d) => d.lines);
}

/** Machine, build and uptime facts of the dump (the banner's middle block, `vertarget`). */
export function targetFacts(session: DebugSession): TargetInfo {
  return targetInfo(session);
}

/** The `!analyze` model (built once per session and form; `windbg` is `-nostackusage`'s one-walk form). */
export function analysis(session: DebugSession, form: 'reconstructed' | 'windbg' = 'reconstructed'): Promise<AnalyzeModel> {
  return analyzeSession(session, form);
}

export interface BannerOptions {
  /** The dump as the banner names it (an absolute path, as WinDbg prints). */
  dumpPath: string;
  /** The symbol search path line. */
  symbolPath: string;
}

/** WinDbg's opening banner, the dump's warnings, then "Probably caused by" (when something is blamed) and "Followup". */
export async function bannerLines(session: DebugSession, o: BannerOptions): Promise<string[]> {
  const h = session.dump.header;
  const cause = await probablyCausedByText(session);
  const tail = [...(cause ? [`Probably caused by : ${cause}`, ''] : []), 'Followup: MachineOwner', '---------', ''];
  return [
    ...renderBanner(o.dumpPath, targetInfo(session), { code: h.bugCheckCode, params: h.bugCheckParameters }, o.symbolPath, tail),
    ...session.dump.warnings,
  ];
}

/** The registry of every command, and WinDbg's reading of a line into commands (the lab's matcher uses both). */
export { commandRegistry, resolveCommand, splitCommands };

/** WinDbg's wording of target facts (the banner's and `vertarget`'s lines), for pages that quote them. */
export { osLine, sessionTime, uptime } from './render/target';

/** WinDbg's `;`-separated symbol path (`-y`, `_NT_SYMBOL_PATH`) read into local directories. */
export { parseSymbolPath, serverWarning } from './symbols';
