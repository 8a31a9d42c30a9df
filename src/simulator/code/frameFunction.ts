/**
 * Compiled-C functions described once as data (frame kind, locals, saved registers, parameters, calls) and
 * turned into both x86 code (here) and stack contents (stack/frameModel.ts), so the bytes on the simulated
 * stack are exactly what this code would have pushed. Prologues follow MSVC 7.1 for kernel code:
 *   ebp: push ebp / mov ebp,esp / sub esp,L / push regs        epilogue: pop regs / leave / ret P
 *   fpo: sub esp,L / push regs (ebx, ebp, esi, edi order)      epilogue: pop regs / add esp,L / ret P
 *   seh: push L / push offset scopetable / call _SEH_prolog    epilogue: call _SEH_epilog / ret P
 */
import { Asm, Code, Register } from './asm';
import type { FunctionSpec } from './emitter';

export type SavedReg = 'ebx' | 'ebp' | 'esi' | 'edi';
export type FnKind = 'ebp' | 'fpo' | 'seh';

/** Where a pushed argument comes from, as the code computes it. */
export type ArgSource =
  | { param: number }          // the caller's own parameter i ([ebp+8+4i] or [esp+...] for FPO)
  | { reg: SavedReg }          // a callee-saved register the function set up
  | { imm: number }
  | { local: number }          // address of a local: ebp-relative offset (negative)
  | { fastcall: 'ecx' | 'edx' };  // a __fastcall function's own register parameter

export interface CallDef {
  /** 'module!function' of the callee; for `dispatch`, documentation only (the target is a run-time pointer). */
  target: string;
  /** direct: call rel32 (same module); import: call [IAT slot]; dispatch: call [esi+eax*4+38h] (IRP dispatch). */
  via: 'direct' | 'import' | 'dispatch';
  args: ArgSource[];
  /** __fastcall: ecx and edx loaded from these before the call (IofCallDriver). */
  fastcall?: [ArgSource, ArgSource];
  /** For a call into nt!IofCallDriver: the dispatch routine the IRP reaches (the device below or above). */
  dispatchTo?: string;
}

export interface FnDef {
  module: string;
  name: string;
  kind: FnKind;
  localsBytes: number;
  saves: SavedReg[];
  paramBytes: number;
  calls: CallDef[];
  /** _alloca of a request-sized buffer: `sub esp, eax` after the prologue (EBP frames only). */
  alloca?: boolean;
  /** An FPO function that borrows EBP as a general register (loads its first parameter into it). */
  borrowsEbp?: boolean;
  /** Bytes of locals the function initializes (from the top of its locals); the rest keeps stale stack data. */
  initializedLocals: number;
  at?: number;
  /** Extra code at a labelled place, for the nt functions whose bodies matter (the probe at 808813d8). */
  special?: (a: Asm) => void;
  anchor?: { label: string; va: number };
}

const R: Record<SavedReg, Register> = { ebx: Register.EBX, ebp: Register.EBP, esi: Register.ESI, edi: Register.EDI };
/** MSVC pushes callee-saved registers in this order. */
export const SAVE_ORDER: SavedReg[] = ['ebx', 'ebp', 'esi', 'edi'];
export const returnLabel = (i: number): string => `r${i}`;
export const importSlot = (module: string, target: string): string => `imp:${module}:${target}`;

/** ESP offset of parameter i inside an FPO body (after locals and saved registers; +4 skips the return address). */
export function fpoParamOffset(def: FnDef, i: number, extraPushed = 0): number {
  return def.localsBytes + 4 * def.saves.length + 4 + 4 * i + extraPushed;
}

function loadArg(a: Asm, def: FnDef, src: ArgSource, into: Register, pushedSoFar: number): void {
  if ('param' in src) {
    if (def.kind === 'fpo') a.movRM(into, { base: Register.ESP, disp: fpoParamOffset(def, src.param, pushedSoFar) });
    else a.movRM(into, { base: Register.EBP, disp: 8 + 4 * src.param });
  } else if ('reg' in src) {
    a.movRR(into, R[src.reg]);
  } else if ('imm' in src) {
    a.movRI(into, src.imm);
  } else if ('fastcall' in src) {
    a.movRR(into, src.fastcall === 'ecx' ? Register.ECX : Register.EDX);
  } else {
    a.lea(into, { base: Register.EBP, disp: src.local });
  }
}

function pushArg(a: Asm, def: FnDef, src: ArgSource, pushedSoFar: number): void {
  if ('param' in src) {
    if (def.kind === 'fpo') a.pushMem({ base: Register.ESP, disp: fpoParamOffset(def, src.param, pushedSoFar) });
    else a.pushMem({ base: Register.EBP, disp: 8 + 4 * src.param });
  } else if ('reg' in src) {
    a.push(R[src.reg]);
  } else if ('imm' in src) {
    a.pushImm(src.imm);
  } else if ('fastcall' in src) {
    a.push(src.fastcall === 'ecx' ? Register.ECX : Register.EDX);
  } else {
    a.lea(Register.EAX, { base: Register.EBP, disp: src.local });
    a.push(Register.EAX);
  }
}

/** The code of a described function. */
export function functionSpec(def: FnDef): FunctionSpec {
  const frameKind = def.kind === 'fpo' ? 'fpo' : 'ebp';
  return {
    name: def.name,
    at: def.at,
    anchor: def.anchor,
    // An SEH frame keeps trylevel, scope table, handler and Next (0x10 bytes) between EBP and its locals.
    frame: { kind: frameKind, localsBytes: def.localsBytes + (def.kind === 'seh' ? 0x10 : 0), savedRegs: def.saves.length, paramBytes: def.paramBytes,
      savedRegisters: [...def.saves] },
    body: (a) => {
      if (def.kind === 'ebp') {
        a.push(Register.EBP).movRR(Register.EBP, Register.ESP);
        if (def.localsBytes) a.subRI(Register.ESP, def.localsBytes);
        def.saves.forEach((r) => a.push(R[r]));
      } else if (def.kind === 'fpo') {
        if (def.localsBytes) a.subRI(Register.ESP, def.localsBytes);
        def.saves.forEach((r) => a.push(R[r]));
      } else {
        a.pushImm(def.localsBytes).pushSym(`${def.name}:scopetable`).call('_SEH_prolog');
        a.label('sehret');
      }
      a.label('prolog');
      // Callee-saved registers get the function's own working values (what the next frame will save).
      if (def.saves.includes('esi') && def.paramBytes > 0) loadArg(a, def, { param: def.paramBytes > 4 ? 1 : 0 }, Register.ESI, 0);
      if (def.saves.includes('edi') && def.kind !== 'fpo') a.lea(Register.EDI, { base: Register.EBP, disp: -Math.min(def.localsBytes, 0x80) });
      if (def.borrowsEbp) loadArg(a, def, { param: 0 }, Register.EBP, 0);
      if (def.kind !== 'fpo' && def.initializedLocals >= 4) a.andMI({ base: Register.EBP, disp: def.kind === 'seh' ? -0x1c : -4 }, 0);
      if (def.alloca) {
        a.movRM(Register.EAX, { base: Register.EBP, disp: 8 + def.paramBytes - 4 });
        a.addRI(Register.EAX, 3).andRI(Register.EAX, -4).subRR(Register.ESP, Register.EAX);
      }
      def.special?.(a);
      def.calls.forEach((c, i) => {
        let pushed = 0;
        for (const src of [...c.args].reverse()) {
          pushArg(a, def, src, pushed);
          pushed += 4;
        }
        if (c.fastcall) {
          loadArg(a, def, c.fastcall[1], Register.EDX, pushed);
          loadArg(a, def, c.fastcall[0], Register.ECX, pushed);
          if (c.dispatchTo) {
            // The next device in the product's chain: DeviceObject->DeviceExtension->TargetDevice.
            a.movRM(Register.ECX, { base: Register.ECX, disp: 0x28 }).movRM(Register.ECX, { base: Register.ECX });
          }
        }
        if (c.via === 'direct') a.call(c.target.split('!')[1]);
        else if (c.via === 'import') a.callImport(importSlot(def.module, c.target));
        else a.callMem({ base: Register.ESI, index: Register.EAX, scale: 4, disp: 0x38 });
        a.label(returnLabel(i));
        a.testRR(Register.EAX, Register.EAX).jcc(Code.Jl_rel32_32, 'exit');
      });
      a.label('exit');
      if (def.kind === 'seh') {
        a.call('_SEH_epilog').ret(def.paramBytes);
        return;
      }
      if (def.alloca) a.lea(Register.ESP, { base: Register.EBP, disp: -def.localsBytes - 4 * def.saves.length });
      [...def.saves].reverse().forEach((r) => a.pop(R[r]));
      if (def.kind === 'ebp') a.leave();
      else if (def.localsBytes) a.addRI(Register.ESP, def.localsBytes);
      a.ret(def.paramBytes);
    },
  };
}
