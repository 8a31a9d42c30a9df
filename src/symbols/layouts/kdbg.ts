import type { IsfFile } from '../isf';
import { parseLayouts } from './dtSyntax';

/**
 * KDDEBUGGER_DATA64 through the Server 2003 additions (size 0x318), the block at the header's
 * KdDebuggerDataBlock. Not part of the kernel PDB (it is wdbgexts.h's), so like volatility3's kdbg.json it
 * is an ISF of its own. On x86 the 64-bit slots hold 32-bit pointers (sign-extended): readers mask them.
 * Offsets: dump-format.md §4.1, §4.2 (wdbgexts.h order; Rekall lists the same offsets).
 */
export const KDBG_LAYOUTS = `
struct _KDDEBUGGER_DATA64 0x318
  +0x000 Header           : _DBGKD_DEBUG_DATA_HEADER64
  +0x018 KernBase         : Uint8B
  +0x020 BreakpointWithStatus : Uint8B
  +0x028 SavedContext     : Uint8B
  +0x030 ThCallbackStack  : Uint2B
  +0x032 NextCallback     : Uint2B
  +0x034 FramePointer     : Uint2B
  +0x036 PaeEnabled       : Pos 0, 1 Bit of Uint2B
  +0x038 KiCallUserMode   : Uint8B
  +0x040 KeUserCallbackDispatcher : Uint8B
  +0x048 PsLoadedModuleList : Uint8B
  +0x050 PsActiveProcessHead : Uint8B
  +0x058 PspCidTable      : Uint8B
  +0x060 ExpSystemResourcesList : Uint8B
  +0x068 ExpPagedPoolDescriptor : Uint8B
  +0x070 ExpNumberOfPagedPools : Uint8B
  +0x078 KeTimeIncrement  : Uint8B
  +0x080 KeBugCheckCallbackListHead : Uint8B
  +0x088 KiBugcheckData   : Uint8B
  +0x090 IopErrorLogListHead : Uint8B
  +0x098 ObpRootDirectoryObject : Uint8B
  +0x0a0 ObpTypeObjectType : Uint8B
  +0x0a8 MmSystemCacheStart : Uint8B
  +0x0b0 MmSystemCacheEnd : Uint8B
  +0x0b8 MmSystemCacheWs  : Uint8B
  +0x0c0 MmPfnDatabase    : Uint8B
  +0x0c8 MmSystemPtesStart : Uint8B
  +0x0d0 MmSystemPtesEnd  : Uint8B
  +0x0d8 MmSubsectionBase : Uint8B
  +0x0e0 MmNumberOfPagingFiles : Uint8B
  +0x0e8 MmLowestPhysicalPage : Uint8B
  +0x0f0 MmHighestPhysicalPage : Uint8B
  +0x0f8 MmNumberOfPhysicalPages : Uint8B
  +0x100 MmMaximumNonPagedPoolInBytes : Uint8B
  +0x108 MmNonPagedSystemStart : Uint8B
  +0x110 MmNonPagedPoolStart : Uint8B
  +0x118 MmNonPagedPoolEnd : Uint8B
  +0x120 MmPagedPoolStart : Uint8B
  +0x128 MmPagedPoolEnd   : Uint8B
  +0x130 MmPagedPoolInformation : Uint8B
  +0x138 MmPageSize       : Uint8B
  +0x140 MmSizeOfPagedPoolInBytes : Uint8B
  +0x148 MmTotalCommitLimit : Uint8B
  +0x150 MmTotalCommittedPages : Uint8B
  +0x158 MmSharedCommit   : Uint8B
  +0x160 MmDriverCommit   : Uint8B
  +0x168 MmProcessCommit  : Uint8B
  +0x170 MmPagedPoolCommit : Uint8B
  +0x178 MmExtendedCommit : Uint8B
  +0x180 MmZeroedPageListHead : Uint8B
  +0x188 MmFreePageListHead : Uint8B
  +0x190 MmStandbyPageListHead : Uint8B
  +0x198 MmModifiedPageListHead : Uint8B
  +0x1a0 MmModifiedNoWritePageListHead : Uint8B
  +0x1a8 MmAvailablePages : Uint8B
  +0x1b0 MmResidentAvailablePages : Uint8B
  +0x1b8 PoolTrackTable   : Uint8B
  +0x1c0 NonPagedPoolDescriptor : Uint8B
  +0x1c8 MmHighestUserAddress : Uint8B
  +0x1d0 MmSystemRangeStart : Uint8B
  +0x1d8 MmUserProbeAddress : Uint8B
  +0x1e0 KdPrintCircularBuffer : Uint8B
  +0x1e8 KdPrintCircularBufferEnd : Uint8B
  +0x1f0 KdPrintWritePointer : Uint8B
  +0x1f8 KdPrintRolloverCount : Uint8B
  +0x200 MmLoadedUserImageList : Uint8B
  +0x208 NtBuildLab       : Uint8B
  +0x210 KiNormalSystemCall : Uint8B
  +0x218 KiProcessorBlock : Uint8B
  +0x220 MmUnloadedDrivers : Uint8B
  +0x228 MmLastUnloadedDriver : Uint8B
  +0x230 MmTriageActionTaken : Uint8B
  +0x238 MmSpecialPoolTag : Uint8B
  +0x240 KernelVerifier   : Uint8B
  +0x248 MmVerifierData   : Uint8B
  +0x250 MmAllocatedNonPagedPool : Uint8B
  +0x258 MmPeakCommitment : Uint8B
  +0x260 MmTotalCommitLimitMaximum : Uint8B
  +0x268 CmNtCSDVersion   : Uint8B
  +0x270 MmPhysicalMemoryBlock : Uint8B
  +0x278 MmSessionBase    : Uint8B
  +0x280 MmSessionSize    : Uint8B
  +0x288 MmSystemParentTablePage : Uint8B
  +0x290 MmVirtualTranslationBase : Uint8B
  +0x298 OffsetKThreadNextProcessor : Uint2B
  +0x29a OffsetKThreadTeb : Uint2B
  +0x29c OffsetKThreadKernelStack : Uint2B
  +0x29e OffsetKThreadInitialStack : Uint2B
  +0x2a0 OffsetKThreadApcProcess : Uint2B
  +0x2a2 OffsetKThreadState : Uint2B
  +0x2a4 OffsetKThreadBStore : Uint2B
  +0x2a6 OffsetKThreadBStoreLimit : Uint2B
  +0x2a8 SizeEProcess     : Uint2B
  +0x2aa OffsetEprocessPeb : Uint2B
  +0x2ac OffsetEprocessParentCID : Uint2B
  +0x2ae OffsetEprocessDirectoryTableBase : Uint2B
  +0x2b0 SizePrcb         : Uint2B
  +0x2b2 OffsetPrcbDpcRoutine : Uint2B
  +0x2b4 OffsetPrcbCurrentThread : Uint2B
  +0x2b6 OffsetPrcbMhz    : Uint2B
  +0x2b8 OffsetPrcbCpuType : Uint2B
  +0x2ba OffsetPrcbVendorString : Uint2B
  +0x2bc OffsetPrcbProcStateContext : Uint2B
  +0x2be OffsetPrcbNumber : Uint2B
  +0x2c0 SizeEThread      : Uint2B
  +0x2c8 KdPrintCircularBufferPtr : Uint8B
  +0x2d0 KdPrintBufferSize : Uint8B
  +0x2d8 KeLoaderBlock    : Uint8B
  +0x2e0 SizePcr          : Uint2B
  +0x2e2 OffsetPcrSelfPcr : Uint2B
  +0x2e4 OffsetPcrCurrentPrcb : Uint2B
  +0x2e6 OffsetPcrContainedPrcb : Uint2B
  +0x2e8 OffsetPcrInitialBStore : Uint2B
  +0x2ea OffsetPcrBStoreLimit : Uint2B
  +0x2ec OffsetPcrInitialStack : Uint2B
  +0x2ee OffsetPcrStackLimit : Uint2B
  +0x2f0 OffsetPrcbPcrPage : Uint2B
  +0x2f2 OffsetPrcbProcStateSpecialReg : Uint2B
  +0x2f4 GdtR0Code        : Uint2B
  +0x2f6 GdtR0Data        : Uint2B
  +0x2f8 GdtR0Pcr         : Uint2B
  +0x2fa GdtR3Code        : Uint2B
  +0x2fc GdtR3Data        : Uint2B
  +0x2fe GdtR3Teb         : Uint2B
  +0x300 GdtLdt           : Uint2B
  +0x302 GdtTss           : Uint2B
  +0x304 Gdt64R3CmCode    : Uint2B
  +0x306 Gdt64R3CmTeb     : Uint2B
  +0x308 IopNumTriageDumpDataBlocks : Uint8B
  +0x310 IopTriageDumpDataBlocks : Uint8B

struct _DBGKD_DEBUG_DATA_HEADER64 0x18
  +0x000 List             : LIST_ENTRY64
  +0x010 OwnerTag         : Uint4B
  +0x014 Size             : Uint4B

struct LIST_ENTRY64 0x10
  +0x000 Flink            : Uint8B
  +0x008 Blink            : Uint8B
`;

/** 'KDBG' as the u32 at Header.OwnerTag. */
export const KDBG_OWNER_TAG = 0x4742444b;
/** Header.Size of a Server 2003 block. */
export const KDBG_SIZE_WS03 = 0x318;

let cached: Pick<IsfFile, 'base_types' | 'user_types' | 'enums'> | undefined;

/** The KDDEBUGGER_DATA64 types as ISF (fresh copy per call). */
export function kdbgTypes(): Pick<IsfFile, 'base_types' | 'user_types' | 'enums'> {
  cached ??= parseLayouts([KDBG_LAYOUTS]);
  return structuredClone(cached);
}
