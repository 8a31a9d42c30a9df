/** MASM expressions: `evaluate` for a whole argument (`?`), `evaluatePrefix` for an address at the start of a command's arguments. */
import type { ExprEnv, ExprValue } from './env';
import { Evaluator } from './evaluator';
import { parseExpression, parsePrefix } from './parser';

export type { ExprEnv, ExprValue } from './env';
export { ExprError } from './errors';
export { parseNumber } from './parser';
export { isRegisterName, registerWidth, CONTEXT_REGISTERS, PROCESSOR_REGISTERS } from './registers';

export function evaluate(text: string, env: ExprEnv): ExprValue {
  return new Evaluator(env, text).evaluateTop(parseExpression(text, env.radix));
}

/** Evaluates the expression at the start of `text`; `rest` is the text after it (leading blanks kept off). */
export function evaluatePrefix(text: string, env: ExprEnv): ExprValue & { rest: string; consumed: number } {
  const { node, end } = parsePrefix(text, env.radix);
  const v = new Evaluator(env, text).evaluateTop(node);
  return { ...v, rest: text.slice(end).trimStart(), consumed: end };
}
