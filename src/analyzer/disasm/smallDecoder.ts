/**
 * A small, exact 32-bit decoder for the everyday integer instructions a faulting eip points at (`mov`, `push`,
 * `pop`, ALU ops on r/m32, `lea`, `call`/`jmp` rel32, `ret`, ...), so the two instruction lines of `!analyze -v`
 * and the register display do not compile iced-x86's WebAssembly (~60 ms) for one instruction. It answers only
 * for encodings it knows completely (no prefixes, 32-bit operands) and returns undefined for everything else,
 * which then goes to iced. Its text is iced's MASM text as masmFormatter() sets it up; instruction.test.ts
 * cross-checks both on random encodings, as callSite.test.ts does for the call-site decoder.
 */
import type { Flow, MemoryOperand } from './instruction';

export type RawOperand =
  | { kind: 'register' | 'immediate'; text: string }
  /** An imm32 that may name a symbol (`offset nt!X (…)`). */
  | { kind: 'immediate32'; text: string; value: number }
  | { kind: 'branch'; text: string; target: number }
  | { kind: 'memory'; text: string; memory: MemoryOperand };

export interface RawInstruction {
  length: number;
  mnemonic: string;
  operands: RawOperand[];
  flow: Flow;
  target?: number;
}

const R32 = ['eax', 'ecx', 'edx', 'ebx', 'esp', 'ebp', 'esi', 'edi'];
const ALU = ['add', 'or', 'adc', 'sbb', 'and', 'sub', 'xor', 'cmp'];
const JCC = ['jo', 'jno', 'jb', 'jae', 'je', 'jne', 'jbe', 'ja', 'js', 'jns', 'jp', 'jnp', 'jl', 'jge', 'jle', 'jg'];
const FF_FORMS: ([string, Flow] | undefined)[] = [['inc', 'next'], ['dec', 'next'], ['call', 'indirectCall'], undefined,
  ['jmp', 'indirectBranch'], undefined, ['push', 'next'], undefined];

/** iced's MASM number: 0-9 in decimal, else upper-case hex, `h` suffix, a leading 0 before a letter digit. */
export function masmNumber(v: number): string {
  v >>>= 0;
  if (v <= 9) return String(v);
  const h = v.toString(16).toUpperCase();
  return `${/^[A-F]/.test(h) ? '0' : ''}${h}h`;
}

const reg = (r: number): RawOperand => ({ kind: 'register', text: R32[r] });

/** Decodes `bytes` (only the readable prefix) at `address`, or undefined when the encoding is not one it knows. */
export function decodeSmall(bytes: Uint8Array, address: number): RawInstruction | undefined {
  const op = bytes[0];
  if (op === undefined) return undefined;
  const one = (mnemonic: string, operands: RawOperand[] = [], flow: Flow = 'next'): RawInstruction =>
    ({ length: 1, mnemonic, operands, flow });
  if (op >= 0x50 && op <= 0x57) return one('push', [reg(op - 0x50)]);
  if (op >= 0x58 && op <= 0x5f) return one('pop', [reg(op - 0x58)]);
  if (op === 0x90) return one('nop');
  if (op === 0xc3) return one('ret', [], 'return');
  if (op === 0xfa) return one('cli');
  if (op === 0xfb) return one('sti');
  if (op === 0xcc) return one('int', [{ kind: 'immediate', text: '3' }], 'interrupt');
  if (op === 0xe8 || op === 0xe9) {
    if (bytes.length < 5) return undefined;
    const target = (address + 5 + dword(bytes, 1)) >>> 0;
    return { length: 5, mnemonic: op === 0xe8 ? 'call' : 'jmp', operands: [{ kind: 'branch', text: '', target }],
      flow: op === 0xe8 ? 'call' : 'branch', target };
  }
  if (op === 0x6a) {
    if (bytes.length < 2) return undefined;
    return { length: 2, mnemonic: 'push', operands: [{ kind: 'immediate', text: masmNumber((bytes[1] << 24) >> 24) }], flow: 'next' };
  }
  if (op === 0x68) {
    if (bytes.length < 5) return undefined;
    const value = dword(bytes, 1) >>> 0;
    return { length: 5, mnemonic: 'push', operands: [{ kind: 'immediate32', text: masmNumber(value), value }], flow: 'next' };
  }
  if ((op >= 0x70 && op <= 0x7f) || op === 0xeb) {
    if (bytes.length < 2) return undefined;
    const target = (address + 2 + ((bytes[1] << 24) >> 24)) >>> 0;
    return { length: 2, mnemonic: op === 0xeb ? 'jmp' : JCC[op - 0x70], operands: [{ kind: 'branch', text: '', target }],
      flow: op === 0xeb ? 'branch' : 'condBranch', target };
  }
  if (op === 0xff) {
    // inc, dec, call, jmp, push on r/m32 (the far forms /3 and /5 are left to iced)
    const m = modrm(bytes, 1, true);
    const form = m && FF_FORMS[m.reg];
    if (!m || !form) return undefined;
    return { length: m.end, mnemonic: form[0], operands: [m.rm], flow: form[1] };
  }
  if (op >= 0xb8 && op <= 0xbf) {
    if (bytes.length < 5) return undefined;
    const value = dword(bytes, 1) >>> 0;
    return { length: 5, mnemonic: 'mov', operands: [reg(op - 0xb8), { kind: 'immediate32', text: masmNumber(value), value }], flow: 'next' };
  }
  // ALU r/m32,r32 (x1) and r32,r/m32 (x3); mov 89/8b; test 85; lea 8d
  const aluRow = op >> 3;
  let mnemonic: string | undefined;
  let toReg = false;
  if (op < 0x40 && (op & 7) === 1) mnemonic = ALU[aluRow];
  else if (op < 0x40 && (op & 7) === 3) { mnemonic = ALU[aluRow]; toReg = true; }
  else if (op === 0x89) mnemonic = 'mov';
  else if (op === 0x8b) { mnemonic = 'mov'; toReg = true; }
  else if (op === 0x85) mnemonic = 'test';
  else if (op === 0x8d) { mnemonic = 'lea'; toReg = true; }
  if (mnemonic) {
    const m = modrm(bytes, 1, mnemonic !== 'lea');
    if (!m || (mnemonic === 'lea' && m.rm.kind !== 'memory')) return undefined;
    const r = reg(m.reg);
    return { length: m.end, mnemonic, operands: toReg ? [r, m.rm] : [m.rm, r], flow: 'next' };
  }
  if (op === 0x83 || op === 0x81 || op === 0xc7) {
    const m = modrm(bytes, 1, true);
    if (!m || (op === 0xc7 && m.reg !== 0)) return undefined;
    const immLen = op === 0x83 ? 1 : 4;
    if (bytes.length < m.end + immLen) return undefined;
    const value = (op === 0x83 ? (bytes[m.end] << 24) >> 24 : dword(bytes, m.end)) >>> 0;
    const imm: RawOperand = op === 0x83 ? { kind: 'immediate', text: masmNumber(value) } : { kind: 'immediate32', text: masmNumber(value), value };
    return { length: m.end + immLen, mnemonic: op === 0xc7 ? 'mov' : ALU[m.reg], operands: [m.rm, imm], flow: 'next' };
  }
  return undefined;
}

function dword(b: Uint8Array, at: number): number {
  return b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24);
}

/**
 * ModRM (and SIB) with 32-bit addressing. Absolute forms (no base register) are left to iced: their text
 * carries a segment and the symbol rules of instruction.ts's memoryText.
 */
function modrm(b: Uint8Array, at: number, sized: boolean): { reg: number; rm: RawOperand; end: number } | undefined {
  if (b.length <= at) return undefined;
  const mod = b[at] >> 6;
  const regField = (b[at] >> 3) & 7;
  const rmField = b[at] & 7;
  if (mod === 3) return { reg: regField, rm: reg(rmField), end: at + 1 };
  let p = at + 1;
  let base = rmField;
  let index: number | undefined;
  let scale = 1;
  if (rmField === 4) {
    if (b.length <= p) return undefined;
    const sib = b[p++];
    scale = 1 << (sib >> 6);
    base = sib & 7;
    index = ((sib >> 3) & 7) === 4 ? undefined : (sib >> 3) & 7;
    if (index === undefined && scale !== 1) return undefined; // a scale without index: iced's text differs
    if (base === 5 && mod === 0) return undefined;
  } else if (rmField === 5 && mod === 0) {
    return undefined;
  }
  let disp = 0;
  if (mod === 1) {
    if (b.length <= p) return undefined;
    disp = (b[p++] << 24) >> 24;
  } else if (mod === 2) {
    if (b.length < p + 4) return undefined;
    disp = dword(b, p);
    p += 4;
  }
  let inner = R32[base];
  if (index !== undefined) inner += `+${R32[index]}${scale > 1 ? `*${scale}` : ''}`;
  if (disp > 0) inner += `+${masmNumber(disp)}`;
  else if (disp < 0) inner += `-${masmNumber(-disp)}`;
  const memory: MemoryOperand = {
    segment: base === 4 || base === 5 ? 'ss' : 'ds', base: R32[base], index: index === undefined ? undefined : R32[index],
    scale: index === undefined ? 1 : scale, displacement: disp >>> 0, size: sized ? 4 : 0,
  };
  return { reg: regField, rm: { kind: 'memory', text: `${sized ? 'dword ptr ' : ''}[${inner}]`, memory }, end: p };
}
