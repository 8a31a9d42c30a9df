/**
 * MASM expression tokens (WinDbg's default evaluator). Every token keeps its start so that errors can quote
 * "the rest of the input from the bad token" the way WinDbg does (`Couldn't resolve error at 'foo+4'`).
 */
/** 'other' is a character no expression uses (`,`, `"`, `;`): it ends an expression that is part of a command line. */
export type TokenKind = 'word' | 'op' | 'lparen' | 'rparen' | 'lbracket' | 'rbracket' | 'colon' | 'other' | 'end';

export interface Token {
  kind: TokenKind;
  /** Exact text as typed (words keep their case; the evaluator lowercases what is case-insensitive). */
  text: string;
  pos: number;
}

/** Characters of a word: numbers, registers, symbols (`nt!_KiTrap0E`, `@$ip`, `StackHog!Fn`), 64-bit literals with `. */
const WORD_CHAR = /[A-Za-z0-9_$@!.?`#]/;
/** Longest first, so `>>>` wins over `>>` and `<=` over `<`. */
const OPERATORS = ['>>>', '<<', '>>', '==', '!=', '<=', '>=', '+', '-', '*', '/', '%', '&', '|', '^', '<', '>', '='];
const SINGLE: Record<string, TokenKind> = { '(': 'lparen', ')': 'rparen', '[': 'lbracket', ']': 'rbracket', ':': 'colon' };

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === ' ' || c === '\t') { i++; continue; }
    if (SINGLE[c]) { out.push({ kind: SINGLE[c], text: c, pos: i++ }); continue; }
    const op = OPERATORS.find((o) => text.startsWith(o, i));
    // `!` begins an operator only as `!=`; otherwise it belongs to a word (module!name).
    if (op && (c !== '!' || op === '!=')) {
      out.push({ kind: 'op', text: op, pos: i });
      i += op.length;
      continue;
    }
    if (WORD_CHAR.test(c)) {
      const start = i++;
      while (i < text.length && WORD_CHAR.test(text[i]) && !(text[i] === '!' && text[i + 1] === '=')) i++;
      out.push({ kind: 'word', text: text.slice(start, i), pos: start });
      continue;
    }
    out.push({ kind: 'other', text: c, pos: i++ });
  }
  out.push({ kind: 'end', text: '', pos: text.length });
  return out;
}
