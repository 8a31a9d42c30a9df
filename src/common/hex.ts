/** Hex text as WinDbg prints it on x86: lowercase, zero-padded, no 0x. */
export const hex8 = (v: number): string => (v >>> 0).toString(16).padStart(8, '0');
export const hex4 = (v: number): string => (v & 0xffff).toString(16).padStart(4, '0');
export const hex2 = (v: number): string => (v & 0xff).toString(16).padStart(2, '0');
/** Minimal lowercase hex, no padding (`0x` added by callers that want it). */
export const hexMin = (v: number | bigint): string => v.toString(16);
/** Any width up to 64 bits (physical addresses above 4 GiB, LARGE_INTEGERs). */
export const hexPad = (v: number | bigint, digits: number): string => BigInt(v).toString(16).padStart(digits, '0');

/** Force a JS number into unsigned 32-bit range. */
export const u32 = (v: number): number => v >>> 0;
/** Signed view of a 32-bit value (for `?`'s decimal column). */
export const s32 = (v: number): number => v | 0;

export const PAGE_SIZE = 0x1000;
export const PAGE_SHIFT = 12;
