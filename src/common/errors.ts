/**
 * Every user-facing failure is a KdsimError: a stable code, one WinDbg-style line, an exit code,
 * and (where known) where it happened. The CLI prints `message` alone and exits with `exitCode`;
 * it never prints a stack trace.
 */
export type ErrorCode =
  | 'E_USAGE'            // bad CLI arguments
  | 'E_FILE'             // missing, unreadable, not a file
  | 'E_FORMAT'           // dump header or run list invalid
  | 'E_UNSUPPORTED'      // recognised format kdsim does not read yet
  | 'E_MEMORY'           // memory not in the dump / not mapped (when a command cannot go on)
  | 'E_SYMBOLS'          // symbol file missing or invalid
  | 'E_SYNTAX'           // command or expression syntax error
  | 'E_COMMAND'          // unknown command / bad argument
  | 'E_SIMULATE'         // simulator input problem
  | 'E_EXISTS'           // output exists and --force not given
  | 'E_TIMEOUT'          // a dump's analysis exceeded its time budget (triage)
  | 'E_INTERNAL';

export interface ErrorWhere {
  fileOffset?: number;
  pa?: number;
  va?: number;
  level?: string;
  field?: string;
}

export class KdsimError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly exitCode: number = 1,
    readonly where: ErrorWhere = {},
  ) {
    super(message);
    this.name = 'KdsimError';
  }
}

/** Small factory so call sites read like the catalogue in docs/errors.md. */
export const fail = (code: ErrorCode, message: string, where: ErrorWhere = {}, exitCode = 1): never => {
  throw new KdsimError(code, message, exitCode, where);
};

export const isKdsimError = (e: unknown): e is KdsimError => e instanceof KdsimError;
