/**
 * A small assembler over iced-x86's Instruction factories: every instruction is built by iced-x86 and encoded by
 * its Encoder, never by hand. Symbolic operands (functions, import slots, labels) are resolved when the module
 * is laid out; every encoding used here has a size that does not depend on the resolved value, so a first pass
 * can measure and a second pass can encode.
 */
import { Code, Instruction, MemoryOperand, Register } from 'iced-x86';

export { Code, Register };

/** Resolves a symbolic name to a virtual address at encoding time. */
export type Resolve = (name: string) => number;

export type AsmItem =
  | { kind: 'ins'; build: (resolve: Resolve, rip: number) => Instruction; note?: string }
  | { kind: 'label'; name: string };

export interface Mem { base?: Register; index?: Register; scale?: number; disp?: number; seg?: Register }

/** A memory operand; displacement size as MSVC would pick it (none, disp8, disp32). */
export function mem(m: Mem): MemoryOperand {
  const base = m.base ?? Register.None;
  const disp = m.disp ?? 0;
  let size = 4;
  if (base !== Register.None) size = disp === 0 && base !== Register.EBP ? 0 : disp >= -128 && disp <= 127 ? 1 : 4;
  return new MemoryOperand(base, m.index ?? Register.None, m.scale ?? 1, BigInt(disp), size, false, m.seg ?? Register.None);
}

const fits8 = (v: number): boolean => v >= -128 && v <= 127;

/** Instruction list of one function body, with labels (label names are local to the function). */
export class Asm {
  readonly items: AsmItem[] = [];

  ins(build: (resolve: Resolve, rip: number) => Instruction): this {
    this.items.push({ kind: 'ins', build });
    return this;
  }

  fixed(i: Instruction): this {
    return this.ins(() => i);
  }

  label(name: string): this {
    this.items.push({ kind: 'label', name });
    return this;
  }

  push(r: Register): this { return this.fixed(Instruction.createReg(Code.Push_r32, r)); }
  pop(r: Register): this { return this.fixed(Instruction.createReg(Code.Pop_r32, r)); }
  pushImm(v: number): this {
    return this.fixed(fits8(v | 0) ? Instruction.createI32(Code.Pushd_imm8, v | 0) : Instruction.createI32(Code.Pushd_imm32, v | 0));
  }
  /** `push offset sym` (always imm32). */
  pushSym(sym: string): this { return this.ins((r) => Instruction.createI32(Code.Pushd_imm32, r(sym) | 0)); }
  pushMem(m: Mem): this { return this.fixed(Instruction.createMem(Code.Push_rm32, mem(m))); }
  movRR(d: Register, s: Register): this { return this.fixed(Instruction.createRegReg(Code.Mov_r32_rm32, d, s)); }
  movRM(d: Register, m: Mem): this { return this.fixed(Instruction.createRegMem(Code.Mov_r32_rm32, d, mem(m))); }
  movMR(m: Mem, s: Register): this { return this.fixed(Instruction.createMemReg(Code.Mov_rm32_r32, mem(m), s)); }
  movRI(d: Register, v: number): this { return this.fixed(Instruction.createRegU32(Code.Mov_r32_imm32, d, v >>> 0)); }
  movMI(m: Mem, v: number): this { return this.fixed(Instruction.createMemI32(Code.Mov_rm32_imm32, mem(m), v | 0)); }
  movzxRM8(d: Register, m: Mem): this { return this.fixed(Instruction.createRegMem(Code.Movzx_r32_rm8, d, mem(m))); }
  lea(d: Register, m: Mem): this { return this.fixed(Instruction.createRegMem(Code.Lea_r32_m, d, mem(m))); }
  subRI(d: Register, v: number): this {
    return this.fixed(Instruction.createRegI32(fits8(v) ? Code.Sub_rm32_imm8 : Code.Sub_rm32_imm32, d, v));
  }
  addRI(d: Register, v: number): this {
    return this.fixed(Instruction.createRegI32(fits8(v) ? Code.Add_rm32_imm8 : Code.Add_rm32_imm32, d, v));
  }
  andRI(d: Register, v: number): this {
    return this.fixed(Instruction.createRegI32(fits8(v | 0) ? Code.And_rm32_imm8 : Code.And_rm32_imm32, d, v | 0));
  }
  andMI(m: Mem, v: number): this {
    return this.fixed(Instruction.createMemI32(fits8(v | 0) ? Code.And_rm32_imm8 : Code.And_rm32_imm32, mem(m), v | 0));
  }
  subRR(d: Register, s: Register): this { return this.fixed(Instruction.createRegReg(Code.Sub_r32_rm32, d, s)); }
  xorRR(d: Register, s: Register): this { return this.fixed(Instruction.createRegReg(Code.Xor_r32_rm32, d, s)); }
  testRR(d: Register, s: Register): this { return this.fixed(Instruction.createRegReg(Code.Test_rm32_r32, d, s)); }
  cmpMI(m: Mem, v: number): this {
    return this.fixed(Instruction.createMemI32(fits8(v) ? Code.Cmp_rm32_imm8 : Code.Cmp_rm32_imm32, mem(m), v));
  }
  /** `call sym` (rel32). */
  call(sym: string): this { return this.ins((r) => Instruction.createBranch(Code.Call_rel32_32, BigInt(r(sym) >>> 0))); }
  /** `call dword ptr [sym]` (an import address table slot). */
  callImport(slot: string): this {
    return this.ins((r) => Instruction.createMem(Code.Call_rm32, mem({ disp: r(slot) | 0 })));
  }
  callMem(m: Mem): this { return this.fixed(Instruction.createMem(Code.Call_rm32, mem(m))); }
  /** Conditional or unconditional branch to a label of this function (rel32 forms: fixed size). */
  jcc(code: Code, label: string): this {
    return this.ins((r) => Instruction.createBranch(code, BigInt(r(`.${label}`) >>> 0)));
  }
  jmp(label: string): this { return this.jcc(Code.Jmp_rel32_32, label); }
  /** `jmp $` — the spin after a call that never returns. */
  jmpSelf(): this { return this.ins((_r, rip) => Instruction.createBranch(Code.Jmp_rel8_32, BigInt(rip))); }
  ret(popBytes = 0): this {
    return this.fixed(popBytes ? Instruction.createI32(Code.Retnd_imm16, popBytes) : Instruction.create(Code.Retnd));
  }
  leave(): this { return this.fixed(Instruction.create(Code.Leaved)); }
  op(code: Code): this { return this.fixed(Instruction.create(code)); }
  /** push/pop of a segment register (`push fs`, `pop fs`). */
  seg(code: Code, r: Register): this { return this.fixed(Instruction.createReg(code, r)); }
}
