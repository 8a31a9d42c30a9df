/**
 * The StackHog product's four drivers as the got-stack scenario ships them: fixed code for every seed (so the
 * checked-in ISF stays valid), a call graph with two loops — the product re-sends its own IRP to the top of its
 * device stack (ShForwardIrp → IofCallDriver → ShFilter), and policy look-ups that re-enter the scanner — and
 * stack-hungry locals (path and inspection buffers kept on the stack instead of in pool).
 */
import { Register } from '../../code/asm';
import { fpoParamOffset, type FnDef } from '../../code/frameFunction';

const d = (def: Omit<FnDef, 'initializedLocals'> & { initializedLocals?: number }): FnDef => ({ initializedLocals: 8, ...def });

const LOCK_USER_BUFFER_SHAPE = { localsBytes: 0xc, saves: ['esi', 'edi'] } as FnDef;

export const STACKHOG_FUNCTIONS: FnDef[] = [
  // ShFilter.sys: the filter device on top of the product's stack.
  d({ module: 'ShFilter', name: 'ShfDispatchDeviceControl', kind: 'ebp', localsBytes: 0x24, saves: ['ebx', 'esi', 'edi'], paramBytes: 8,
    calls: [{ target: 'ShFilter!ShfInspectIrp', via: 'direct', args: [{ param: 0 }, { param: 1 }, { local: -0x24 }] }] }),
  d({ module: 'ShFilter', name: 'ShfInspectIrp', kind: 'ebp', localsBytes: 0x2a8, saves: ['esi', 'edi'], paramBytes: 0xc, initializedLocals: 0x10,
    calls: [
      { target: 'ShCore!ShCoreQueryPolicy', via: 'import', args: [{ param: 1 }, { local: -0x2a8 }, { imm: 0x2a0 }] },
      { target: 'ShFilter!ShfPassDown', via: 'direct', args: [{ param: 0 }, { param: 1 }] },
    ] }),
  d({ module: 'ShFilter', name: 'ShfPassDown', kind: 'fpo', localsBytes: 0x8, saves: ['esi'], paramBytes: 8, initializedLocals: 0,
    calls: [{ target: 'nt!IofCallDriver', via: 'import', args: [], fastcall: [{ param: 0 }, { param: 1 }], dispatchTo: 'StackHog!ShDispatchDeviceControl' }] }),

  // StackHog.sys: the product's main driver.
  d({ module: 'StackHog', name: 'ShDispatchDeviceControl', kind: 'ebp', localsBytes: 0x30, saves: ['ebx', 'esi', 'edi'], paramBytes: 8, initializedLocals: 0xc,
    calls: [{ target: 'StackHog!ShProcessRequest', via: 'direct', args: [{ param: 1 }, { param: 0 }, { local: -0x30 }] }] }),
  d({ module: 'StackHog', name: 'ShProcessRequest', kind: 'ebp', localsBytes: 0x21c, saves: ['esi', 'edi'], paramBytes: 0xc, initializedLocals: 0x1c,
    calls: [
      { target: 'StackHog!ShBuildRequestPath', via: 'direct', args: [{ param: 0 }, { local: -0x21c }, { imm: 0x208 }, { reg: 'edi' }] },
      { target: 'ShCore!ShCoreQueryPolicy', via: 'import', args: [{ param: 0 }, { reg: 'edi' }, { imm: 0x100 }] },
      { target: 'StackHog!ShDispatchToScanner', via: 'direct', args: [{ param: 0 }, { param: 1 }] },
    ] }),
  d({ module: 'StackHog', name: 'ShBuildRequestPath', kind: 'fpo', localsBytes: 0x20c, saves: ['ebx', 'ebp', 'esi', 'edi'], paramBytes: 0x10, borrowsEbp: true, initializedLocals: 0,
    calls: [{ target: 'ShCore!ShCoreNormalizePath', via: 'import', args: [{ param: 0 }, { param: 1 }] }] }),
  d({ module: 'StackHog', name: 'ShDispatchToScanner', kind: 'ebp', localsBytes: 0x80, saves: ['ebx', 'esi'], paramBytes: 8,
    calls: [
      { target: 'ShScan!ShScanRequest', via: 'import', args: [{ param: 0 }, { reg: 'esi' }, { imm: 0x1000 }] },
      { target: 'StackHog!ShForwardIrp', via: 'direct', args: [{ param: 1 }, { param: 0 }] },
    ] }),
  d({ module: 'StackHog', name: 'ShForwardIrp', kind: 'fpo', localsBytes: 0x10, saves: ['esi', 'edi'], paramBytes: 8, initializedLocals: 0,
    calls: [{ target: 'nt!IofCallDriver', via: 'import', args: [], fastcall: [{ param: 0 }, { param: 1 }], dispatchTo: 'ShFilter!ShfDispatchDeviceControl' }] }),

  // ShCore.sys: the product's export library.
  d({ module: 'ShCore', name: 'ShCoreNormalizePath', kind: 'ebp', localsBytes: 0x210, saves: ['esi', 'edi'], paramBytes: 8, initializedLocals: 0xc,
    calls: [{ target: 'ShCore!ShCoreQueryPolicy', via: 'direct', args: [{ param: 0 }, { local: -0x210 }, { imm: 0x200 }] }] }),
  d({ module: 'ShCore', name: 'ShCoreQueryPolicy', kind: 'ebp', localsBytes: 0x110, saves: ['ebx', 'esi', 'edi'], paramBytes: 0xc,
    calls: [{ target: 'ShScan!ShScanRequest', via: 'import', args: [{ param: 0 }, { local: -0x110 }, { param: 2 }] }] }),

  // ShScan.sys: the scanner; ShScanBuffer keeps a request-sized _alloca buffer.
  d({ module: 'ShScan', name: 'ShScanRequest', kind: 'ebp', localsBytes: 0x180, saves: ['ebx', 'esi', 'edi'], paramBytes: 0xc, initializedLocals: 0x10,
    calls: [
      { target: 'ShScan!ShScanMatchPattern', via: 'direct', args: [{ param: 0 }, { local: -0x180 }] },
      { target: 'ShScan!ShScanBuffer', via: 'direct', args: [{ param: 0 }, { reg: 'esi' }, { param: 2 }] },
    ] }),
  d({ module: 'ShScan', name: 'ShScanMatchPattern', kind: 'fpo', localsBytes: 0x100, saves: ['ebx', 'ebp', 'esi', 'edi'], paramBytes: 8, borrowsEbp: true, initializedLocals: 0,
    calls: [{ target: 'ShCore!ShCoreQueryPolicy', via: 'import', args: [{ param: 0 }, { param: 1 }, { imm: 0x40 }] }] }),
  d({ module: 'ShScan', name: 'ShScanBuffer', kind: 'ebp', localsBytes: 0x40, saves: ['ebx', 'esi', 'edi'], paramBytes: 0xc, alloca: true,
    calls: [{ target: 'ShScan!ShLockUserBuffer', via: 'direct', args: [{ param: 0 }, { reg: 'esi' }, { param: 2 }] }] }),
  d({ module: 'ShScan', name: 'ShLockUserBuffer', kind: 'fpo', localsBytes: 0xc, saves: ['esi', 'edi'], paramBytes: 0xc, initializedLocals: 0,
    // Keeps the IRP in EDX across the probe (the blog's edx 87758bd8).
    // and takes the MDL from Irp->MdlAddress (+4).
    special: (a) => {
      a.movRM(Register.EDX, { base: Register.ESP, disp: fpoParamOffset(LOCK_USER_BUFFER_SHAPE, 0) });
      a.movRM(Register.ESI, { base: Register.EDX, disp: 4 });
    },
    calls: [{ target: 'nt!MmProbeAndLockPages', via: 'import', args: [{ reg: 'esi' }, { imm: 0 }, { imm: 1 }] }] }),
];

/** The function that takes the request-sized _alloca (the seed's slack ends up there). */
export const ALLOCA_FUNCTION = 'ShScan!ShScanBuffer';
/** The fixed innermost path: ShScanRequest → ShScanBuffer → ShLockUserBuffer → nt!MmProbeAndLockPages. */
export const TAIL_ENTRY = 'ShScan!ShScanRequest';
