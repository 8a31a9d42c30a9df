/**
 * Server 2003 SP2 x86 process structures: KPROCESS, EPROCESS and the types they name.
 * Offsets: dump-format.md §6.8, §6.9 (PDB-derived, S6). PAE: PageDirectoryPte is the 8-byte PAE
 * _HARDWARE_PTE (the non-PAE PDB shows 4 bytes; the Filler union keeps the layout unchanged).
 */
export const PROCESS_LAYOUTS = `
struct _KPROCESS 0x78
  +0x000 Header           : _DISPATCHER_HEADER
  +0x010 ProfileListHead  : _LIST_ENTRY
  +0x018 DirectoryTableBase : [2] Uint4B
  +0x020 LdtDescriptor    : _KGDTENTRY
  +0x028 Int21Descriptor  : _KIDTENTRY
  +0x030 IopmOffset       : Uint2B
  +0x032 Iopl             : UChar
  +0x033 Unused           : UChar
  +0x034 ActiveProcessors : Uint4B
  +0x038 KernelTime       : Uint4B
  +0x03c UserTime         : Uint4B
  +0x040 ReadyListHead    : _LIST_ENTRY
  +0x048 SwapListEntry    : _SINGLE_LIST_ENTRY
  +0x04c VdmTrapcHandler  : Ptr32 Void
  +0x050 ThreadListHead   : _LIST_ENTRY
  +0x058 ProcessLock      : Uint4B
  +0x05c Affinity         : Uint4B
  +0x060 AutoAlignment    : Pos 0, 1 Bit of Uint4B
  +0x060 DisableBoost     : Pos 1, 1 Bit of Uint4B
  +0x060 DisableQuantum   : Pos 2, 1 Bit of Uint4B
  +0x060 ReservedFlags    : Pos 3, 29 Bits of Uint4B
  +0x060 ProcessFlags     : Int4B
  +0x064 BasePriority     : UChar
  +0x065 QuantumReset     : UChar
  +0x066 State            : UChar
  +0x067 ThreadSeed       : UChar
  +0x068 PowerState       : UChar
  +0x069 IdealNode        : UChar
  +0x06a Visited          : UChar
  +0x06b Flags            : _KEXECUTE_OPTIONS
  +0x06b ExecuteOptions   : UChar
  +0x06c StackCount       : Uint4B
  +0x070 ProcessListEntry : _LIST_ENTRY

struct _KEXECUTE_OPTIONS 0x1
  +0x000 ExecuteDisable   : Pos 0, 1 Bit of UChar
  +0x000 ExecuteEnable    : Pos 1, 1 Bit of UChar
  +0x000 DisableThunkEmulation : Pos 2, 1 Bit of UChar
  +0x000 Permanent        : Pos 3, 1 Bit of UChar
  +0x000 ExecuteDispatchEnable : Pos 4, 1 Bit of UChar
  +0x000 ImageDispatchEnable : Pos 5, 1 Bit of UChar
  +0x000 Spare            : Pos 6, 2 Bits of UChar

struct _EPROCESS 0x278
  +0x000 Pcb              : _KPROCESS
  +0x078 ProcessLock      : _EX_PUSH_LOCK
  +0x080 CreateTime       : _LARGE_INTEGER
  +0x088 ExitTime         : _LARGE_INTEGER
  +0x090 RundownProtect   : _EX_RUNDOWN_REF
  +0x094 UniqueProcessId  : Ptr32 Void
  +0x098 ActiveProcessLinks : _LIST_ENTRY
  +0x0a0 QuotaUsage       : [3] Uint4B
  +0x0ac QuotaPeak        : [3] Uint4B
  +0x0b8 CommitCharge     : Uint4B
  +0x0bc PeakVirtualSize  : Uint4B
  +0x0c0 VirtualSize      : Uint4B
  +0x0c4 SessionProcessLinks : _LIST_ENTRY
  +0x0cc DebugPort        : Ptr32 Void
  +0x0d0 ExceptionPort    : Ptr32 Void
  +0x0d4 ObjectTable      : Ptr32 _HANDLE_TABLE
  +0x0d8 Token            : _EX_FAST_REF
  +0x0dc WorkingSetPage   : Uint4B
  +0x0e0 AddressCreationLock : _KGUARDED_MUTEX
  +0x100 HyperSpaceLock   : Uint4B
  +0x104 ForkInProgress   : Ptr32 _ETHREAD
  +0x108 HardwareTrigger  : Uint4B
  +0x10c PhysicalVadRoot  : Ptr32 _MM_AVL_TABLE
  +0x110 CloneRoot        : Ptr32 Void
  +0x114 NumberOfPrivatePages : Uint4B
  +0x118 NumberOfLockedPages : Uint4B
  +0x11c Win32Process     : Ptr32 Void
  +0x120 Job              : Ptr32 _EJOB
  +0x124 SectionObject    : Ptr32 Void
  +0x128 SectionBaseAddress : Ptr32 Void
  +0x12c QuotaBlock       : Ptr32 _EPROCESS_QUOTA_BLOCK
  +0x130 WorkingSetWatch  : Ptr32 _PAGEFAULT_HISTORY
  +0x134 Win32WindowStation : Ptr32 Void
  +0x138 InheritedFromUniqueProcessId : Ptr32 Void
  +0x13c LdtInformation   : Ptr32 Void
  +0x140 VadFreeHint      : Ptr32 Void
  +0x144 VdmObjects       : Ptr32 Void
  +0x148 DeviceMap        : Ptr32 Void
  +0x14c Spare0           : [3] Ptr32 Void
  +0x158 PageDirectoryPte : _HARDWARE_PTE
  +0x158 Filler           : Uint8B
  +0x160 Session          : Ptr32 Void
  +0x164 ImageFileName    : [16] UChar
  +0x174 JobLinks         : _LIST_ENTRY
  +0x17c LockedPagesList  : Ptr32 Void
  +0x180 ThreadListHead   : _LIST_ENTRY
  +0x188 SecurityPort     : Ptr32 Void
  +0x18c PaeTop           : Ptr32 Void
  +0x190 ActiveThreads    : Uint4B
  +0x194 GrantedAccess    : Uint4B
  +0x198 DefaultHardErrorProcessing : Uint4B
  +0x19c LastThreadExitStatus : Int4B
  +0x1a0 Peb              : Ptr32 _PEB
  +0x1a4 PrefetchTrace    : _EX_FAST_REF
  +0x1a8 ReadOperationCount : _LARGE_INTEGER
  +0x1b0 WriteOperationCount : _LARGE_INTEGER
  +0x1b8 OtherOperationCount : _LARGE_INTEGER
  +0x1c0 ReadTransferCount : _LARGE_INTEGER
  +0x1c8 WriteTransferCount : _LARGE_INTEGER
  +0x1d0 OtherTransferCount : _LARGE_INTEGER
  +0x1d8 CommitChargeLimit : Uint4B
  +0x1dc CommitChargePeak : Uint4B
  +0x1e0 AweInfo          : Ptr32 Void
  +0x1e4 SeAuditProcessCreationInfo : _SE_AUDIT_PROCESS_CREATION_INFO
  +0x1e8 Vm               : _MMSUPPORT
  +0x230 MmProcessLinks   : _LIST_ENTRY
  +0x238 ModifiedPageCount : Uint4B
  +0x23c JobStatus        : Uint4B
  +0x240 Flags            : Uint4B
  +0x244 ExitStatus       : Int4B
  +0x248 NextPageColor    : Uint2B
  +0x24a SubSystemMinorVersion : UChar
  +0x24b SubSystemMajorVersion : UChar
  +0x24a SubSystemVersion : Uint2B
  +0x24c PriorityClass    : UChar
  +0x250 VadRoot          : _MM_AVL_TABLE
  +0x270 Cookie           : Uint4B

struct _KGUARDED_MUTEX 0x20
  +0x000 Count            : Int4B
  +0x004 Owner            : Ptr32 _KTHREAD
  +0x008 Contention       : Uint4B
  +0x00c Gate             : _KGATE
  +0x01c KernelApcDisable : Int2B
  +0x01e SpecialApcDisable : Int2B
  +0x01c CombinedApcDisable : Uint4B

struct _SE_AUDIT_PROCESS_CREATION_INFO 0x4
  +0x000 ImageFileName    : Ptr32 Void

// Types kdsim never reads inside: sizes as on Server 2003 x86, fields left out (ISF allows partial types).
struct _MM_AVL_TABLE 0x20
struct _MMSUPPORT 0x48
struct _HANDLE_TABLE 0x44
struct _EJOB 0x180
struct _EPROCESS_QUOTA_BLOCK 0x40
struct _PAGEFAULT_HISTORY 0x18
struct _PEB 0x230
`;
