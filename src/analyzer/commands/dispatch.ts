/**
 * Runs one command line the way WinDbg reads it: `;` separates commands (not inside quotes); `!name` is an
 * extension (exact name), `.name` a meta-command, anything else the longest registered name that prefixes the
 * text (`kvL200` → kv 'L200', `rcr2` → r 'cr2', `~3s` → ~ '3s'). A failing command prints WinDbg's error text
 * and the line goes on; only `q` stops it.
 */
import { isKdsimError } from '../../common/errors';
import { ExprError } from '../expr';
import { CaretError, caretLine } from '../session/errors';
import { commandRegistry, type Registry } from './registry';
import type { CommandSpec } from './types';
import type { SessionApi } from '../session/types';

export interface ExecutedCommand {
  /** The command as typed (one `;` part, trimmed). */
  text: string;
  /** Registered name that ran, when one matched. */
  name?: string;
  model?: unknown;
  lines: string[];
  /** Set when the command failed; `lines` then holds WinDbg's error text. */
  error?: string;
  /** A kdsim bug (not a user error): the fuzz test and the CLI's exit code care. */
  internal?: boolean;
  quit?: boolean;
}

/** Splits on `;` outside double quotes; keeps each part's offset in the line (for caret columns). */
export function splitCommands(line: string): { text: string; offset: number }[] {
  const parts: { text: string; offset: number }[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i <= line.length; i++) {
    const c = line[i];
    if (c === '"') quoted = !quoted;
    if (i === line.length || (c === ';' && !quoted)) {
      const raw = line.slice(start, i);
      const lead = raw.length - raw.trimStart().length;
      if (raw.trim()) parts.push({ text: raw.trim(), offset: start + lead });
      start = i + 1;
    }
  }
  return parts;
}

/** The command a text names, and its argument text. */
export function resolveCommand(text: string, registry: Registry): { spec: CommandSpec; invokedAs: string; args: string } | undefined {
  if (text.startsWith('!') || text.startsWith('.')) {
    const word = /^[!.][^\s;]*/.exec(text)![0];
    const exact = registry.get(word);
    if (exact) return { spec: exact, invokedAs: word, args: text.slice(word.length).trim() };
    if (text.startsWith('!')) return undefined;
  }
  const hit = registry.longestPrefix(text);
  if (!hit) return undefined;
  return { spec: hit.spec, invokedAs: hit.name, args: text.slice(hit.name.length).trim() };
}

export async function executeLine(session: SessionApi & { prompt(): string }, line: string, registry: Registry = commandRegistry()): Promise<ExecutedCommand[]> {
  const out: ExecutedCommand[] = [];
  const prompt = session.prompt();
  for (const part of splitCommands(line)) {
    const caretColumn = prompt.length + part.offset + part.text.length - 1;
    const done = await executeOne(session, part.text, caretColumn, registry);
    out.push(done);
    if (done.quit) break;
  }
  return out;
}

async function executeOne(session: SessionApi, text: string, caretColumn: number, registry: Registry): Promise<ExecutedCommand> {
  const found = resolveCommand(text, registry);
  if (!found) {
    if (text.startsWith('!')) {
      const name = /^!(\S*)/.exec(text)![1];
      return { text, lines: [`No export ${name} found`], error: 'E_COMMAND' };
    }
    return { text, lines: [caretLine(caretColumn, 'Syntax error', text)], error: 'E_SYNTAX' };
  }
  const { spec, invokedAs, args } = found;
  try {
    const result = await spec.run(session, args, invokedAs, registry);
    return { text, name: spec.name, model: result.model, lines: result.lines, quit: spec.name === 'q' || undefined };
  } catch (e) {
    if (e instanceof CaretError) return { text, name: spec.name, lines: [...e.linesBefore, caretLine(caretColumn, e.what, text)], error: e.code };
    if (e instanceof ExprError || isKdsimError(e)) return { text, name: spec.name, lines: e.message.split('\n'), error: e.code };
    const msg = e instanceof Error ? e.message : String(e);
    return { text, name: spec.name, lines: [`kdsim: internal error in '${text}': ${msg}`], error: 'E_INTERNAL', internal: true };
  }
}
