/**
 * What a debugger finds the kernel by: the KDDEBUGGER_DATA64 block ('KDBG', §4.2; pointers in 64-bit slots,
 * sign-extended), DBGKD_GET_VERSION64 (at CPU 0's KPCR.KdVersionBlock, §4.4) and KUSER_SHARED_DATA at ffdf0000.
 * The block's Offset and Size self-description is computed from the same layout the structures were written with.
 */
import { KDBG_OWNER_TAG, KDBG_SIZE_WS03 } from '../../symbols/layouts/kdbg';
import type { StructWriter } from './structWriter';

/** A 32-bit kernel VA in a 64-bit slot, sign-extended as the x86 kernel stores it. */
export const sx = (va: number): bigint => BigInt.asUintN(64, BigInt(va | 0));

export interface KdbgPlan {
  block: number;
  listHead: number;
  symbols: Record<string, number>;
}

/** `kdbg` writes the block through the KDDEBUGGER_DATA64 layout, `nt` supplies the kernel offsets it publishes. */
export function writeKdbg(kdbg: StructWriter, nt: StructWriter, p: KdbgPlan): void {
  const t = '_KDDEBUGGER_DATA64';
  kdbg.zero(t, p.block);
  const s = p.symbols;
  const ptr = (name: string): bigint => {
    if (s[name] === undefined) throw new Error(`KDBG: no address for ${name}`);
    return sx(s[name]);
  };
  kdbg.fill(t, p.block, {
    'Header.List.Flink': sx(p.listHead), 'Header.List.Blink': sx(p.listHead),
    'Header.OwnerTag': KDBG_OWNER_TAG, 'Header.Size': KDBG_SIZE_WS03,
    KernBase: ptr('KernBase'),
    BreakpointWithStatus: ptr('RtlpBreakWithStatusInstruction'),
    // Windows 8+ kernels have no KTHREAD.CallbackStack (user callbacks keep their frames on the kernel stack).
    ThCallbackStack: nt.has('_KTHREAD', 'CallbackStack') ? nt.offsetof('_KTHREAD', 'CallbackStack') : 0,
    NextCallback: 0x10,
    FramePointer: 0x0c,
    PaeEnabled: 1,
    KiCallUserMode: ptr('KiCallUserMode'),
    PsLoadedModuleList: ptr('PsLoadedModuleList'),
    PsActiveProcessHead: ptr('PsActiveProcessHead'),
    PspCidTable: ptr('PspCidTable'),
    KiBugcheckData: ptr('KiBugCheckData'),
    MmPfnDatabase: ptr('MmPfnDatabase'),
    MmHighestPhysicalPage: ptr('MmHighestPhysicalPage'),
    MmNumberOfPhysicalPages: ptr('MmNumberOfPhysicalPages'),
    MmPageSize: 0x1000n,
    MmHighestUserAddress: ptr('MmHighestUserAddress'),
    MmSystemRangeStart: ptr('MmSystemRangeStart'),
    MmUserProbeAddress: ptr('MmUserProbeAddress'),
    NtBuildLab: ptr('NtBuildLab'),
    KiProcessorBlock: ptr('KiProcessorBlock'),
    CmNtCSDVersion: ptr('CmNtCSDVersion'),
    MmPhysicalMemoryBlock: ptr('MmPhysicalMemoryBlock'),
    KeLoaderBlock: ptr('KeLoaderBlock'),
    OffsetKThreadNextProcessor: nt.offsetof('_KTHREAD', 'NextProcessor'),
    OffsetKThreadTeb: nt.offsetof('_KTHREAD', 'Teb'),
    OffsetKThreadKernelStack: nt.offsetof('_KTHREAD', 'KernelStack'),
    OffsetKThreadInitialStack: nt.offsetof('_KTHREAD', 'InitialStack'),
    OffsetKThreadApcProcess: nt.offsetof('_KTHREAD', 'ApcState.Process'),
    OffsetKThreadState: nt.offsetof('_KTHREAD', 'State'),
    SizeEProcess: nt.sizeof('_EPROCESS'),
    OffsetEprocessPeb: nt.offsetof('_EPROCESS', 'Peb'),
    OffsetEprocessParentCID: nt.offsetof('_EPROCESS', 'InheritedFromUniqueProcessId'),
    OffsetEprocessDirectoryTableBase: nt.offsetof('_EPROCESS', 'Pcb.DirectoryTableBase'),
    SizePrcb: nt.sizeof('_KPRCB'),
    OffsetPrcbCurrentThread: nt.offsetof('_KPRCB', 'CurrentThread'),
    OffsetPrcbMhz: nt.offsetof('_KPRCB', 'MHz'),
    OffsetPrcbCpuType: nt.offsetof('_KPRCB', 'CpuType'),
    OffsetPrcbVendorString: nt.offsetof('_KPRCB', 'VendorString'),
    OffsetPrcbProcStateContext: nt.offsetof('_KPRCB', 'ProcessorState.ContextFrame'),
    OffsetPrcbNumber: nt.offsetof('_KPRCB', 'Number'),
    SizeEThread: nt.sizeof('_ETHREAD'),
    SizePcr: nt.sizeof('_KPCR'),
    OffsetPcrSelfPcr: nt.offsetof('_KPCR', 'SelfPcr'),
    OffsetPcrCurrentPrcb: nt.offsetof('_KPCR', 'Prcb'),
    OffsetPcrContainedPrcb: nt.offsetof('_KPCR', 'PrcbData'),
    OffsetPrcbProcStateSpecialReg: nt.offsetof('_KPRCB', 'ProcessorState.SpecialRegisters'),
    GdtR0Code: 0x08, GdtR0Data: 0x10, GdtR0Pcr: 0x30, GdtR3Code: 0x1b, GdtR3Data: 0x23, GdtR3Teb: 0x3b, GdtLdt: 0x48, GdtTss: 0x28,
  });
  kdbg.mem.u64(p.listHead, sx(p.block));
  kdbg.mem.u64(p.listHead + 8, sx(p.block));
}

export interface VersionPlan { at: number; kernBase: number; psLoadedModuleList: number; debuggerDataList: number; build: number }

export function writeVersionBlock(nt: StructWriter, v: VersionPlan): void {
  const t = '_DBGKD_GET_VERSION64';
  nt.zero(t, v.at);
  nt.fillPresent(t, v.at, {
    MajorVersion: 0xf, MinorVersion: v.build, ProtocolVersion: 6, KdSecondaryVersion: 0, Flags: 0x3, MachineType: 0x14c,
    MaxPacketType: 0x0c, MaxStateChange: 3, MaxManipulate: 0x2f, Simulation: 0,
    KernBase: sx(v.kernBase), PsLoadedModuleList: sx(v.psLoadedModuleList), DebuggerDataList: sx(v.debuggerDataList),
  });
}

export interface SharedDataPlan {
  at: number; systemTime: bigint; interruptTime: bigint; tickCount: bigint; timeZoneBias: bigint; physicalPages: number; suiteMask: number;
  /** ntdll!KiFastSystemCall and its return (KiFastCallEntry pushes SystemCallReturn as the user EIP). */
  systemCall: number; systemCallReturn: number;
  /** NT version and product type of the build (5.2 and server for the blog's box). */
  ntMajorVersion: number; ntMinorVersion: number; productType: number;
}

export function writeSharedUserData(nt: StructWriter, s: SharedDataPlan): void {
  const t = '_KUSER_SHARED_DATA';
  nt.zero(t, s.at);
  const time = (path: string, v: bigint): void => {
    const hi = Number(BigInt.asIntN(32, v >> 32n));
    nt.fill(t, s.at, { [`${path}.LowPart`]: Number(v & 0xffffffffn), [`${path}.High1Time`]: hi, [`${path}.High2Time`]: hi });
  };
  // SystemCall/SystemCallReturn (the sysenter stubs' addresses) went in Windows 8: written where they exist.
  nt.fillPresent(t, s.at, {
    TickCountMultiplier: 0x0fa00000,
    ImageNumberLow: 0x14c, ImageNumberHigh: 0x14c,
    NtProductType: s.productType, ProductTypeIsValid: 1, NtMajorVersion: s.ntMajorVersion, NtMinorVersion: s.ntMinorVersion,
    SuiteMask: s.suiteMask, KdDebuggerEnabled: 0, NumberOfPhysicalPages: s.physicalPages,
    SystemCall: s.systemCall, SystemCallReturn: s.systemCallReturn,
  });
  time('InterruptTime', s.interruptTime);
  time('SystemTime', s.systemTime);
  time('TimeZoneBias', s.timeZoneBias);
  time('TickCount', s.tickCount);
  nt.mem.utf16(nt.addr(t, s.at, 'NtSystemRoot'), 'C:\\WINDOWS');
}
