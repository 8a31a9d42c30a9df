/**
 * Expression errors in WinDbg's words. The message quotes the input from the failing token on:
 * `? foo+4` → `Couldn't resolve error at 'foo+4'`; `? 1+` → `Syntax error at ''`.
 */
import { KdsimError } from '../../common/errors';

export type ExprErrorKind = 'syntax' | 'resolve' | 'memory' | 'divide' | 'register';

const WORDING: Record<ExprErrorKind, string> = {
  syntax: 'Syntax error',
  resolve: "Couldn't resolve error",
  memory: 'Memory access error',
  divide: 'Divide by zero error',
  register: 'Bad register error',
};

export class ExprError extends KdsimError {
  /** WinDbg's short name of the error ('Syntax error'), for caret lines: `^ Syntax error in '<cmd>'`. */
  readonly what: string;
  constructor(readonly kind: ExprErrorKind, readonly pos: number, readonly input: string) {
    super(kind === 'syntax' ? 'E_SYNTAX' : 'E_COMMAND', `${WORDING[kind]} at '${input.slice(pos).trimEnd()}'`);
    this.what = WORDING[kind];
  }
}
