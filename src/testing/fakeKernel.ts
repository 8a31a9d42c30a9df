/**
 * The blog's processor 3 in miniature, for tests: Server 2003 SP2 offsets (dump-format.md §6) of the members
 * the structure commands read, and the KPCR bytes of walkthrough step 12.
 */
import { FakeMemory } from './fakeMemory';
import { FakeSymbols } from './fakeSymbols';
import { FakeTypeTable, fakeSession, t } from './fakeTarget';
import type { SessionApi } from '../analyzer/session/types';
import type { ModuleInfo } from '../analyzer/symbols/types';

export const KPCR = 0xf7737000;
export const THREAD = 0x87d68438;
export const PROCESS = 0x874c6800;
export const KI_PROCESSOR_BLOCK = 0x808a5000;

export const ntTypes = new FakeTypeTable('nt', {
  _LIST_ENTRY: { size: 8, fields: [['Flink', 0, t.ptr(t.s('_LIST_ENTRY'))], ['Blink', 4, t.ptr(t.s('_LIST_ENTRY'))]] },
  _UNICODE_STRING: { size: 8, fields: [['Length', 0, t.u16], ['MaximumLength', 2, t.u16], ['Buffer', 4, t.ptr(t.wchar)]] },
  _NT_TIB: { size: 0x1c, fields: [
    ['ExceptionList', 0, t.ptr(t.s('_EXCEPTION_REGISTRATION_RECORD'))], ['StackBase', 4, t.pvoid], ['StackLimit', 8, t.pvoid],
    ['SubSystemTib', 0xc, t.pvoid], ['FiberData', 0x10, t.pvoid], ['Version', 0x10, t.u32],
    ['ArbitraryUserPointer', 0x14, t.pvoid], ['Self', 0x18, t.ptr(t.s('_NT_TIB'))]] },
  _EXCEPTION_REGISTRATION_RECORD: { size: 8, fields: [['Next', 0, t.ptr(t.s('_EXCEPTION_REGISTRATION_RECORD'))], ['Handler', 4, t.pvoid]] },
  _KDPC_DATA: { size: 0x14, fields: [['DpcListHead', 0, t.s('_LIST_ENTRY')], ['DpcLock', 8, t.u32], ['DpcQueueDepth', 0xc, t.i32], ['DpcCount', 0x10, t.u32]] },
  _KDPC: { size: 0x20, fields: [['Type', 0, t.i8], ['Number', 1, t.u8], ['Importance', 2, t.u8], ['DpcListEntry', 4, t.s('_LIST_ENTRY')], ['DeferredRoutine', 0xc, t.pvoid]] },
  _KPRCB: { size: 0xec0, fields: [
    ['MinorVersion', 0, t.u16], ['MajorVersion', 2, t.u16], ['CurrentThread', 4, t.ptr(t.s('_KTHREAD'))],
    ['NextThread', 8, t.ptr(t.s('_KTHREAD'))], ['IdleThread', 0xc, t.ptr(t.s('_KTHREAD'))], ['Number', 0x10, t.u8],
    ['Reserved', 0x11, t.u8], ['BuildType', 0x12, t.u16], ['SetMember', 0x14, t.u32], ['CpuType', 0x18, t.u8],
    ['CpuID', 0x19, t.u8], ['CpuStep', 0x1a, t.u16], ['InterruptCount', 0x524, t.u32], ['KernelTime', 0x528, t.u32],
    ['UserTime', 0x52c, t.u32], ['DpcTime', 0x530, t.u32], ['InterruptTime', 0x538, t.u32],
    ['DpcData', 0x920, t.arr(2, t.s('_KDPC_DATA'))], ['VendorString', 0xb60, t.arr(13, t.u8)]] },
  _KPCR: { size: 0xfe0, fields: [
    ['NtTib', 0, t.s('_NT_TIB')], ['Used_ExceptionList', 0, t.ptr(t.s('_EXCEPTION_REGISTRATION_RECORD'))],
    ['TssCopy', 0xc, t.pvoid], ['SelfPcr', 0x1c, t.ptr(t.s('_KPCR'))], ['Prcb', 0x20, t.ptr(t.s('_KPRCB'))],
    ['Irql', 0x24, t.u8], ['IRR', 0x28, t.u32], ['IrrActive', 0x2c, t.u32], ['IDR', 0x30, t.u32],
    ['KdVersionBlock', 0x34, t.pvoid], ['IDT', 0x38, t.ptr(t.s('_KIDTENTRY'))], ['GDT', 0x3c, t.ptr(t.s('_KGDTENTRY'))],
    ['TSS', 0x40, t.ptr(t.s('_KTSS'))], ['MajorVersion', 0x44, t.u16], ['MinorVersion', 0x46, t.u16],
    ['SetMember', 0x48, t.u32], ['StallScaleFactor', 0x4c, t.u32], ['Number', 0x51, t.u8],
    ['KernelReserved', 0x58, t.arr(14, t.u32)], ['InterruptMode', 0xd4, t.u32], ['PrcbData', 0x120, t.s('_KPRCB')]] },
  _KTSS: { size: 0x20ac, fields: [['Backlink', 0, t.u16], ['Reserved0', 2, t.u16], ['Esp0', 4, t.u32], ['Ss0', 8, t.u16],
    ['Eip', 0x20, t.u32], ['Esp', 0x38, t.u32]] },
  _KGDTENTRY: { size: 8, fields: [['LimitLow', 0, t.u16], ['BaseLow', 2, t.u16], ['HighWord', 4, t.s('__HighWord')]] },
  __HighWord: { size: 4, kind: 'union', fields: [['Bytes', 0, t.s('__Bytes')], ['Bits', 0, t.s('__Bits')]] },
  __Bytes: { size: 4, fields: [['BaseMid', 0, t.u8], ['Flags1', 1, t.u8], ['Flags2', 2, t.u8], ['BaseHi', 3, t.u8]] },
  __Bits: { size: 4, fields: [
    ['BaseMid', 0, t.bits(0, 8, t.u32)], ['Type', 0, t.bits(8, 5, t.u32)], ['Dpl', 0, t.bits(13, 2, t.u32)],
    ['Pres', 0, t.bits(15, 1, t.u32)], ['LimitHi', 0, t.bits(16, 4, t.u32)], ['Sys', 0, t.bits(20, 1, t.u32)],
    ['Reserved_0', 0, t.bits(21, 1, t.u32)], ['Default_Big', 0, t.bits(22, 1, t.u32)],
    ['Granularity', 0, t.bits(23, 1, t.u32)], ['BaseHi', 0, t.bits(24, 8, t.u32)]] },
  _KIDTENTRY: { size: 8, fields: [['Offset', 0, t.u16], ['Selector', 2, t.u16], ['Access', 4, t.u16], ['ExtendedOffset', 6, t.u16]] },
  _KAPC_STATE: { size: 0x18, fields: [['ApcListHead', 0, t.arr(2, t.s('_LIST_ENTRY'))], ['Process', 0x10, t.ptr(t.s('_KPROCESS'))]] },
  _KTHREAD: { size: 0x1b8, fields: [
    ['InitialStack', 0x18, t.pvoid], ['StackLimit', 0x1c, t.pvoid], ['KernelStack', 0x20, t.pvoid],
    ['ApcState', 0x28, t.s('_KAPC_STATE')], ['ContextSwitches', 0x48, t.u32], ['State', 0x4c, t.u8],
    ['WaitReason', 0x5a, t.u8], ['Priority', 0x5b, t.i8], ['EnableStackSwap', 0x5c, t.u8], ['WaitTime', 0x6c, t.u32],
    ['Teb', 0x74, t.pvoid], ['DisableBoost', 0xa0, t.bits(1, 1, t.u32)], ['LargeStack', 0x107, t.u8],
    ['BasePriority', 0x121, t.i8], ['PriorityDecrement', 0x122, t.i8], ['Process', 0x128, t.ptr(t.s('_KPROCESS'))],
    ['ApcStateIndex', 0x11c, t.u8], ['Win32Thread', 0x154, t.pvoid], ['StackBase', 0x158, t.pvoid],
    ['KernelTime', 0x160, t.u32], ['UserTime', 0x18c, t.u32]] },
  _CLIENT_ID: { size: 8, fields: [['UniqueProcess', 0, t.pvoid], ['UniqueThread', 4, t.pvoid]] },
  _ETHREAD: { size: 0x250, fields: [
    ['Tcb', 0, t.s('_KTHREAD')], ['Cid', 0x1e4, t.s('_CLIENT_ID')], ['ImpersonationInfo', 0x204, t.pvoid],
    ['IrpList', 0x208, t.s('_LIST_ENTRY')], ['ThreadsProcess', 0x218, t.ptr(t.s('_EPROCESS'))],
    ['StartAddress', 0x21c, t.pvoid], ['Win32StartAddress', 0x220, t.pvoid], ['ThreadListEntry', 0x224, t.s('_LIST_ENTRY')],
    ['ActiveImpersonationInfo', 0x240, t.bits(3, 1, t.u32)]] },
  _KPROCESS: { size: 0x78, fields: [['DirectoryTableBase', 0x18, t.arr(2, t.u32)], ['ThreadListHead', 0x50, t.s('_LIST_ENTRY')]] },
  _EPROCESS: { size: 0x278, fields: [
    ['Pcb', 0, t.s('_KPROCESS')], ['UniqueProcessId', 0x94, t.pvoid], ['ActiveProcessLinks', 0x98, t.s('_LIST_ENTRY')],
    ['ObjectTable', 0xd4, t.pvoid], ['InheritedFromUniqueProcessId', 0x138, t.pvoid], ['DeviceMap', 0x148, t.pvoid],
    ['Session', 0x160, t.pvoid], ['ImageFileName', 0x164, t.arr(16, t.u8)], ['ThreadListHead', 0x180, t.s('_LIST_ENTRY')],
    ['Peb', 0x1a0, t.pvoid]] },
  _HANDLE_TABLE: { size: 0x44, fields: [['HandleCount', 0x3c, t.i32]] },
  _MM_SESSION_SPACE: { size: 0x1000, fields: [['SessionId', 8, t.u32]] },
}, { _POOL_TYPE: { size: 4, constants: { NonPagedPool: 0, PagedPool: 1 } } });

const KPCR_DWORDS = [
  0xb8ae60dc, 0, 0, 0xf7737fe0, 0x19d5c42c, 8, 0x7ff9c000, 0xf7737000, 0xf7737120, 0x1f, 0, 0, 0xffffffff, 0,
  0xf773d800, 0xf773d400, 0xf773a2e0, 0x00010001, 8, 0xe56, 0x08000300,
];

export const NT: ModuleInfo = {
  name: 'nt', imageName: 'ntkrpamp.exe', base: 0x80800000, size: 0x250000, symbolStatus: 'loaded',
  typeModuleName: 'ntkrpamp', timeDateStamp: 0x45d69710, checkSum: 0x1ff7cd,
  fullPath: '\\WINDOWS\\system32\\ntkrpamp.exe',
};
export const STACKHOG: ModuleInfo = {
  name: 'StackHog', imageName: 'StackHog.sys', base: 0xf7b1f000, size: 0xb000, symbolStatus: 'none',
  timeDateStamp: 0x4b0bfe37, checkSum: 0xb2c4, fullPath: '\\SystemRoot\\system32\\drivers\\StackHog.sys',
};

/** The blog machine's processor 3, its current thread and process. */
export function blogSession(): SessionApi & { fake: FakeMemory } {
  const vm = FakeMemory.bytewise();
  vm.fill(KPCR, 0x160).writeU32(KPCR, ...KPCR_DWORDS);
  vm.writeU32(KPCR + 0x120, 0x00010001, THREAD, 0, 0xf773a090, 3, 8, 0x0401010f);
  // Empty DPC queue: the list head points at itself.
  vm.fill(KPCR + 0x120 + 0x920, 0x28).writeU32(KPCR + 0x120 + 0x920, KPCR + 0xa40, KPCR + 0xa40);
  vm.writeU32(KPCR + 0x120 + 0x524, 0x1234, 0x2000, 0x10, 0x30, 0, 0x40);
  vm.fill(0xf773a2e0, 0x70).writeU16(0xf773a2e0, 0x28);
  vm.writeU32(0xf773a2e4, 0xf773d3c0).writeU32(0xf773a318, 0xf773d3c0).writeU32(0xf773a300, 0x8088b702);
  vm.writeU32(KI_PROCESSOR_BLOCK, 0xffdff120, 0xf7717120, 0xf7727120, KPCR + 0x120);

  vm.fill(THREAD, 0x250);
  vm.writeU32(THREAD + 0x18, 0xb8ae8df0, 0xb8ae6000, 0xb8ae8c44);
  vm.writeU32(THREAD + 0x28 + 0x10, PROCESS);
  vm.writeU32(THREAD + 0x48, 4).write(THREAD + 0x4c, [2]).write(THREAD + 0x5b, [8]).write(THREAD + 0x5c, [1]);
  vm.writeU32(THREAD + 0x6c, 1283434).writeU32(THREAD + 0x74, 0x7ff9c000);
  vm.write(THREAD + 0x121, [8, 0]).writeU32(THREAD + 0x128, PROCESS).writeU32(THREAD + 0x158, 0xb8ae9000);
  vm.writeU32(THREAD + 0x160, 1).writeU32(THREAD + 0x18c, 0);
  vm.writeU32(THREAD + 0x1e4, 0xf6c, 0xf70).writeU32(THREAD + 0x208, THREAD + 0x208, THREAD + 0x208);
  vm.writeU32(THREAD + 0x218, PROCESS, 0x7c810705, 0x01001a5c);

  vm.fill(PROCESS, 0x278);
  vm.writeU32(PROCESS + 0x18, 0x0ab40260).writeU32(PROCESS + 0x94, 0xf6c).writeU32(PROCESS + 0xd4, 0xe1a2c9a8);
  vm.writeU32(PROCESS + 0x138, 0xa2c).writeU32(PROCESS + 0x148, 0xe1003f08).writeU32(PROCESS + 0x160, 0xf79c1000);
  vm.write(PROCESS + 0x164, [...Buffer.from('StackHog.exe')]).writeU32(PROCESS + 0x1a0, 0x7ffdf000);
  vm.fill(0xe1a2c9a8, 0x44).writeU32(0xe1a2c9a8 + 0x3c, 19);
  vm.fill(0xf79c1000, 0x10);

  const symbols = new FakeSymbols([NT, STACKHOG], [
    { name: 'KiProcessorBlock', address: KI_PROCESSOR_BLOCK, module: 'nt' },
    { name: '_KiTrap0E', address: 0x8088c6bc, module: 'nt' },
    { name: '_KiTrap08', address: 0x8088b702, module: 'nt' },
    { name: 'KiTrap0EEnd', address: 0x8088c900, module: 'nt' },
    { name: 'BaseProcessStartThunk', address: 0x7c810705, module: 'nt' },
  ], { nt: ntTypes });
  return Object.assign(fakeSession({ vm, ntTypes, symbols, currentThread: THREAD, currentProcess: PROCESS }), { fake: vm });
}
