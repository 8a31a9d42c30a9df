import type { SessionApi } from '../session/types';

/** A command's answer: the model (for --json) and the text lines WinDbg would print. */
export interface CommandResult<M = unknown> {
  model: M;
  lines: string[];
}

export interface CommandSpec {
  /** Name as typed: 'dd', 'kv', '.tss', '!pcr'. Dispatch takes the longest registered name that prefixes the token. */
  name: string;
  aliases?: string[];
  /** One line for `.help`. */
  summary: string;
  /** `commands` is the registry the line was dispatched through (`.help` lists it). */
  run(session: SessionApi, args: string, invokedAs: string, commands: CommandList): CommandResult | Promise<CommandResult>;
}

/** The commands a session can run, in name order. */
export interface CommandList {
  all(): CommandSpec[];
}
