/**
 * MASM expression parser (WinDbg precedence, loosest first): `:` (segment) < `or`/`|` < `xor`/`^` < `and`/`&`
 * < comparisons < shifts < `+ -` < `* / mod %` < unary (`- + not hi low by wo dwo qwo poi`) < `( )`/`[ ]`.
 * `parsePrefix` stops at the first token that cannot continue the expression, so commands can read
 * `dps b8ae6000 b8ae9000` as two expressions; `parseExpression` wants the whole text.
 */
import type { BinaryOp, ExprNode, UnaryOp } from './ast';
import { ExprError } from './errors';
import { tokenize, type Token } from './lexer';
import { isRegisterName } from './registers';
import { EXPR_MAX_LENGTH, EXPR_MAX_NESTING, EXPR_MAX_TREE_DEPTH } from '../../common/limits';

const UNARY_WORDS = new Set<UnaryOp>(['not', 'hi', 'low', 'by', 'wo', 'dwo', 'qwo', 'poi']);
const LEVELS: Record<string, BinaryOp>[] = [
  { '|': 'or', or: 'or' },
  { '^': 'xor', xor: 'xor' },
  { '&': 'and', and: 'and' },
  { '=': '==', '==': '==', '!=': '!=', '<': '<', '>': '>', '<=': '<=', '>=': '>=' },
  { '<<': '<<', '>>': '>>', '>>>': '>>>' },
  { '+': '+', '-': '-' },
  { '*': '*', '/': '/', '%': 'mod', mod: 'mod' },
];

export interface ParsedPrefix { node: ExprNode; end: number }

/**
 * Hostile depth (`(((…`, `poi(poi(…`, `1+1+…`, `----…`) would overflow the JS stack in this recursive-descent
 * parser or in the evaluator: past the limits of common/limits.ts the parser stops with WinDbg's
 * `Syntax error at '<rest from the token>'` (WinDbg's MASM evaluator has no separate "too deep" message).
 */

class Parser {
  private i = 0;
  private nesting = 0;
  private readonly toks: Token[];
  /** Tree depth of each node built (1 for a leaf). */
  private readonly depths = new WeakMap<ExprNode, number>();
  constructor(private readonly text: string, private readonly radix: number) {
    if (text.length > EXPR_MAX_LENGTH) throw new ExprError('syntax', EXPR_MAX_LENGTH, text);
    this.toks = tokenize(text);
  }

  private depthOf(n: ExprNode): number { return this.depths.get(n) ?? 1; }
  /** Records `node`'s depth from its children's; past EXPR_MAX_TREE_DEPTH the expression is refused at `pos`. */
  private built<T extends ExprNode>(node: T, pos: number, ...children: ExprNode[]): T {
    const d = 1 + Math.max(0, ...children.map((c) => this.depthOf(c)));
    if (d > EXPR_MAX_TREE_DEPTH) this.fail(pos);
    this.depths.set(node, d);
    return node;
  }
  /** Enters one more level of `( )`, `[ ]` or unary operator at token position `pos`. */
  private enter(pos: number): void { if (++this.nesting > EXPR_MAX_NESTING) this.fail(pos); }

  private peek(): Token { return this.toks[this.i]; }
  private fail(pos = this.peek().pos): never { throw new ExprError('syntax', pos, this.text); }

  /** Where the next unread token starts (end of the text when there is none). */
  position(): number { return this.peek().kind === 'end' ? this.text.length : this.peek().pos; }
  atEnd(): boolean { return this.peek().kind === 'end'; }

  top(): ExprNode {
    const left = this.level(0);
    if (this.peek().kind !== 'colon') return left;
    const pos = this.peek().pos;
    this.i++;
    const offset = this.level(0);
    return this.built({ kind: 'segment', selector: left, offset, pos }, pos, left, offset);
  }

  private binaryOp(level: number): BinaryOp | undefined {
    const t = this.peek();
    if (t.kind !== 'op' && t.kind !== 'word') return undefined;
    return LEVELS[level][t.kind === 'word' ? t.text.toLowerCase() : t.text];
  }

  private level(n: number): ExprNode {
    if (n === LEVELS.length) return this.unary();
    let left = this.level(n + 1);
    for (let op = this.binaryOp(n); op; op = this.binaryOp(n)) {
      const pos = this.peek().pos;
      this.i++;
      const right = this.level(n + 1);
      left = this.built({ kind: 'binary', op, left, right, pos }, pos, left, right);
    }
    return left;
  }

  private unary(): ExprNode {
    const t = this.peek();
    let op: UnaryOp | undefined;
    if (t.kind === 'op' && (t.text === '-' || t.text === '+')) op = t.text;
    else if (t.kind === 'word' && UNARY_WORDS.has(t.text.toLowerCase() as UnaryOp)) op = t.text.toLowerCase() as UnaryOp;
    if (!op) return this.primary();
    this.i++;
    this.enter(t.pos);
    const operand = this.unary();
    this.nesting--;
    return this.built({ kind: 'unary', op, operand, pos: t.pos }, t.pos, operand);
  }

  private primary(): ExprNode {
    const t = this.peek();
    if (t.kind === 'lparen' || t.kind === 'lbracket') {
      this.i++;
      this.enter(t.pos);
      const inner = this.level(0);
      this.nesting--;
      if (this.peek().kind !== (t.kind === 'lparen' ? 'rparen' : 'rbracket')) this.fail();
      this.i++;
      return inner;
    }
    if (t.kind !== 'word') this.fail();
    this.i++;
    return this.word(t);
  }

  private word(t: Token): ExprNode {
    const w = t.text;
    const lower = w.toLowerCase();
    if (lower === '.') return { kind: 'pseudo', name: '$ip', pos: t.pos };
    if (lower.startsWith('@$') || lower.startsWith('$')) return { kind: 'pseudo', name: lower.replace(/^@/, ''), pos: t.pos };
    if (lower.startsWith('@')) return { kind: 'register', name: lower.slice(1), pos: t.pos };
    const n = parseNumber(lower, this.radix);
    if (n === 'invalid') this.fail(t.pos);
    if (n !== undefined) return { kind: 'number', value: n, pos: t.pos };
    if (isRegisterName(lower)) return { kind: 'register', name: lower, pos: t.pos };
    return { kind: 'symbol', name: w, pos: t.pos };
  }
}

const PREFIX_RADIX: Record<string, number> = { '0x': 16, '0n': 10, '0t': 8, '0y': 2 };
const DIGITS = '0123456789abcdef';

/**
 * A MASM number in `radix` (or with a 0x/0n/0t/0y prefix; ` separates the halves of 64-bit values), modulo
 * 2^64 as WinDbg keeps it. undefined = not a number (a name); 'invalid' = a prefix with bad digits.
 */
export function parseNumber(word: string, radix: number): bigint | undefined | 'invalid' {
  let digits = word.replace(/`/g, '');
  let base = radix;
  const prefix = PREFIX_RADIX[digits.slice(0, 2)];
  const prefixed = prefix !== undefined && digits.length >= 2;
  if (prefixed) { base = prefix; digits = digits.slice(2); }
  const valid = digits.length > 0 && [...digits].every((c) => { const d = DIGITS.indexOf(c); return d >= 0 && d < base; });
  if (!valid) return prefixed || /^[0-9]/.test(word) ? 'invalid' : undefined;
  let v = 0n;
  for (const c of digits) v = v * BigInt(base) + BigInt(DIGITS.indexOf(c));
  return BigInt.asUintN(64, v);
}

/** Parses an expression at the start of `text`; `end` is where the first token that cannot continue it begins. */
export function parsePrefix(text: string, radix: number): ParsedPrefix {
  const p = new Parser(text, radix);
  if (p.atEnd()) throw new ExprError('syntax', 0, text);
  const node = p.top();
  return { node, end: p.position() };
}

/** Parses the whole of `text` as one expression. */
export function parseExpression(text: string, radix: number): ExprNode {
  const p = new Parser(text, radix);
  if (p.atEnd()) throw new ExprError('syntax', 0, text);
  const node = p.top();
  if (!p.atEnd()) throw new ExprError('syntax', p.position(), text);
  return node;
}
