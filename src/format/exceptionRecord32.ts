/** `EXCEPTION_RECORD32` (0x50 bytes; the dump header holds one at 0x7D0), dump-format.md §3.2. */
import { array, defineLayout, u32 } from './layout';

export const EXCEPTION_MAXIMUM_PARAMETERS = 15;

export const EXCEPTION_RECORD32 = defineLayout('EXCEPTION_RECORD32', 0x50, {
  ExceptionCode: [0x00, u32],
  ExceptionFlags: [0x04, u32],
  ExceptionRecord: [0x08, u32],
  ExceptionAddress: [0x0c, u32],
  NumberParameters: [0x10, u32],
  ExceptionInformation: [0x14, array(u32, EXCEPTION_MAXIMUM_PARAMETERS)],
});

/** ExceptionFlags bit 0. */
export const EXCEPTION_NONCONTINUABLE = 1;
/** What a bugcheck dump's header record holds (a synthetic breakpoint). */
export const STATUS_BREAKPOINT = 0x80000003;
