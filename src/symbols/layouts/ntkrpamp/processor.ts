/**
 * Server 2003 SP2 x86 (ntkrpamp) processor structures: KPCR, KPRCB and what they embed.
 * Offsets: dump-format.md §6.1–§6.3 and §3.1 (from the PDB-derived volatility2 vtypes, S6).
 */
export const PROCESSOR_LAYOUTS = `
struct _KPCR 0xfe0
  +0x000 NtTib            : _NT_TIB
  +0x000 Used_ExceptionList : Ptr32 _EXCEPTION_REGISTRATION_RECORD
  +0x004 Used_StackBase   : Ptr32 Void
  +0x008 PerfGlobalGroupMask : Ptr32 Void
  +0x00c TssCopy          : Ptr32 Void
  +0x010 ContextSwitches  : Uint4B
  +0x014 SetMemberCopy    : Uint4B
  +0x018 Used_Self        : Ptr32 Void
  +0x01c SelfPcr          : Ptr32 _KPCR
  +0x020 Prcb             : Ptr32 _KPRCB
  +0x024 Irql             : UChar
  +0x028 IRR              : Uint4B
  +0x02c IrrActive        : Uint4B
  +0x030 IDR              : Uint4B
  +0x034 KdVersionBlock   : Ptr32 Void
  +0x038 IDT              : Ptr32 _KIDTENTRY
  +0x03c GDT              : Ptr32 _KGDTENTRY
  +0x040 TSS              : Ptr32 _KTSS
  +0x044 MajorVersion     : Uint2B
  +0x046 MinorVersion     : Uint2B
  +0x048 SetMember        : Uint4B
  +0x04c StallScaleFactor : Uint4B
  +0x050 SpareUnused      : UChar
  +0x051 Number           : UChar
  +0x052 Spare0           : UChar
  +0x053 SecondLevelCacheAssociativity : UChar
  +0x054 VdmAlert         : Uint4B
  +0x058 KernelReserved   : [14] Uint4B
  +0x090 SecondLevelCacheSize : Uint4B
  +0x094 HalReserved      : [16] Uint4B
  +0x0d4 InterruptMode    : Uint4B
  +0x0d8 Spare1           : UChar
  +0x0dc KernelReserved2  : [17] Uint4B
  +0x120 PrcbData         : _KPRCB

struct _NT_TIB 0x1c
  +0x000 ExceptionList    : Ptr32 _EXCEPTION_REGISTRATION_RECORD
  +0x004 StackBase        : Ptr32 Void
  +0x008 StackLimit       : Ptr32 Void
  +0x00c SubSystemTib     : Ptr32 Void
  +0x010 FiberData        : Ptr32 Void
  +0x010 Version          : Uint4B
  +0x014 ArbitraryUserPointer : Ptr32 Void
  +0x018 Self             : Ptr32 _NT_TIB

struct _EXCEPTION_REGISTRATION_RECORD 0x8
  +0x000 Next             : Ptr32 _EXCEPTION_REGISTRATION_RECORD
  +0x004 Handler          : Ptr32 Function

struct _KPRCB 0xec0
  +0x000 MinorVersion     : Uint2B
  +0x002 MajorVersion     : Uint2B
  +0x004 CurrentThread    : Ptr32 _KTHREAD
  +0x008 NextThread       : Ptr32 _KTHREAD
  +0x00c IdleThread       : Ptr32 _KTHREAD
  +0x010 Number           : UChar
  +0x011 Reserved         : UChar
  +0x012 BuildType        : Uint2B
  +0x014 SetMember        : Uint4B
  +0x018 CpuType          : UChar
  +0x019 CpuID            : UChar
  +0x01a CpuStep          : Uint2B
  +0x01c ProcessorState   : _KPROCESSOR_STATE
  +0x33c KernelReserved   : [16] Uint4B
  +0x37c HalReserved      : [16] Uint4B
  +0x3bc PrcbPad0         : [92] UChar
  +0x418 LockQueue        : [33] _KSPIN_LOCK_QUEUE
  +0x520 NpxThread        : Ptr32 _KTHREAD
  +0x524 InterruptCount   : Uint4B
  +0x528 KernelTime       : Uint4B
  +0x52c UserTime         : Uint4B
  +0x530 DpcTime          : Uint4B
  +0x534 DebugDpcTime     : Uint4B
  +0x538 InterruptTime    : Uint4B
  +0x920 DpcData          : [2] _KDPC_DATA
  +0x948 DpcStack         : Ptr32 Void
  +0x95a DpcRoutineActive : UChar
  +0xb60 VendorString     : [13] UChar
  +0xb6d InitialApicId    : UChar
  +0xb70 MHz              : Uint4B
  +0xb74 FeatureBits      : Uint4B
  +0xb78 UpdateSignature  : _LARGE_INTEGER
  +0xb90 NpxSaveArea      : _FX_SAVE_AREA
  +0xda0 PowerState       : _PROCESSOR_POWER_STATE

struct _KPROCESSOR_STATE 0x320
  +0x000 ContextFrame     : _CONTEXT
  +0x2cc SpecialRegisters : _KSPECIAL_REGISTERS

struct _KSPECIAL_REGISTERS 0x54
  +0x000 Cr0              : Uint4B
  +0x004 Cr2              : Uint4B
  +0x008 Cr3              : Uint4B
  +0x00c Cr4              : Uint4B
  +0x010 KernelDr0        : Uint4B
  +0x014 KernelDr1        : Uint4B
  +0x018 KernelDr2        : Uint4B
  +0x01c KernelDr3        : Uint4B
  +0x020 KernelDr6        : Uint4B
  +0x024 KernelDr7        : Uint4B
  +0x028 Gdtr             : _DESCRIPTOR
  +0x030 Idtr             : _DESCRIPTOR
  +0x038 Tr               : Uint2B
  +0x03a Ldtr             : Uint2B
  +0x03c Reserved         : [6] Uint4B

struct _DESCRIPTOR 0x8
  +0x000 Pad              : Uint2B
  +0x002 Limit            : Uint2B
  +0x004 Base             : Uint4B

struct _CONTEXT 0x2cc
  +0x000 ContextFlags     : Uint4B
  +0x004 Dr0              : Uint4B
  +0x008 Dr1              : Uint4B
  +0x00c Dr2              : Uint4B
  +0x010 Dr3              : Uint4B
  +0x014 Dr6              : Uint4B
  +0x018 Dr7              : Uint4B
  +0x01c FloatSave        : _FLOATING_SAVE_AREA
  +0x08c SegGs            : Uint4B
  +0x090 SegFs            : Uint4B
  +0x094 SegEs            : Uint4B
  +0x098 SegDs            : Uint4B
  +0x09c Edi              : Uint4B
  +0x0a0 Esi              : Uint4B
  +0x0a4 Ebx              : Uint4B
  +0x0a8 Edx              : Uint4B
  +0x0ac Ecx              : Uint4B
  +0x0b0 Eax              : Uint4B
  +0x0b4 Ebp              : Uint4B
  +0x0b8 Eip              : Uint4B
  +0x0bc SegCs            : Uint4B
  +0x0c0 EFlags           : Uint4B
  +0x0c4 Esp              : Uint4B
  +0x0c8 SegSs            : Uint4B
  +0x0cc ExtendedRegisters : [512] UChar

struct _FLOATING_SAVE_AREA 0x70
  +0x000 ControlWord      : Uint4B
  +0x004 StatusWord       : Uint4B
  +0x008 TagWord          : Uint4B
  +0x00c ErrorOffset      : Uint4B
  +0x010 ErrorSelector    : Uint4B
  +0x014 DataOffset       : Uint4B
  +0x018 DataSelector     : Uint4B
  +0x01c RegisterArea     : [80] UChar
  +0x06c Cr0NpxState      : Uint4B

struct _KSPIN_LOCK_QUEUE 0x8
  +0x000 Next             : Ptr32 _KSPIN_LOCK_QUEUE
  +0x004 Lock             : Ptr32 Uint4B

struct _KDPC_DATA 0x14
  +0x000 DpcListHead      : _LIST_ENTRY
  +0x008 DpcLock          : Uint4B
  +0x00c DpcQueueDepth    : Uint4B
  +0x010 DpcCount         : Uint4B

struct _FX_SAVE_AREA 0x210
  +0x000 U                : __unnamed_FX_SAVE_AREA_U
  +0x208 NpxSavedCpu      : Uint4B
  +0x20c Cr0NpxState      : Uint4B

union __unnamed_FX_SAVE_AREA_U 0x208
  +0x000 FnArea           : _FNSAVE_FORMAT
  +0x000 FxArea           : _FXSAVE_FORMAT

struct _FNSAVE_FORMAT 0x6c
  +0x000 ControlWord      : Uint4B
  +0x004 StatusWord       : Uint4B
  +0x008 TagWord          : Uint4B
  +0x00c ErrorOffset      : Uint4B
  +0x010 ErrorSelector    : Uint4B
  +0x014 DataOffset       : Uint4B
  +0x018 DataSelector     : Uint4B
  +0x01c RegisterArea     : [80] UChar

struct _FXSAVE_FORMAT 0x208
  +0x000 ControlWord      : Uint2B
  +0x002 StatusWord       : Uint2B
  +0x004 TagWord          : Uint2B
  +0x006 ErrorOpcode      : Uint2B
  +0x008 ErrorOffset      : Uint4B
  +0x00c ErrorSelector    : Uint4B
  +0x010 DataOffset       : Uint4B
  +0x014 DataSelector     : Uint4B
  +0x018 MXCsr            : Uint4B
  +0x01c MXCsrMask        : Uint4B
  +0x020 RegisterArea     : [128] UChar
  +0x0a0 Reserved3        : [128] UChar
  +0x120 Reserved4        : [224] UChar
  +0x200 Align16Byte      : [8] UChar

// Only its size matters to the debugger (KPRCB's tail); fields left out.
struct _PROCESSOR_POWER_STATE 0x120
  +0x000 IdleFunction     : Ptr32 Function
`;
