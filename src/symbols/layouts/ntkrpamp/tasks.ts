/**
 * Server 2003 SP2 x86 segment and task structures: KTSS, GDT/IDT entries, the trap frame.
 * Offsets: dump-format.md §6.4, §6.5, §6.10 (PDB-derived, S6).
 */
export const TASK_LAYOUTS = `
struct _KTSS 0x20ac
  +0x000 Backlink         : Uint2B
  +0x002 Reserved0        : Uint2B
  +0x004 Esp0             : Uint4B
  +0x008 Ss0              : Uint2B
  +0x00a Reserved1        : Uint2B
  +0x00c NotUsed1         : [4] Uint4B
  +0x01c CR3              : Uint4B
  +0x020 Eip              : Uint4B
  +0x024 EFlags           : Uint4B
  +0x028 Eax              : Uint4B
  +0x02c Ecx              : Uint4B
  +0x030 Edx              : Uint4B
  +0x034 Ebx              : Uint4B
  +0x038 Esp              : Uint4B
  +0x03c Ebp              : Uint4B
  +0x040 Esi              : Uint4B
  +0x044 Edi              : Uint4B
  +0x048 Es               : Uint2B
  +0x04a Reserved2        : Uint2B
  +0x04c Cs               : Uint2B
  +0x04e Reserved3        : Uint2B
  +0x050 Ss               : Uint2B
  +0x052 Reserved4        : Uint2B
  +0x054 Ds               : Uint2B
  +0x056 Reserved5        : Uint2B
  +0x058 Fs               : Uint2B
  +0x05a Reserved6        : Uint2B
  +0x05c Gs               : Uint2B
  +0x05e Reserved7        : Uint2B
  +0x060 LDT              : Uint2B
  +0x062 Reserved8        : Uint2B
  +0x064 Flags            : Uint2B
  +0x066 IoMapBase        : Uint2B
  +0x068 IoMaps           : [1] _KiIoAccessMap
  +0x208c IntDirectionMap : [32] UChar

struct _KiIoAccessMap 0x2024
  +0x000 DirectionMap     : [32] UChar
  +0x020 IoMap            : [8196] UChar

// HighWord is an unnamed union in the PDB; dt prints its type as __unnamed.
struct _KGDTENTRY 0x8
  +0x000 LimitLow         : Uint2B
  +0x002 BaseLow          : Uint2B
  +0x004 HighWord         : __unnamed_KGDTENTRY_HighWord

union __unnamed_KGDTENTRY_HighWord 0x4
  +0x000 Bytes            : __unnamed_KGDTENTRY_Bytes
  +0x000 Bits             : __unnamed_KGDTENTRY_Bits

struct __unnamed_KGDTENTRY_Bytes 0x4
  +0x000 BaseMid          : UChar
  +0x001 Flags1           : UChar
  +0x002 Flags2           : UChar
  +0x003 BaseHi           : UChar

struct __unnamed_KGDTENTRY_Bits 0x4
  +0x000 BaseMid          : Pos 0, 8 Bits of Uint4B
  +0x000 Type             : Pos 8, 5 Bits of Uint4B
  +0x000 Dpl              : Pos 13, 2 Bits of Uint4B
  +0x000 Pres             : Pos 15, 1 Bit of Uint4B
  +0x000 LimitHi          : Pos 16, 4 Bits of Uint4B
  +0x000 Sys              : Pos 20, 1 Bit of Uint4B
  +0x000 Reserved_0       : Pos 21, 1 Bit of Uint4B
  +0x000 Default_Big      : Pos 22, 1 Bit of Uint4B
  +0x000 Granularity      : Pos 23, 1 Bit of Uint4B
  +0x000 BaseHi           : Pos 24, 8 Bits of Uint4B

struct _KIDTENTRY 0x8
  +0x000 Offset           : Uint2B
  +0x002 Selector         : Uint2B
  +0x004 Access           : Uint2B
  +0x006 ExtendedOffset   : Uint2B

struct _KTRAP_FRAME 0x8c
  +0x000 DbgEbp           : Uint4B
  +0x004 DbgEip           : Uint4B
  +0x008 DbgArgMark       : Uint4B
  +0x00c DbgArgPointer    : Uint4B
  +0x010 TempSegCs        : Uint4B
  +0x014 TempEsp          : Uint4B
  +0x018 Dr0              : Uint4B
  +0x01c Dr1              : Uint4B
  +0x020 Dr2              : Uint4B
  +0x024 Dr3              : Uint4B
  +0x028 Dr6              : Uint4B
  +0x02c Dr7              : Uint4B
  +0x030 SegGs            : Uint4B
  +0x034 SegEs            : Uint4B
  +0x038 SegDs            : Uint4B
  +0x03c Edx              : Uint4B
  +0x040 Ecx              : Uint4B
  +0x044 Eax              : Uint4B
  +0x048 PreviousPreviousMode : Uint4B
  +0x04c ExceptionList    : Ptr32 _EXCEPTION_REGISTRATION_RECORD
  +0x050 SegFs            : Uint4B
  +0x054 Edi              : Uint4B
  +0x058 Esi              : Uint4B
  +0x05c Ebx              : Uint4B
  +0x060 Ebp              : Uint4B
  +0x064 ErrCode          : Uint4B
  +0x068 Eip              : Uint4B
  +0x06c SegCs            : Uint4B
  +0x070 EFlags           : Uint4B
  +0x074 HardwareEsp      : Uint4B
  +0x078 HardwareSegSs    : Uint4B
  +0x07c V86Es            : Uint4B
  +0x080 V86Ds            : Uint4B
  +0x084 V86Fs            : Uint4B
  +0x088 V86Gs            : Uint4B
`;
