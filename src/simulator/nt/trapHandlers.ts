/**
 * nt's assembly trap handlers: `_KiTrap08` (the double-fault task's entry: `cli` at 8088b702, points the PCR at
 * the double-fault TSS, marks selector 0x50 available, clears NT and calls KeBugCheckEx(0x7F, 8, old TSS, 0, 0)),
 * `_KiTrap0E` (the page-fault handler; its `mov [ebp+0Ch],edx` sits at +0x5c = 8088c718), the other vectors'
 * handlers, and KiFastCallEntry (the SYSENTER path that called NtDeviceIoControlFile).
 */
import { Instruction } from 'iced-x86';
import { Code, Register, mem } from '../code/asm';
import type { FunctionSpec } from '../code/emitter';
import { enterTrap, trapTails } from './enterTrap';

export const KITRAP08_VA = 0x8088b702;
export const KITRAP0E_VA = 0x8088c6bc;
/** `mov dword ptr [ebp+0Ch],edx` of SET_DEBUG_DATA: _KiTrap0E+0x5c, the blog's faulting instruction. */
export const KITRAP0E_FAULT_VA = 0x8088c718;
/** Vectors whose exceptions push an error code (8, 10–14, 17). */
const HAS_ERROR_CODE = new Set([0x08, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x11]);

const trapFrame = { kind: 'trap' as const, localsBytes: 0, savedRegs: 0, paramBytes: 0 };
const hexName = (v: number): string => `_KiTrap${v.toString(16).toUpperCase().padStart(2, '0')}`;

function genericTrap(vector: number, at?: number): FunctionSpec {
  return {
    name: hexName(vector), at, frame: trapFrame,
    body: (a) => {
      enterTrap(a, HAS_ERROR_CODE.has(vector));
      a.op(Code.Sti);
      a.movRM(Register.ECX, { base: Register.EBP, disp: 0x68 });
      a.movRI(Register.EAX, 0xc0000000 | vector);
      a.call('CommonDispatchException').jmpSelf();
      trapTails(a, 'CommonDispatchException');
    },
  };
}

export function kiTrap08(): FunctionSpec {
  return {
    name: '_KiTrap08', at: KITRAP08_VA, frame: { ...trapFrame, kind: 'tss' },
    body: (a) => {
      a.op(Code.Cli);
      a.movRM(Register.EAX, { disp: 0x40, seg: Register.FS });        // PCR->TSS: the task that faulted (0x28)
      a.movRM(Register.ECX, { disp: 0x3c, seg: Register.FS });        // PCR->GDT
      a.label('prolog');
      a.fixed(Instruction.createRegMem(Code.Mov_r8_rm8, Register.DH, mem({ base: Register.ECX, disp: 0x57 })));
      a.fixed(Instruction.createRegMem(Code.Mov_r8_rm8, Register.DL, mem({ base: Register.ECX, disp: 0x54 })));
      a.fixed(Instruction.createRegU32(Code.Shl_rm32_imm8, Register.EDX, 0x10));
      a.fixed(Instruction.createRegMem(Code.Mov_r16_rm16, Register.DX, mem({ base: Register.ECX, disp: 0x52 })));
      a.movMR({ disp: 0x40, seg: Register.FS }, Register.EDX);         // PCR->TSS = the double-fault TSS
      a.fixed(Instruction.createMemU32(Code.And_rm8_imm8, mem({ base: Register.ECX, disp: 0x55 }), 0xfd)); // 0x50: available
      a.op(Code.Pushfd);
      a.fixed(Instruction.createMemI32(Code.And_rm32_imm32, mem({ base: Register.ESP }), ~0x4000)); // clear EFLAGS.NT
      a.op(Code.Popfd);
      a.pushImm(0).pushImm(0).push(Register.EAX).pushImm(8).pushImm(0x7f);
      a.call('KeBugCheckEx');
      a.label('r0');
      a.jmpSelf();
    },
  };
}

export function kiTrap0E(): FunctionSpec {
  return {
    name: '_KiTrap0E', at: KITRAP0E_VA, anchor: { label: 'setdebug', va: KITRAP0E_FAULT_VA }, frame: trapFrame,
    body: (a) => {
      enterTrap(a, true);
      a.fixed(Instruction.createRegReg(Code.Mov_r32_cr, Register.EDI, Register.CR2));
      a.op(Code.Sti);
      a.push(Register.EBP).pushImm(0).push(Register.EDI);
      a.movRM(Register.EAX, { base: Register.EBP, disp: 0x64 });
      a.andRI(Register.EAX, 2).push(Register.EAX);
      a.call('MmAccessFault');
      a.testRR(Register.EAX, Register.EAX).jcc(Code.Jl_rel32_32, 'raise');
      a.movRR(Register.ESP, Register.EBP).jcc(Code.Jmp_rel32_32, 'exit');
      a.label('raise');
      a.movRR(Register.ECX, Register.EDI).movRI(Register.EAX, 0xc0000005).call('CommonDispatchException');
      a.label('exit');
      a.op(Code.Iretd);
      trapTails(a, 'CommonDispatchException');
    },
  };
}

/** Handlers in address order: 00–07 before _KiTrap08, 09–0D between, 0F–13 after _KiTrap0E. */
export function trapHandlers(): { before08: FunctionSpec[]; between: FunctionSpec[]; after0E: FunctionSpec[] } {
  const range = (lo: number, hi: number): number[] => Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);
  return {
    before08: range(0, 7).map((v, i) => genericTrap(v, i === 0 ? 0x8088a800 : undefined)),
    between: range(9, 0xd).map((v) => genericTrap(v)),
    after0E: range(0xf, 0x13).map((v) => genericTrap(v)),
  };
}

/**
 * KiFastCallEntry: builds the user-mode trap frame at InitialStack − 0x8c, copies the service's arguments
 * below it and `call ebx`; label r0 is the return address (nt!KiFastCallEntry+0x...).
 */
export function kiFastCallEntry(at: number): FunctionSpec {
  return {
    name: 'KiFastCallEntry', at, frame: trapFrame,
    body: (a) => {
      a.movRI(Register.ECX, 0x23).pushImm(0x30).seg(Code.Popd_FS, Register.FS);
      a.fixed(Instruction.createRegReg(Code.Mov_Sreg_rm16, Register.DS, Register.CX));
      a.fixed(Instruction.createRegReg(Code.Mov_Sreg_rm16, Register.ES, Register.CX));
      a.movRM(Register.ECX, { disp: 0x40, seg: Register.FS });
      a.movRM(Register.ESP, { base: Register.ECX, disp: 4 });
      a.pushImm(0x23).push(Register.EDX).op(Code.Pushfd).pushImm(2);
      a.addRI(Register.EDX, 8).op(Code.Popfd);
      a.pushImm(0x1b).pushMem({ disp: 0xffdf0304 | 0 }).pushImm(0);
      a.push(Register.EBP).push(Register.EBX).push(Register.ESI).push(Register.EDI);
      a.movRM(Register.EBX, { disp: 0x1c, seg: Register.FS });
      a.pushImm(0x3b);
      a.movRM(Register.ESI, { base: Register.EBX, disp: 0x124 });
      a.pushMem({ base: Register.EBX });
      a.movMI({ base: Register.EBX }, -1);
      a.movRM(Register.EBP, { base: Register.ESI, disp: 0x18 });
      a.pushImm(1);
      a.subRI(Register.ESP, 0x48);
      a.subRI(Register.EBP, 0x29c);
      a.movRM(Register.EBX, { base: Register.EBP, disp: 0x60 }).movRM(Register.EDI, { base: Register.EBP, disp: 0x68 });
      a.movMR({ base: Register.EBP, disp: 0x0c }, Register.EDX).movMI({ base: Register.EBP, disp: 8 }, 0xbadb0d00);
      a.movMR({ base: Register.EBP }, Register.EBX).movMR({ base: Register.EBP, disp: 4 }, Register.EDI);
      a.op(Code.Sti);
      a.label('prolog');
      a.movRR(Register.EDI, Register.EAX);
      a.fixed(Instruction.createRegU32(Code.Shr_rm32_imm8, Register.EDI, 8));
      a.andRI(Register.EDI, 0x30).movRR(Register.ECX, Register.EDI);
      a.fixed(Instruction.createRegMem(Code.Add_r32_rm32, Register.EDI, mem({ base: Register.ESI, disp: 0xe0 })));
      a.movRR(Register.EBX, Register.EAX).andRI(Register.EAX, 0xfff);
      a.movRM(Register.EBX, { base: Register.EDI, disp: 0x0c });
      a.xorRR(Register.ECX, Register.ECX);
      a.fixed(Instruction.createRegMem(Code.Mov_r8_rm8, Register.CL, mem({ base: Register.EAX, index: Register.EBX, scale: 1 })));
      a.movRM(Register.EDI, { base: Register.EDI });
      a.movRM(Register.EBX, { base: Register.EDI, index: Register.EAX, scale: 4 });
      a.subRR(Register.ESP, Register.ECX);
      a.fixed(Instruction.createRegU32(Code.Shr_rm32_imm8, Register.ECX, 2));
      a.movRR(Register.EDI, Register.ESP);
      a.fixed(Instruction.createRepMovsd(32));
      a.fixed(Instruction.createReg(Code.Call_rm32, Register.EBX));
      a.label('r0');
      a.movRR(Register.ESP, Register.EBP);
      a.fixed(Instruction.create(Code.Sysexitd));
    },
  };
}

/** The common exception dispatch the generic handlers call (EAX = status, ECX = address). */
export function commonDispatchException(): FunctionSpec {
  return {
    name: 'CommonDispatchException', frame: { kind: 'fpo', localsBytes: 0x50, savedRegs: 0, paramBytes: 0 },
    body: (a) => {
      a.subRI(Register.ESP, 0x50);
      a.label('prolog');
      a.movMR({ base: Register.ESP }, Register.EAX).movMR({ base: Register.ESP, disp: 0x0c }, Register.ECX);
      a.pushImm(1).push(Register.EBP).pushImm(0);
      a.lea(Register.ECX, { base: Register.ESP, disp: 0x0c }).push(Register.ECX);
      a.call('KiDispatchException');
      a.label('r0');
      a.jmpSelf();
    },
  };
}
