/**
 * x86 `CONTEXT` (0x2CC bytes) and its `FLOATING_SAVE_AREA` (dump-format.md §3.1, winnt.h), and the
 * ContextFlags bits. The dump header holds one CONTEXT at 0x320 (the bugchecking processor's).
 */
import { bytes, defineLayout, nested, u32 } from './layout';

export const FLOATING_SAVE_AREA = defineLayout('FLOATING_SAVE_AREA', 0x70, {
  ControlWord: [0x00, u32],
  StatusWord: [0x04, u32],
  TagWord: [0x08, u32],
  ErrorOffset: [0x0c, u32],
  ErrorSelector: [0x10, u32],
  DataOffset: [0x14, u32],
  DataSelector: [0x18, u32],
  RegisterArea: [0x1c, bytes(80)],
  Cr0NpxState: [0x6c, u32],
});

export const CONTEXT_X86 = defineLayout('CONTEXT', 0x2cc, {
  ContextFlags: [0x000, u32],
  Dr0: [0x004, u32],
  Dr1: [0x008, u32],
  Dr2: [0x00c, u32],
  Dr3: [0x010, u32],
  Dr6: [0x014, u32],
  Dr7: [0x018, u32],
  FloatSave: [0x01c, nested(FLOATING_SAVE_AREA)],
  SegGs: [0x08c, u32],
  SegFs: [0x090, u32],
  SegEs: [0x094, u32],
  SegDs: [0x098, u32],
  Edi: [0x09c, u32],
  Esi: [0x0a0, u32],
  Ebx: [0x0a4, u32],
  Edx: [0x0a8, u32],
  Ecx: [0x0ac, u32],
  Eax: [0x0b0, u32],
  Ebp: [0x0b4, u32],
  Eip: [0x0b8, u32],
  SegCs: [0x0bc, u32],
  EFlags: [0x0c0, u32],
  Esp: [0x0c4, u32],
  SegSs: [0x0c8, u32],
  ExtendedRegisters: [0x0cc, bytes(512)],
});

/** ContextFlags (winnt.h): which groups of the record are meaningful. */
export const ContextFlags = {
  CONTEXT_i386: 0x00010000,
  CONTEXT_CONTROL: 0x00010001,
  CONTEXT_INTEGER: 0x00010002,
  CONTEXT_SEGMENTS: 0x00010004,
  CONTEXT_FLOATING_POINT: 0x00010008,
  CONTEXT_DEBUG_REGISTERS: 0x00010010,
  CONTEXT_EXTENDED_REGISTERS: 0x00010020,
  CONTEXT_FULL: 0x00010007,
  CONTEXT_ALL: 0x0001003f,
} as const;
