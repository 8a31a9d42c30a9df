/**
 * nt's C and helper functions the scenario's stacks run through. The I/O path (NtDeviceIoControlFile,
 * IopXxxControlFile, IofCallDriver) and MmProbeAndLockPages are described as data (their frames appear on the
 * overflowed stack); the bugcheck path (KeBugCheckEx → RtlCaptureContext on the double-fault stack) and the
 * MSVC SEH helpers are written out here.
 */
import { Instruction } from 'iced-x86';
import { Code, Register, mem } from '../code/asm';
import type { FunctionSpec } from '../code/emitter';
import type { FnDef } from '../code/frameFunction';

export const PROBE_VA = 0x808813d8;
/** KeBugCheckEx's stack frame: a CONTEXT for RtlCaptureContext as its one local. */
export const KEBUGCHECKEX_LOCALS = 0x2cc;
/** MmProbeAndLockPages' SEH frame locals: EBP − ESP at the probe is 0x1c + this = 0x94. */
export const MM_PROBE_LOCALS = 0x78;

export const ntIoPath = (): FnDef[] => [
  {
    module: 'nt', name: 'IofCallDriver', kind: 'fpo', localsBytes: 0, saves: ['esi'], paramBytes: 0, initializedLocals: 0, at: 0x8081df40,
    special: (a) => {
      a.movRM(Register.EAX, { base: Register.EDX, disp: 0x60 }).subRI(Register.EAX, 0x24);
      a.movMR({ base: Register.EDX, disp: 0x60 }, Register.EAX).movMR({ base: Register.EAX, disp: 0x14 }, Register.ECX);
      a.movzxRM8(Register.EAX, { base: Register.EAX }).movRM(Register.ESI, { base: Register.ECX, disp: 8 });
    },
    calls: [{ target: 'dispatch routine', via: 'dispatch', args: [{ fastcall: 'ecx' }, { fastcall: 'edx' }] }],
  },
  {
    module: 'nt', name: 'MmProbeAndLockPages', kind: 'seh', localsBytes: MM_PROBE_LOCALS, saves: ['ebx', 'esi', 'edi'], paramBytes: 0xc,
    initializedLocals: 0x10, anchor: { label: 'probe', va: PROBE_VA }, calls: [],
    special: (a) => {
      a.movRM(Register.ECX, { disp: 0x124, seg: Register.FS });                 // current thread
      a.movRM(Register.EBX, { base: Register.EBP, disp: 8 });                   // Mdl
      a.movRM(Register.EDI, { base: Register.EBX, disp: 0x10 });                // Mdl->StartVa
      a.fixed(Instruction.createRegMem(Code.Add_r32_rm32, Register.EDI, mem({ base: Register.EBX, disp: 0x18 })));
      a.lea(Register.ESI, { base: Register.EBP, disp: -0x84 });                 // the MDL's PFN array cursor
      a.lea(Register.EAX, { base: Register.EBP, disp: -0x38 });
      a.label('probe');
      a.fixed(Instruction.createRegMem(Code.Mov_r8_rm8, Register.AL, mem({ base: Register.EDI })));  // touch the page
      a.addRI(Register.EDI, 0x1000);
    },
  },
  {
    module: 'nt', name: 'IopXxxControlFile', kind: 'seh', localsBytes: 0x5c, saves: ['ebx', 'esi', 'edi'], paramBytes: 0x2c,
    initializedLocals: 0x14, at: 0x808ec3d2,
    special: (a) => {
      a.movRM(Register.ESI, { base: Register.EBP, disp: -0x24 });               // the IRP it built
      a.movRM(Register.EDI, { base: Register.EBP, disp: -0x30 });               // the target device object
    },
    calls: [{ target: 'nt!IofCallDriver', via: 'direct', args: [], fastcall: [{ reg: 'edi' }, { reg: 'esi' }] }],
  },
  {
    module: 'nt', name: 'NtDeviceIoControlFile', kind: 'ebp', localsBytes: 0, saves: [], paramBytes: 0x28, initializedLocals: 0, at: 0x808f0f0e,
    calls: [{
      target: 'nt!IopXxxControlFile', via: 'direct',
      args: [...Array.from({ length: 10 }, (_, i) => ({ param: i })), { imm: 1 }],
    }],
  },
];

const fpo = (localsBytes: number, savedRegs: number, paramBytes: number) => ({ kind: 'fpo' as const, localsBytes, savedRegs, paramBytes });
const ebp = (localsBytes: number, savedRegs: number, paramBytes: number) => ({ kind: 'ebp' as const, localsBytes, savedRegs, paramBytes });

/** MSVC's __SEH_prolog / __SEH_epilog (the frame layout the blog's ExceptionList b8ae60dc = EBP − 0x10 comes from). */
export function sehHelpers(at: number): FunctionSpec[] {
  return [
    {
      name: '_SEH_prolog', at, frame: fpo(0, 0, 0),
      body: (a) => {
        a.pushSym('_except_handler3').movRM(Register.EAX, { disp: 0, seg: Register.FS }).push(Register.EAX);
        a.movRM(Register.EAX, { base: Register.ESP, disp: 0x10 }).movMR({ base: Register.ESP, disp: 0x10 }, Register.EBP);
        a.lea(Register.EBP, { base: Register.ESP, disp: 0x10 }).subRR(Register.ESP, Register.EAX);
        a.push(Register.EBX).push(Register.ESI).push(Register.EDI);
        a.movRM(Register.EAX, { base: Register.EBP, disp: -8 }).movMR({ base: Register.EBP, disp: -0x18 }, Register.ESP);
        a.push(Register.EAX).movRM(Register.EAX, { base: Register.EBP, disp: -4 });
        a.movMI({ base: Register.EBP, disp: -4 }, -1).movMR({ base: Register.EBP, disp: -8 }, Register.EAX);
        a.lea(Register.EAX, { base: Register.EBP, disp: -0x10 }).movMR({ disp: 0, seg: Register.FS }, Register.EAX);
        a.ret();
      },
    },
    {
      name: '_SEH_epilog', frame: fpo(0, 0, 0),
      body: (a) => {
        a.movRM(Register.ECX, { base: Register.EBP, disp: -0x10 }).movMR({ disp: 0, seg: Register.FS }, Register.ECX);
        a.pop(Register.ECX).pop(Register.EDI).pop(Register.ESI).pop(Register.EBX).leave().push(Register.ECX).ret();
      },
    },
    {
      name: '_except_handler3', frame: fpo(0, 0, 0x10),
      body: (a) => { a.push(Register.EBP).movRR(Register.EBP, Register.ESP).movRI(Register.EAX, 1).leave().ret(); },
    },
    {
      name: 'RtlCaptureContext', frame: fpo(0, 1, 4),
      body: (a) => {
        a.push(Register.EBX).movRM(Register.EBX, { base: Register.ESP, disp: 8 });
        a.movMR({ base: Register.EBX, disp: 0xb0 }, Register.EAX).movMR({ base: Register.EBX, disp: 0xac }, Register.ECX);
        a.movMR({ base: Register.EBX, disp: 0xa8 }, Register.EDX).movRM(Register.EAX, { base: Register.ESP });
        a.movMR({ base: Register.EBX, disp: 0xa4 }, Register.EAX).movMR({ base: Register.EBX, disp: 0xa0 }, Register.ESI);
        a.movMR({ base: Register.EBX, disp: 0x9c }, Register.EDI);
        a.movRM(Register.EAX, { base: Register.ESP, disp: 4 }).movMR({ base: Register.EBX, disp: 0xb8 }, Register.EAX);
        a.lea(Register.EAX, { base: Register.ESP, disp: 0x0c }).movMR({ base: Register.EBX, disp: 0xc4 }, Register.EAX);
        a.movMR({ base: Register.EBX, disp: 0xb4 }, Register.EBP);
        a.movMI({ base: Register.EBX }, 0x10007);
        a.pop(Register.EBX).ret(4);
      },
    },
  ];
}

/** KeBugCheckEx captures its caller-visible context (the dump header's CONTEXT) and hands over to KeBugCheck2. */
export function bugCheckPath(at: number): FunctionSpec[] {
  return [
    {
      name: 'KeBugCheckEx', at, frame: ebp(KEBUGCHECKEX_LOCALS, 0, 0x14),
      body: (a) => {
        a.movRR(Register.EDI, Register.EDI).push(Register.EBP).movRR(Register.EBP, Register.ESP);
        a.subRI(Register.ESP, KEBUGCHECKEX_LOCALS);
        a.label('prolog');
        a.lea(Register.EAX, { base: Register.EBP, disp: -KEBUGCHECKEX_LOCALS }).push(Register.EAX);
        a.call('RtlCaptureContext');
        a.label('captured');
        a.lea(Register.EAX, { base: Register.EBP, disp: -KEBUGCHECKEX_LOCALS }).push(Register.EAX);
        for (let off = 0x18; off >= 8; off -= 4) a.pushMem({ base: Register.EBP, disp: off });
        a.call('KeBugCheck2');
        a.label('r0');
        a.leave().ret(0x14);
      },
    },
    {
      name: 'KeBugCheck2', frame: ebp(0x48, 3, 0x18),
      body: (a) => {
        a.push(Register.EBP).movRR(Register.EBP, Register.ESP).subRI(Register.ESP, 0x48);
        a.push(Register.EBX).push(Register.ESI).push(Register.EDI);
        a.label('prolog');
        a.movRM(Register.EAX, { base: Register.EBP, disp: 8 }).movMR({ disp: 0, base: Register.ESP }, Register.EAX);
        a.op(Code.Cli).jmpSelf();
      },
    },
  ];
}

/** Small nt routines that other code calls (the page-fault resolver, exception dispatch, idle loop). */
export function miscKernel(): FunctionSpec[] {
  return [
    {
      name: 'MmAccessFault', frame: ebp(0x58, 3, 0x10),
      body: (a) => {
        a.push(Register.EBP).movRR(Register.EBP, Register.ESP).subRI(Register.ESP, 0x58);
        a.push(Register.EBX).push(Register.ESI).push(Register.EDI);
        a.label('prolog');
        a.xorRR(Register.EAX, Register.EAX);
        a.pop(Register.EDI).pop(Register.ESI).pop(Register.EBX).leave().ret(0x10);
      },
    },
    {
      name: 'KiDispatchException', frame: ebp(0x2e8, 3, 0x14),
      body: (a) => {
        a.push(Register.EBP).movRR(Register.EBP, Register.ESP).subRI(Register.ESP, 0x2e8);
        a.push(Register.EBX).push(Register.ESI).push(Register.EDI);
        a.label('prolog');
        a.pop(Register.EDI).pop(Register.ESI).pop(Register.EBX).leave().ret(0x14);
      },
    },
  ];
}

export function idleLoop(): FunctionSpec[] {
  return [
    {
      name: 'KiIdleLoop', frame: fpo(0, 0, 0),
      body: (a) => {
        a.label('prolog');
        a.label('loop');
        a.movRM(Register.EBX, { disp: 0x1c, seg: Register.FS });
        a.lea(Register.ECX, { base: Register.EBX, disp: 0x120 + 0x920 });
        a.op(Code.Sti).op(Code.Nopd).op(Code.Nopd).op(Code.Cli);
        a.cmpMI({ base: Register.ECX }, 0);
        a.label('halt');
        a.callImport('imp:nt:hal!HalProcessorIdle');
        a.label('r0');
        a.jmp('loop');
      },
    },
    {
      name: 'KiUnexpectedInterrupt', frame: fpo(0, 0, 0),
      body: (a) => { a.pushImm(0).pushImm(0).pushImm(0).pushImm(0x30).pushImm(0x7f).call('KeBugCheckEx').jmpSelf(); },
    },
    {
      name: '_KiSystemService', frame: { kind: 'trap', localsBytes: 0, savedRegs: 0, paramBytes: 0 },
      body: (a) => { a.pushImm(0).push(Register.EBP).push(Register.EBX).push(Register.ESI).push(Register.EDI).jmp('x').label('x').op(Code.Int3); },
    },
  ];
}
