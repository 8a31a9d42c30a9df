/**
 * The overflow scenarios' shared stack builder (recursion, filter-pileup, large-locals, fpo-chain): the same
 * machine as got-stack's overflowStack.ts — KiFastCallEntry's syscall frame and NPX area at the top, a seeded
 * call path through nt's I/O path and the scenario's drivers, stale leftovers in locals, and at the bottom the
 * partial trap frame `_KiTrap0E` built for the first page fault of nt!MmProbeAndLockPages — but with the plan's
 * drivers, devices and stack base instead of got-stack's fixed ones. (got-stack keeps its own copy so its
 * checked-in bytes cannot move.)
 */
import type { X86Registers } from '../../../common/x86Registers';
import type { EmittedFunction } from '../../code/emitter';
import type { FnDef } from '../../code/frameFunction';
import type { DoubleFaultDeath } from '../../kit/death';
import type { CrashedStack } from '../../kit/machine';
import type { StructWriter } from '../../kernel/structWriter';
import type { SeededRandom } from '../../rng';
import { chooseChain, type ChainStep, type ChosenChain } from '../../stack/callChain';
import type { Regs, StackWrite } from '../../stack/frameModel';
import { moduleBytes, truthFrames, type Symbolizer, type TruthFrame, type TruthInputFrame } from '../../stack/groundTruth';
import { realizeChain, type RealizedChain } from '../../stack/realizeChain';
import { fillStale } from '../../stack/staleFill';
import { PROBE_VA } from '../../nt/kernelFunctions';
import { KITRAP0E_FAULT_VA } from '../../nt/trapHandlers';
import { KERNEL_STACK_SIZE as STACK_SIZE, KI_FAST_SYSTEM_CALL_RET as USER_RETURN } from '../../kit/box';

/** KTRAP_FRAME bytes KiFastCallEntry builds below the V86 segment slots: InitialStack − 0x8c. */
const NPX_AREA = 0x210;

/** What an overflow scenario fixes: its thread, I/O request, device stack and the path's fixed ends. */
export interface OverflowPlan {
  stackBase: number;
  thread: number;
  irp: number;
  mdl: number;
  ioctl: number;
  userBuffer: number;
  userEsp: number;
  userEbp: number;
  /** Device (and driver) object of every module IofCallDriver dispatches to. */
  devices: Record<string, { device: number; driver: number }>;
  /** The top device's dispatch routine (what IopXxxControlFile's IofCallDriver calls). */
  firstCallee: string;
  /** The tail: from `tailEntry`'s call `tailCall` through the _alloca function and the buffer lock to MmProbeAndLockPages. */
  tailEntry: string;
  tailCall: number;
  allocaFunction: string;
  lockFunction: string;
  allocaRange: [number, number];
  /** The module that must use the most stack; undefined: whichever leads, as long as one leads alone. */
  culprit?: string;
  /** A path the stale locals remember (a string the drivers had on the stack). */
  staleText: string;
}

export interface OverflowInput {
  plan: OverflowPlan;
  w: StructWriter;
  rng: SeededRandom;
  functions: Map<string, FnDef>;
  code: (fn: string) => EmittedFunction;
  symbolize: Symbolizer;
  scopeTable: (fn: string) => number;
  sehHandler: number;
  ntDeviceIoControlFile: number;
  kiFastCallReturn: number;
  callSites: number[];
  firstFaultEsp: number;
}

export interface OverflowResult extends CrashedStack {
  death: DoubleFaultDeath;
  initialStack: number;
  trapFrame: number;
  firstFault: { eip: number; esp: number; ebp: number; address: number; errorCode: number; trapFrame: number };
  tss28: X86Registers;
  cr2: number;
  exceptionList: number;
  frames: TruthFrame[];
  modules: { module: string; bytes: number }[];
  staleReturnAddresses: { at: number; value: number }[];
  path: ChainStep[];
  allocaBytes: number;
}

export function buildOverflowStack(inp: OverflowInput): OverflowResult {
  const { w, plan } = inp;
  const { stackBase: STACK_BASE, thread: THREAD, irp: IRP, mdl: MDL, ioctl: IOCTL_SCAN, userBuffer: USER_BUFFER, userEsp: USER_ESP, devices: DEVICES } = plan;
  const topDevice = DEVICES[plan.firstCallee.split('!')[0]].device;
  const limit = STACK_BASE - STACK_SIZE;
  const initialStack = STACK_BASE - NPX_AREA;
  const tf = initialStack - w.sizeof('_KTRAP_FRAME');
  const argBytes = 0x28;
  const entry = tf - argBytes - 4;
  const userArgs = [0x7c, 0, 0, 0, USER_ESP + 0x50, IOCTL_SCAN, USER_BUFFER, 0x2000, USER_BUFFER, 0x2000];

  const pathTo = (targetEsp: number, rng: SeededRandom) => chooseChain({
    functions: inp.functions,
    head: [{ fn: 'nt!NtDeviceIoControlFile', call: 0 }, { fn: 'nt!IopXxxControlFile', call: 0 }, { fn: 'nt!IofCallDriver', call: 0 }],
    firstCallee: plan.firstCallee,
    headEntry: entry,
    tailEntry: plan.tailEntry, tailCall: plan.tailCall,
    tail: [{ fn: plan.allocaFunction, call: 0 }, { fn: plan.lockFunction, call: 0 }, { fn: 'nt!MmProbeAndLockPages' }],
    allocaFunction: plan.allocaFunction,
    targetEsp,
    allocaRange: plan.allocaRange,
    culprit: plan.culprit,
    rng,
  });
  const regs: Regs = { ebx: inp.ntDeviceIoControlFile, ebp: tf, esi: USER_ESP + 8, edi: tf, ecx: 0, edx: USER_ESP };
  const realize = (chain: ChosenChain) => realizeChain({
    chain, functions: inp.functions, code: inp.code, entry, args: userArgs, regs, exceptionList: 0xffffffff,
    sehHandler: inp.sehHandler, scopeTable: inp.scopeTable,
    hooks: {
      dispatchDevice: (fn) => DEVICES[fn.split('!')[0]].device,
      special: (fn, e, args) => {
        const ebp = e - 4;
        if (fn === 'nt!IopXxxControlFile') {
          return { regs: { esi: IRP, edi: topDevice }, writes: [
            { va: ebp - 0x24, value: IRP, what: 'local Irp' }, { va: ebp - 0x30, value: topDevice, what: 'local DeviceObject' }] };
        }
        if (fn === plan.lockFunction) return { regs: { edx: args[0], esi: MDL } };
        if (fn === 'nt!MmProbeAndLockPages') return { regs: { ebx: args[0], edi: USER_BUFFER, esi: ebp - 0x84, ecx: THREAD } };
        return undefined;
      },
    },
  });
  const chain = pathTo(inp.firstFaultEsp, inp.rng.fork('path'));
  const realized = realize(chain);
  // An earlier request of the same kind took another, shallower path and returned: its frames are the ghosts
  // that uninitialized locals still hold (stale return addresses with their saved EBPs and arguments).
  const ghostRng = inp.rng.fork('ghost');
  const ghost = tryPath(() => realize(pathTo(inp.firstFaultEsp + 4 * ghostRng.int(0x10, 0x180), ghostRng)));
  const steps = realized.frames;
  const mm = steps[steps.length - 1];
  if (mm.eval.bodyEsp !== inp.firstFaultEsp) throw new Error(`path ends at ${mm.eval.bodyEsp.toString(16)}, not ${inp.firstFaultEsp.toString(16)}`);

  // Stale leftovers first, then the frames over them.
  const pool = [IRP, MDL, THREAD, ...Object.values(DEVICES).flatMap((d) => [d.device, d.driver])];
  const stale = fillStale(realized.stale, {
    callSites: inp.callSites, poolPointers: pool, stackRange: [inp.firstFaultEsp, initialStack],
    text: plan.staleText,
    ghost: ghost?.writes ?? [],
  }, inp.rng.fork('stale'));
  const write = (ws: StackWrite[]): void => { for (const x of ws) w.mem.u32(x.va, x.value); };
  w.mem.write(limit, new Uint8Array(STACK_SIZE));
  write(stale.writes);
  write(realized.writes);
  writeSyscallFrame(w, tf, plan);
  // KiFastCallEntry copied the service's arguments below its trap frame and called it.
  w.mem.u32(entry, inp.kiFastCallReturn);
  userArgs.forEach((v, i) => w.mem.u32(entry + 4 + 4 * i, v));
  writeNpxArea(w, initialStack);

  // The first page fault: hardware pushes (ErrCode, Eip, Cs, EFlags) and ENTER_TRAP's pushes down to SegGs.
  const r = realized.innermostRegs;
  const mmEbp = mm.eval.ebp;
  const eax = (mmEbp - 0x38) >>> 0;
  const trapFrame = inp.firstFaultEsp - w.offsetof('_KTRAP_FRAME', 'HardwareEsp');
  const stackHigh = (limit >>> 16) << 16;
  const tfValues: Record<string, number> = {
    SegGs: stackHigh, SegEs: stackHigh | 0x23, SegDs: 0x23, Edx: r.edx, Ecx: r.ecx, Eax: eax, PreviousPreviousMode: 0xffffffff,
    ExceptionList: realized.exceptionList, SegFs: 0x30, Edi: r.edi, Esi: r.esi, Ebx: r.ebx, Ebp: mmEbp, ErrCode: 0,
    Eip: PROBE_VA, SegCs: 8, EFlags: 0x00010246,
  };
  for (const [field, value] of Object.entries(tfValues)) {
    if (w.addr('_KTRAP_FRAME', trapFrame, field) >= limit) w.set('_KTRAP_FRAME', trapFrame, field, value);
  }

  // Task 0x28 at the double fault: ESP = EBP = the trap frame, EBX/EDI reloaded from it, EAX from `mov ax, 23h`.
  const tss28: X86Registers = {
    eax: (eax & 0xffff0000 | 0x23) >>> 0, ebx: mmEbp, ecx: THREAD, edx: r.edx, esi: r.esi, edi: PROBE_VA,
    eip: KITRAP0E_FAULT_VA, esp: trapFrame, ebp: trapFrame, efl: 0x00010046,
    cs: 8, ss: 0x10, ds: 0x23, es: 0x23, fs: 0x30, gs: 0,
  };

  // Ground truth, innermost first: KiTrap0E's frame, the path, KiFastCallEntry's trap frame.
  const modOf = (fn: string): string => fn.split('!')[0];
  const inner: TruthInputFrame[] = [{ childEbp: trapFrame, retAddr: PROBE_VA, eip: tss28.eip, kind: 'trap', module: 'nt' }];
  for (let i = steps.length - 1; i >= 0; i--) {
    const s = steps[i];
    const def = inp.functions.get(s.fn)!;
    const retAddr = i === 0 ? inp.kiFastCallReturn
      : steps[i - 1].eval.writes.find((x) => x.va === s.entry && x.what.startsWith('return address'))!.value;
    const eip = i === steps.length - 1 ? PROBE_VA : inp.code(s.fn).labels.get(`r${chain.steps[i].call}`)!;
    inner.push({ childEbp: s.eval.childEbp, retAddr, eip, kind: def.kind === 'fpo' ? 'fpo' : 'ebp', module: modOf(s.fn) });
  }
  inner.push({ childEbp: tf, retAddr: USER_RETURN, eip: inp.kiFastCallReturn, kind: 'trap', module: 'nt' });

  return {
    death: { kind: 'double-fault', tss28, cr2: trapFrame - 4, exceptionList: realized.exceptionList, initialStack },
    initialStack, trapFrame,
    firstFault: { eip: PROBE_VA, esp: inp.firstFaultEsp, ebp: mmEbp, address: USER_BUFFER, errorCode: 0, trapFrame },
    tss28, cr2: trapFrame - 4, exceptionList: realized.exceptionList,
    frames: truthFrames(inner, inp.symbolize),
    modules: moduleBytes(inner, inp.firstFaultEsp, initialStack),
    staleReturnAddresses: stale.staleReturnAddresses,
    path: chain.steps, allocaBytes: chain.allocaBytes,
  };
}

/** KiFastCallEntry's KTRAP_FRAME for the user-mode NtDeviceIoControlFile call (the process's DeviceIoControl). */
function writeSyscallFrame(w: StructWriter, tf: number, plan: OverflowPlan): void {
  const { userEsp: USER_ESP, userEbp: USER_EBP } = plan;
  w.fill('_KTRAP_FRAME', tf, {
    DbgEbp: USER_EBP, DbgEip: USER_RETURN, DbgArgMark: 0xbadb0d00, DbgArgPointer: USER_ESP + 8,
    TempSegCs: 0, TempEsp: 0, Dr0: 0, Dr1: 0, Dr2: 0, Dr3: 0, Dr6: 0, Dr7: 0,
    SegGs: 0, SegEs: 0x23, SegDs: 0x23, Edx: USER_ESP, Ecx: 0, Eax: 0x42, PreviousPreviousMode: 1, ExceptionList: 0xffffffff,
    SegFs: 0x3b, Edi: 0, Esi: 0, Ebx: 0, Ebp: USER_EBP, ErrCode: 0, Eip: USER_RETURN, SegCs: 0x1b, EFlags: 0x246,
    HardwareEsp: USER_ESP, HardwareSegSs: 0x23,
  });
}

/** The thread's NPX save area above InitialStack: an FXSAVE image after fninit (FCW 0x27f, MXCSR 0x1f80). */
function writeNpxArea(w: StructWriter, initialStack: number): void {
  w.fill('_FX_SAVE_AREA', initialStack, {
    'U.FxArea.ControlWord': 0x027f, 'U.FxArea.MXCsr': 0x1f80, 'U.FxArea.MXCsrMask': 0xffbf, Cr0NpxState: 0,
  });
}

/** A ghost path is optional: when no earlier path fits, the locals keep only older leftovers. */
function tryPath(f: () => RealizedChain): RealizedChain | undefined {
  try {
    return f();
  } catch {
    return undefined;
  }
}
