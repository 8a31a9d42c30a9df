/**
 * Evaluates a parsed MASM expression over an ExprEnv. As in WinDbg, values are 64-bit inside: arithmetic is
 * unsigned modulo 2^64 (BigInt), and the session's arch turns a result into a target address (the low 32 bits
 * on x86) or prints it (`?`: 8 digits for a 32-bit value, `00000001`00000000` beyond). Failures are ExprErrors
 * quoting the input from the failing node.
 */
import type { ExprNode } from './ast';
import type { ExprEnv, ExprValue } from './env';
import { ExprError } from './errors';
import { SUB_REGISTERS } from './registers';

const u = (v: bigint): bigint => BigInt.asUintN(64, v);
/** A target value (a register, a symbol, a read) as an unsigned 64-bit one. */
const big = (v: number): bigint => BigInt(v < 0 ? v >>> 0 : v);
const bool = (b: boolean): bigint => (b ? 1n : 0n);

export class Evaluator {
  constructor(private readonly env: ExprEnv, private readonly text: string) {}

  evaluateTop(node: ExprNode): ExprValue {
    if (node.kind !== 'segment') {
      const full = this.eval(node);
      return { value: this.env.toAddress(full), full };
    }
    const selector = Number(this.eval(node.selector) & 0xffffn);
    const offset = this.eval(node.offset);
    const base = this.env.segmentBase(selector);
    if (base === undefined) throw new ExprError('syntax', node.pos, this.text);
    const full = u(big(base) + offset);
    return { value: this.env.toAddress(full), full, segment: { selector, offset: this.env.toAddress(offset) } };
  }

  private fail(kind: ExprError['kind'], node: ExprNode): never {
    throw new ExprError(kind, node.pos, this.text);
  }

  eval(node: ExprNode): bigint {
    switch (node.kind) {
      case 'number': return node.value;
      case 'register': return this.register(node);
      case 'pseudo': {
        const v = this.env.pseudo(node.name);
        return v === undefined ? this.fail('register', node) : big(v);
      }
      case 'symbol': {
        const v = this.env.symbol(node.name);
        return v === undefined ? this.fail('resolve', node) : big(v);
      }
      case 'unary': return this.unary(node);
      case 'binary': return this.binary(node);
      case 'segment': return this.evaluateTop(node).full;
    }
  }

  private register(node: Extract<ExprNode, { kind: 'register' }>): bigint {
    const sub = SUB_REGISTERS[node.name];
    const v = this.env.register(sub ? sub[0] : node.name);
    if (v === undefined) this.fail('register', node);
    return sub ? big((v >>> sub[1]) & sub[2]) : big(v);
  }

  private unary(node: Extract<ExprNode, { kind: 'unary' }>): bigint {
    const v = this.eval(node.operand);
    const read = <T>(r: T | null): T => (r === null ? this.fail('memory', node.operand) : r);
    const at = () => this.env.toAddress(v);
    switch (node.op) {
      case '-': return u(-v);
      case '+': return v;
      case 'not': return bool(v === 0n);
      case 'hi': return (v >> 16n) & 0xffffn;
      case 'low': return v & 0xffffn;
      case 'by': return big(read(this.env.readU8(at())));
      case 'wo': return big(read(this.env.readU16(at())));
      case 'dwo': return big(read(this.env.readU32(at())));
      // `poi` reads a pointer of the target (4 bytes on x86).
      case 'poi': return this.env.pointerBits === 64 ? read(this.env.readU64(at())) : big(read(this.env.readU32(at())));
      case 'qwo': return read(this.env.readU64(at()));
    }
  }

  private binary(node: Extract<ExprNode, { kind: 'binary' }>): bigint {
    const a = this.eval(node.left);
    const b = this.eval(node.right);
    switch (node.op) {
      case '+': return u(a + b);
      case '-': return u(a - b);
      case '*': return u(a * b);
      case '/': return b === 0n ? this.fail('divide', node.right) : a / b;
      case 'mod': return b === 0n ? this.fail('divide', node.right) : a % b;
      case '<<': return b >= 64n ? 0n : u(a << b);
      case '>>': return b >= 64n ? 0n : a >> b;
      case '>>>': return u(this.signed(a) >> (b > 63n ? 63n : b));
      case '==': return bool(a === b);
      case '!=': return bool(a !== b);
      case '<': return bool(a < b);
      case '>': return bool(a > b);
      case '<=': return bool(a <= b);
      case '>=': return bool(a >= b);
      case 'and': return a & b;
      case 'xor': return a ^ b;
      case 'or': return a | b;
    }
  }

  /** The signed reading of a value: on a 32-bit target a 32-bit value is sign-extended, as WinDbg keeps it. */
  private signed(v: bigint): bigint {
    return this.env.pointerBits === 32 && v <= 0xffffffffn ? BigInt.asIntN(32, v) : BigInt.asIntN(64, v);
  }
}
