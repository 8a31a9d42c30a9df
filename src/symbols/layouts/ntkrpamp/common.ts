/**
 * Server 2003 SP2 x86 PAE common structures: lists, strings, loader entries, shared user data, the debugger
 * version block and the PAE PTE formats. Offsets: dump-format.md §6.11, §6.12, §4.4, §5.1/§5.3 (S6, S11).
 */
export const COMMON_LAYOUTS = `
struct _LIST_ENTRY 0x8
  +0x000 Flink            : Ptr32 _LIST_ENTRY
  +0x004 Blink            : Ptr32 _LIST_ENTRY

struct _SINGLE_LIST_ENTRY 0x4
  +0x000 Next             : Ptr32 _SINGLE_LIST_ENTRY

struct _UNICODE_STRING 0x8
  +0x000 Length           : Uint2B
  +0x002 MaximumLength    : Uint2B
  +0x004 Buffer           : Ptr32 Uint2B

struct _CLIENT_ID 0x8
  +0x000 UniqueProcess    : Ptr32 Void
  +0x004 UniqueThread     : Ptr32 Void

struct _LARGE_INTEGER 0x8
  +0x000 LowPart          : Uint4B
  +0x004 HighPart         : Int4B
  +0x000 QuadPart         : Int8B

struct _ULARGE_INTEGER 0x8
  +0x000 LowPart          : Uint4B
  +0x004 HighPart         : Uint4B
  +0x000 QuadPart         : Uint8B

struct _LDR_DATA_TABLE_ENTRY 0x50
  +0x000 InLoadOrderLinks : _LIST_ENTRY
  +0x008 InMemoryOrderLinks : _LIST_ENTRY
  +0x010 InInitializationOrderLinks : _LIST_ENTRY
  +0x018 DllBase          : Ptr32 Void
  +0x01c EntryPoint       : Ptr32 Void
  +0x020 SizeOfImage      : Uint4B
  +0x024 FullDllName      : _UNICODE_STRING
  +0x02c BaseDllName      : _UNICODE_STRING
  +0x034 Flags            : Uint4B
  +0x038 LoadCount        : Uint2B
  +0x03a TlsIndex         : Uint2B
  +0x03c HashLinks        : _LIST_ENTRY
  +0x03c SectionPointer   : Ptr32 Void
  +0x040 CheckSum         : Uint4B
  +0x044 TimeDateStamp    : Uint4B
  +0x044 LoadedImports    : Ptr32 Void
  +0x048 EntryPointActivationContext : Ptr32 _ACTIVATION_CONTEXT
  +0x04c PatchInformation : Ptr32 Void

// Opaque in the kernel PDB (only pointed to).
struct _ACTIVATION_CONTEXT 0x0

struct _KSYSTEM_TIME 0xc
  +0x000 LowPart          : Uint4B
  +0x004 High1Time        : Int4B
  +0x008 High2Time        : Int4B

enum _NT_PRODUCT_TYPE 0x4 Int4B
  NtProductWinNt = 1
  NtProductLanManNt = 2
  NtProductServer = 3

struct _KUSER_SHARED_DATA 0x378
  +0x000 TickCountLowDeprecated : Uint4B
  +0x004 TickCountMultiplier : Uint4B
  +0x008 InterruptTime    : _KSYSTEM_TIME
  +0x014 SystemTime       : _KSYSTEM_TIME
  +0x020 TimeZoneBias     : _KSYSTEM_TIME
  +0x02c ImageNumberLow   : Uint2B
  +0x02e ImageNumberHigh  : Uint2B
  +0x030 NtSystemRoot     : [260] Uint2B
  +0x238 MaxStackTraceDepth : Uint4B
  +0x23c CryptoExponent   : Uint4B
  +0x240 TimeZoneId       : Uint4B
  +0x244 Reserved2        : [8] Uint4B
  +0x264 NtProductType    : _NT_PRODUCT_TYPE
  +0x268 ProductTypeIsValid : UChar
  +0x26c NtMajorVersion   : Uint4B
  +0x270 NtMinorVersion   : Uint4B
  +0x274 ProcessorFeatures : [64] UChar
  +0x2d0 SuiteMask        : Uint4B
  +0x2d4 KdDebuggerEnabled : UChar
  +0x2e8 NumberOfPhysicalPages : Uint4B
  +0x300 SystemCall       : Uint4B
  +0x304 SystemCallReturn : Uint4B
  +0x320 TickCount        : _KSYSTEM_TIME
  +0x320 TickCountQuad    : Uint8B
  +0x330 Cookie           : Uint4B

struct _DBGKD_GET_VERSION64 0x28
  +0x000 MajorVersion     : Uint2B
  +0x002 MinorVersion     : Uint2B
  +0x004 ProtocolVersion  : UChar
  +0x005 KdSecondaryVersion : UChar
  +0x006 Flags            : Uint2B
  +0x008 MachineType      : Uint2B
  +0x00a MaxPacketType    : UChar
  +0x00b MaxStateChange   : UChar
  +0x00c MaxManipulate    : UChar
  +0x00d Simulation       : UChar
  +0x00e Unused           : [1] Uint2B
  +0x010 KernBase         : Uint8B
  +0x018 PsLoadedModuleList : Uint8B
  +0x020 DebuggerDataList : Uint8B

// PAE (8-byte) PTE formats: hardware (HARDWARE_PTE_X86PAE) and the software "not present" forms.
struct _HARDWARE_PTE 0x8
  +0x000 Valid            : Pos 0, 1 Bit of Uint8B
  +0x000 Write            : Pos 1, 1 Bit of Uint8B
  +0x000 Owner            : Pos 2, 1 Bit of Uint8B
  +0x000 WriteThrough     : Pos 3, 1 Bit of Uint8B
  +0x000 CacheDisable     : Pos 4, 1 Bit of Uint8B
  +0x000 Accessed         : Pos 5, 1 Bit of Uint8B
  +0x000 Dirty            : Pos 6, 1 Bit of Uint8B
  +0x000 LargePage        : Pos 7, 1 Bit of Uint8B
  +0x000 Global           : Pos 8, 1 Bit of Uint8B
  +0x000 CopyOnWrite      : Pos 9, 1 Bit of Uint8B
  +0x000 Prototype        : Pos 10, 1 Bit of Uint8B
  +0x000 reserved0        : Pos 11, 1 Bit of Uint8B
  +0x000 PageFrameNumber  : Pos 12, 26 Bits of Uint8B
  +0x000 reserved1        : Pos 38, 26 Bits of Uint8B
  +0x000 LowPart          : Uint4B
  +0x004 HighPart         : Uint4B

struct _MMPTE 0x8
  +0x000 u                : __unnamed_MMPTE_u

union __unnamed_MMPTE_u 0x8
  +0x000 Long             : Uint8B
  +0x000 Hard             : _MMPTE_HARDWARE
  +0x000 Flush            : _HARDWARE_PTE
  +0x000 Soft             : _MMPTE_SOFTWARE
  +0x000 Trans            : _MMPTE_TRANSITION

struct _MMPTE_HARDWARE 0x8
  +0x000 Valid            : Pos 0, 1 Bit of Uint8B
  +0x000 Writable         : Pos 1, 1 Bit of Uint8B
  +0x000 Owner            : Pos 2, 1 Bit of Uint8B
  +0x000 WriteThrough     : Pos 3, 1 Bit of Uint8B
  +0x000 CacheDisable     : Pos 4, 1 Bit of Uint8B
  +0x000 Accessed         : Pos 5, 1 Bit of Uint8B
  +0x000 Dirty            : Pos 6, 1 Bit of Uint8B
  +0x000 LargePage        : Pos 7, 1 Bit of Uint8B
  +0x000 Global           : Pos 8, 1 Bit of Uint8B
  +0x000 CopyOnWrite      : Pos 9, 1 Bit of Uint8B
  +0x000 Prototype        : Pos 10, 1 Bit of Uint8B
  +0x000 Write            : Pos 11, 1 Bit of Uint8B
  +0x000 PageFrameNumber  : Pos 12, 26 Bits of Uint8B
  +0x000 reserved1        : Pos 38, 26 Bits of Uint8B

struct _MMPTE_SOFTWARE 0x8
  +0x000 Valid            : Pos 0, 1 Bit of Uint8B
  +0x000 PageFileLow      : Pos 1, 4 Bits of Uint8B
  +0x000 Protection       : Pos 5, 5 Bits of Uint8B
  +0x000 Prototype        : Pos 10, 1 Bit of Uint8B
  +0x000 Transition       : Pos 11, 1 Bit of Uint8B
  +0x000 Unused           : Pos 12, 20 Bits of Uint8B
  +0x000 PageFileHigh     : Pos 32, 32 Bits of Uint8B

struct _MMPTE_TRANSITION 0x8
  +0x000 Valid            : Pos 0, 1 Bit of Uint8B
  +0x000 Write            : Pos 1, 1 Bit of Uint8B
  +0x000 Owner            : Pos 2, 1 Bit of Uint8B
  +0x000 WriteThrough     : Pos 3, 1 Bit of Uint8B
  +0x000 CacheDisable     : Pos 4, 1 Bit of Uint8B
  +0x000 Protection       : Pos 5, 5 Bits of Uint8B
  +0x000 Prototype        : Pos 10, 1 Bit of Uint8B
  +0x000 Transition       : Pos 11, 1 Bit of Uint8B
  +0x000 PageFrameNumber  : Pos 12, 26 Bits of Uint8B
  +0x000 Unused           : Pos 38, 26 Bits of Uint8B

struct _DEVICE_OBJECT 0xb8
  +0x000 Type             : Int2B
  +0x002 Size             : Uint2B
  +0x004 ReferenceCount   : Int4B
`;
