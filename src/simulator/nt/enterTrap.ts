/**
 * The prologue every nt trap handler shares (ENTER_TRAP as published for Server 2003 SP1, plus the SP2 check of
 * the current thread): push the register state into a KTRAP_FRAME, switch DS/ES to 0x23 and FS to the PCR,
 * `sub esp, 30h`, `mov ebp, esp`. `mov ax, 23h` is why EAX reads b8ae0023 in the blog's task 0x28 (puzzle 4).
 */
import { Instruction } from 'iced-x86';
import { Asm, Code, Register, mem } from '../code/asm';

export function enterTrap(a: Asm, hasErrorCode: boolean): Asm {
  if (hasErrorCode) a.fixed(Instruction.createMemI32(Code.Mov_rm16_imm16, mem({ base: Register.ESP, disp: 2 }), 0));
  else a.pushImm(0);
  a.push(Register.EBP).push(Register.EBX).push(Register.ESI).push(Register.EDI);
  a.seg(Code.Pushd_FS, Register.FS);
  a.movRI(Register.EBX, 0x30);
  a.fixed(Instruction.createRegReg(Code.Mov_Sreg_rm16, Register.FS, Register.BX));
  a.pushMem({ disp: 0, seg: Register.FS });
  a.pushImm(-1);
  a.push(Register.EAX).push(Register.ECX).push(Register.EDX);
  a.seg(Code.Pushd_DS, Register.DS).seg(Code.Pushd_ES, Register.ES).seg(Code.Pushd_GS, Register.GS);
  a.fixed(Instruction.createRegI32(Code.Mov_r16_imm16, Register.AX, 0x23));
  a.subRI(Register.ESP, 0x30);
  a.fixed(Instruction.createRegReg(Code.Mov_Sreg_r32m16, Register.DS, Register.EAX));
  a.fixed(Instruction.createRegReg(Code.Mov_Sreg_r32m16, Register.ES, Register.EAX));
  a.movRR(Register.EBP, Register.ESP);
  a.fixed(Instruction.createMemU32(Code.Test_rm32_imm32, mem({ base: Register.ESP, disp: 0x70 }), 0x20000));
  a.jcc(Code.Jne_rel32_32, 'v86');
  a.op(Code.Cld);
  // SP2: the current thread in ECX, then the PCR's debug-active byte (0 → ZF=1, PF=1: EFLAGS 0x46 in task 0x28).
  a.movRM(Register.ECX, { disp: 0x124, seg: Register.FS });
  a.fixed(Instruction.createMemU32(Code.Test_rm8_imm8, mem({ disp: 0x50, seg: Register.FS }), 0xff));
  a.jcc(Code.Jne_rel32_32, 'dbg');
  // SET_DEBUG_DATA: the trap frame doubles as an EBP frame.
  a.movRM(Register.EBX, { base: Register.EBP, disp: 0x60 });
  a.movRM(Register.EDI, { base: Register.EBP, disp: 0x68 });
  a.label('setdebug');
  a.movMR({ base: Register.EBP, disp: 0x0c }, Register.EDX);
  a.movMI({ base: Register.EBP, disp: 0x08 }, 0xbadb0d00);
  a.movMR({ base: Register.EBP, disp: 0 }, Register.EBX);
  a.movMR({ base: Register.EBP, disp: 4 }, Register.EDI);
  a.label('prolog');
  return a;
}

/** The out-of-line paths enterTrap branches to (V86 and debug-register save), placed at the handler's end. */
export function trapTails(a: Asm, dispatcher: string): Asm {
  a.label('v86').label('dbg');
  a.pushImm(0).call(dispatcher).jmpSelf();
  return a;
}
