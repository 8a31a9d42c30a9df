/**
 * Evaluates a parsed MASM expression over an ExprEnv. Arithmetic is unsigned 32-bit (x86 target); `?` shows
 * the signed view. Failures are ExprErrors quoting the input from the failing node.
 */
import type { ExprNode } from './ast';
import type { ExprEnv, ExprValue } from './env';
import { ExprError } from './errors';
import { SUB_REGISTERS } from './registers';

const u = (v: number): number => v >>> 0;

export class Evaluator {
  constructor(private readonly env: ExprEnv, private readonly text: string) {}

  evaluateTop(node: ExprNode): ExprValue {
    if (node.kind !== 'segment') return { value: this.eval(node) };
    const selector = this.eval(node.selector) & 0xffff;
    const offset = this.eval(node.offset);
    const base = this.env.segmentBase(selector);
    if (base === undefined) throw new ExprError('syntax', node.pos, this.text);
    return { value: u(base + offset), segment: { selector, offset } };
  }

  private fail(kind: ExprError['kind'], node: ExprNode): never {
    throw new ExprError(kind, node.pos, this.text);
  }

  eval(node: ExprNode): number {
    switch (node.kind) {
      case 'number': return node.value;
      case 'register': return this.register(node);
      case 'pseudo': {
        const v = this.env.pseudo(node.name);
        return v === undefined ? this.fail('register', node) : u(v);
      }
      case 'symbol': {
        const v = this.env.symbol(node.name);
        return v === undefined ? this.fail('resolve', node) : u(v);
      }
      case 'unary': return this.unary(node);
      case 'binary': return this.binary(node);
      case 'segment': return this.evaluateTop(node).value;
    }
  }

  private register(node: Extract<ExprNode, { kind: 'register' }>): number {
    const sub = SUB_REGISTERS[node.name];
    const v = this.env.register(sub ? sub[0] : node.name);
    if (v === undefined) this.fail('register', node);
    return sub ? (v >>> sub[1]) & sub[2] : u(v);
  }

  private unary(node: Extract<ExprNode, { kind: 'unary' }>): number {
    const v = this.eval(node.operand);
    const read = <T>(r: T | null): T => (r === null ? this.fail('memory', node.operand) : r);
    switch (node.op) {
      case '-': return u(-v);
      case '+': return v;
      case 'not': return v === 0 ? 1 : 0;
      case 'hi': return v >>> 16;
      case 'low': return v & 0xffff;
      case 'by': return read(this.env.readU8(v));
      case 'wo': return read(this.env.readU16(v));
      case 'dwo':
      case 'poi': return u(read(this.env.readU32(v)));
      case 'qwo': return Number(read(this.env.readU64(v)) & 0xffffffffn);
    }
  }

  private binary(node: Extract<ExprNode, { kind: 'binary' }>): number {
    const a = this.eval(node.left);
    const b = this.eval(node.right);
    switch (node.op) {
      case '+': return u(a + b);
      case '-': return u(a - b);
      case '*': return u(Math.imul(a, b));
      case '/': return b === 0 ? this.fail('divide', node.right) : u(Math.floor(a / b));
      case 'mod': return b === 0 ? this.fail('divide', node.right) : u(a % b);
      case '<<': return b >= 32 ? 0 : u(a << b);
      case '>>': return b >= 32 ? 0 : a >>> b;
      case '>>>': return u((a | 0) >> Math.min(b, 31));
      case '==': return a === b ? 1 : 0;
      case '!=': return a !== b ? 1 : 0;
      case '<': return a < b ? 1 : 0;
      case '>': return a > b ? 1 : 0;
      case '<=': return a <= b ? 1 : 0;
      case '>=': return a >= b ? 1 : 0;
      case 'and': return u(a & b);
      case 'xor': return u(a ^ b);
      case 'or': return u(a | b);
    }
  }
}
