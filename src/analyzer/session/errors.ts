/**
 * Errors that WinDbg reports with a caret under the command (`       ^ Syntax error in 'foo'`): the dispatcher
 * knows the prompt and where the command sits on the line, so commands throw these and it draws the caret.
 */
import { KdsimError } from '../../common/errors';

export class CaretError extends KdsimError {
  /** WinDbg's words before ` in '<command>'`: 'Syntax error', 'Bad register error', 'Range error'... */
  /** `linesBefore`: output the command produced before it failed (a `u` listing up to the unreadable byte). */
  constructor(readonly what: string, readonly linesBefore: string[] = []) {
    super(what === 'Syntax error' ? 'E_SYNTAX' : 'E_COMMAND', what);
    this.name = 'CaretError';
  }
}

/** The caret line: `^` under the last character of `command` as echoed after the prompt. */
export function caretLine(column: number, what: string, command: string): string {
  return `${' '.repeat(Math.max(0, column))}^ ${what} in '${command}'`;
}
