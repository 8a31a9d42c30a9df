/**
 * Server 2003 SP2 x86 thread structures: KTHREAD, ETHREAD and the dispatcher objects they embed.
 * Offsets: dump-format.md §6.6, §6.7 (PDB-derived, S6). The small embedded objects (_KAPC, _KTIMER, ...)
 * carry the Server 2003 x86 layouts their sizes in §6 imply.
 */
export const THREAD_LAYOUTS = `
struct _KTHREAD 0x1b8
  +0x000 Header           : _DISPATCHER_HEADER
  +0x010 MutantListHead   : _LIST_ENTRY
  +0x018 InitialStack     : Ptr32 Void
  +0x01c StackLimit       : Ptr32 Void
  +0x020 KernelStack      : Ptr32 Void
  +0x024 ThreadLock       : Uint4B
  +0x028 ApcState         : _KAPC_STATE
  +0x028 ApcStateFill     : [23] UChar
  +0x03f ApcQueueable     : UChar
  +0x040 NextProcessor    : UChar
  +0x041 DeferredProcessor : UChar
  +0x042 AdjustReason     : UChar
  +0x043 AdjustIncrement  : UChar
  +0x044 ApcQueueLock     : Uint4B
  +0x048 ContextSwitches  : Uint4B
  +0x04c State            : UChar
  +0x04d NpxState         : UChar
  +0x04e WaitIrql         : UChar
  +0x04f WaitMode         : UChar
  +0x050 WaitStatus       : Int4B
  +0x054 WaitBlockList    : Ptr32 _KWAIT_BLOCK
  +0x054 GateObject       : Ptr32 _KGATE
  +0x058 Alertable        : UChar
  +0x059 WaitNext         : UChar
  +0x05a WaitReason       : UChar
  +0x05b Priority         : UChar
  +0x05c EnableStackSwap  : UChar
  +0x05d SwapBusy         : UChar
  +0x05e Alerted          : [2] UChar
  +0x060 WaitListEntry    : _LIST_ENTRY
  +0x060 SwapListEntry    : _SINGLE_LIST_ENTRY
  +0x068 Queue            : Ptr32 _KQUEUE
  +0x06c WaitTime         : Uint4B
  +0x070 KernelApcDisable : Int2B
  +0x072 SpecialApcDisable : Int2B
  +0x070 CombinedApcDisable : Uint4B
  +0x074 Teb              : Ptr32 Void
  +0x078 Timer            : _KTIMER
  +0x078 TimerFill        : [40] UChar
  +0x0a0 AutoAlignment    : Pos 0, 1 Bit of Uint4B
  +0x0a0 DisableBoost     : Pos 1, 1 Bit of Uint4B
  +0x0a0 GuiThread        : Pos 2, 1 Bit of Uint4B
  +0x0a0 ReservedFlags    : Pos 3, 29 Bits of Uint4B
  +0x0a0 ThreadFlags      : Int4B
  +0x0a8 WaitBlock        : [4] _KWAIT_BLOCK
  +0x0a8 WaitBlockFill0   : [23] UChar
  +0x0bf SystemAffinityActive : UChar
  +0x0a8 WaitBlockFill1   : [47] UChar
  +0x0d7 PreviousMode     : UChar
  +0x0a8 WaitBlockFill2   : [71] UChar
  +0x0ef ResourceIndex    : UChar
  +0x0a8 WaitBlockFill3   : [95] UChar
  +0x107 LargeStack       : UChar
  +0x108 QueueListEntry   : _LIST_ENTRY
  +0x110 TrapFrame        : Ptr32 _KTRAP_FRAME
  +0x114 CallbackStack    : Ptr32 Void
  +0x118 ServiceTable     : Ptr32 Void
  +0x11c ApcStateIndex    : UChar
  +0x11d IdealProcessor   : UChar
  +0x11e Preempted        : UChar
  +0x11f ProcessReadyQueue : UChar
  +0x120 KernelStackResident : UChar
  +0x121 BasePriority     : UChar
  +0x122 PriorityDecrement : UChar
  +0x123 Saturation       : UChar
  +0x124 UserAffinity     : Uint4B
  +0x128 Process          : Ptr32 _KPROCESS
  +0x12c Affinity         : Uint4B
  +0x130 ApcStatePointer  : [2] Ptr32 _KAPC_STATE
  +0x138 SavedApcState    : _KAPC_STATE
  +0x138 SavedApcStateFill : [23] UChar
  +0x14f FreezeCount      : UChar
  +0x150 SuspendCount     : UChar
  +0x151 UserIdealProcessor : UChar
  +0x152 CalloutActive    : UChar
  +0x153 Iopl             : UChar
  +0x154 Win32Thread      : Ptr32 Void
  +0x158 StackBase        : Ptr32 Void
  +0x15c SuspendApc       : _KAPC
  +0x15c SuspendApcFill0  : [1] UChar
  +0x15d Quantum          : UChar
  +0x15c SuspendApcFill1  : [3] UChar
  +0x15f QuantumReset     : UChar
  +0x15c SuspendApcFill2  : [4] UChar
  +0x160 KernelTime       : Uint4B
  +0x15c SuspendApcFill3  : [36] UChar
  +0x180 TlsArray         : Ptr32 Void
  +0x15c SuspendApcFill4  : [40] UChar
  +0x184 LegoData         : Ptr32 Void
  +0x15c SuspendApcFill5  : [47] UChar
  +0x18b PowerState       : UChar
  +0x18c UserTime         : Uint4B
  +0x190 SuspendSemaphore : _KSEMAPHORE
  +0x190 SuspendSemaphorefill : [20] UChar
  +0x1a4 SListFaultCount  : Uint4B
  +0x1a8 ThreadListEntry  : _LIST_ENTRY
  +0x1b0 SListFaultAddress : Ptr32 Void

struct _ETHREAD 0x250
  +0x000 Tcb              : _KTHREAD
  +0x1b8 CreateTime       : _LARGE_INTEGER
  +0x1c0 ExitTime         : _LARGE_INTEGER
  +0x1c0 LpcReplyChain    : _LIST_ENTRY
  +0x1c0 KeyedWaitChain   : _LIST_ENTRY
  +0x1c8 ExitStatus       : Int4B
  +0x1c8 OfsChain         : Ptr32 Void
  +0x1cc PostBlockList    : _LIST_ENTRY
  +0x1d4 TerminationPort  : Ptr32 _TERMINATION_PORT
  +0x1d4 ReaperLink       : Ptr32 _ETHREAD
  +0x1d4 KeyedWaitValue   : Ptr32 Void
  +0x1d8 ActiveTimerListLock : Uint4B
  +0x1dc ActiveTimerListHead : _LIST_ENTRY
  +0x1e4 Cid              : _CLIENT_ID
  +0x1ec LpcReplySemaphore : _KSEMAPHORE
  +0x1ec KeyedWaitSemaphore : _KSEMAPHORE
  +0x200 LpcReplyMessage  : Ptr32 Void
  +0x200 LpcWaitingOnPort : Ptr32 Void
  +0x204 ImpersonationInfo : Ptr32 _PS_IMPERSONATION_INFORMATION
  +0x208 IrpList          : _LIST_ENTRY
  +0x210 TopLevelIrp      : Uint4B
  +0x214 DeviceToVerify   : Ptr32 _DEVICE_OBJECT
  +0x218 ThreadsProcess   : Ptr32 _EPROCESS
  +0x21c StartAddress     : Ptr32 Void
  +0x220 Win32StartAddress : Ptr32 Void
  +0x220 LpcReceivedMessageId : Uint4B
  +0x224 ThreadListEntry  : _LIST_ENTRY
  +0x22c RundownProtect   : _EX_RUNDOWN_REF
  +0x230 ThreadLock       : _EX_PUSH_LOCK
  +0x234 LpcReplyMessageId : Uint4B
  +0x238 ReadClusterSize  : Uint4B
  +0x23c GrantedAccess    : Uint4B
  +0x240 CrossThreadFlags : Uint4B
  +0x240 Terminated       : Pos 0, 1 Bit of Uint4B
  +0x240 DeadThread       : Pos 1, 1 Bit of Uint4B
  +0x240 HideFromDebugger : Pos 2, 1 Bit of Uint4B
  +0x240 ActiveImpersonationInfo : Pos 3, 1 Bit of Uint4B
  +0x240 SystemThread     : Pos 4, 1 Bit of Uint4B
  +0x240 HardErrorsAreDisabled : Pos 5, 1 Bit of Uint4B
  +0x240 BreakOnTermination : Pos 6, 1 Bit of Uint4B
  +0x240 SkipCreationMsg  : Pos 7, 1 Bit of Uint4B
  +0x240 SkipTerminationMsg : Pos 8, 1 Bit of Uint4B
  +0x244 SameThreadPassiveFlags : Uint4B
  +0x244 ActiveExWorker   : Pos 0, 1 Bit of Uint4B
  +0x244 ExWorkerCanWaitUser : Pos 1, 1 Bit of Uint4B
  +0x244 MemoryMaker      : Pos 2, 1 Bit of Uint4B
  +0x244 KeyedEventInUse  : Pos 3, 1 Bit of Uint4B
  +0x248 SameThreadApcFlags : Uint4B
  +0x248 LpcReceivedMsgIdValid : Pos 0, 1 Bit of UChar
  +0x248 LpcExitThreadCalled : Pos 1, 1 Bit of UChar
  +0x248 AddressSpaceOwner : Pos 2, 1 Bit of UChar
  +0x248 OwnsProcessWorkingSetExclusive : Pos 3, 1 Bit of UChar
  +0x248 OwnsProcessWorkingSetShared : Pos 4, 1 Bit of UChar
  +0x248 OwnsSystemWorkingSetExclusive : Pos 5, 1 Bit of UChar
  +0x248 OwnsSystemWorkingSetShared : Pos 6, 1 Bit of UChar
  +0x248 OwnsSessionWorkingSetExclusive : Pos 7, 1 Bit of UChar
  +0x249 OwnsSessionWorkingSetShared : Pos 0, 1 Bit of UChar
  +0x249 ApcNeeded        : Pos 1, 1 Bit of UChar
  +0x24c ForwardClusterOnly : UChar
  +0x24d DisablePageFaultClustering : UChar
  +0x24e ActiveFaultCount : UChar

struct _KAPC_STATE 0x18
  +0x000 ApcListHead      : [2] _LIST_ENTRY
  +0x010 Process          : Ptr32 _KPROCESS
  +0x014 KernelApcInProgress : UChar
  +0x015 KernelApcPending : UChar
  +0x016 UserApcPending   : UChar

struct _DISPATCHER_HEADER 0x10
  +0x000 Type             : UChar
  +0x001 Absolute         : UChar
  +0x001 NpxIrql          : UChar
  +0x002 Size             : UChar
  +0x002 Hand             : UChar
  +0x003 Inserted         : UChar
  +0x003 DebugActive      : UChar
  +0x000 Lock             : Int4B
  +0x004 SignalState      : Int4B
  +0x008 WaitListHead     : _LIST_ENTRY

struct _KGATE 0x10
  +0x000 Header           : _DISPATCHER_HEADER

struct _KSEMAPHORE 0x14
  +0x000 Header           : _DISPATCHER_HEADER
  +0x010 Limit            : Int4B

struct _KWAIT_BLOCK 0x18
  +0x000 WaitListEntry    : _LIST_ENTRY
  +0x008 Thread           : Ptr32 _KTHREAD
  +0x00c Object           : Ptr32 Void
  +0x010 NextWaitBlock    : Ptr32 _KWAIT_BLOCK
  +0x014 WaitKey          : Uint2B
  +0x016 WaitType         : UChar
  +0x017 SpareByte        : UChar

struct _KQUEUE 0x28
  +0x000 Header           : _DISPATCHER_HEADER
  +0x010 EntryListHead    : _LIST_ENTRY
  +0x018 CurrentCount     : Uint4B
  +0x01c MaximumCount     : Uint4B
  +0x020 ThreadListHead   : _LIST_ENTRY

struct _KTIMER 0x28
  +0x000 Header           : _DISPATCHER_HEADER
  +0x010 DueTime          : _ULARGE_INTEGER
  +0x018 TimerListEntry   : _LIST_ENTRY
  +0x020 Dpc              : Ptr32 _KDPC
  +0x024 Period           : Int4B

struct _KDPC 0x20
  +0x000 Type             : Int2B
  +0x002 Number           : UChar
  +0x003 Importance       : UChar
  +0x004 DpcListEntry     : _LIST_ENTRY
  +0x00c DeferredRoutine  : Ptr32 Function
  +0x010 DeferredContext  : Ptr32 Void
  +0x014 SystemArgument1  : Ptr32 Void
  +0x018 SystemArgument2  : Ptr32 Void
  +0x01c DpcData          : Ptr32 Void

struct _KAPC 0x30
  +0x000 Type             : Int2B
  +0x002 Size             : Int2B
  +0x004 Spare0           : Uint4B
  +0x008 Thread           : Ptr32 _KTHREAD
  +0x00c ApcListEntry     : _LIST_ENTRY
  +0x014 KernelRoutine    : Ptr32 Function
  +0x018 RundownRoutine   : Ptr32 Function
  +0x01c NormalRoutine    : Ptr32 Function
  +0x020 NormalContext    : Ptr32 Void
  +0x024 SystemArgument1  : Ptr32 Void
  +0x028 SystemArgument2  : Ptr32 Void
  +0x02c ApcStateIndex    : UChar
  +0x02d ApcMode          : UChar
  +0x02e Inserted         : UChar

struct _TERMINATION_PORT 0x8
  +0x000 Next             : Ptr32 _TERMINATION_PORT
  +0x004 Port             : Ptr32 Void

struct _PS_IMPERSONATION_INFORMATION 0xc
  +0x000 Token            : Ptr32 Void
  +0x004 CopyOnOpen       : UChar
  +0x005 EffectiveOnly    : UChar
  +0x008 ImpersonationLevel : Int4B

struct _EX_RUNDOWN_REF 0x4
  +0x000 Count            : Uint4B
  +0x000 Ptr              : Ptr32 Void

struct _EX_PUSH_LOCK 0x4
  +0x000 Value            : Uint4B
  +0x000 Ptr              : Ptr32 Void

struct _EX_FAST_REF 0x4
  +0x000 Object           : Ptr32 Void
  +0x000 RefCnt           : Pos 0, 3 Bits of Uint4B
  +0x000 Value            : Uint4B
`;
