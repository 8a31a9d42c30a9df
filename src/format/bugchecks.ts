/** Bugcheck code names (bugcodes.h) and the x86 trap numbers of BugCheck 0x7F's first argument (§8.1). */

export const BUGCHECK_NAMES: ReadonlyMap<number, string> = new Map([
  [0x0a, 'IRQL_NOT_LESS_OR_EQUAL'],
  [0x1e, 'KMODE_EXCEPTION_NOT_HANDLED'],
  [0x24, 'NTFS_FILE_SYSTEM'],
  [0x3b, 'SYSTEM_SERVICE_EXCEPTION'],
  [0x4e, 'PFN_LIST_CORRUPT'],
  [0x50, 'PAGE_FAULT_IN_NONPAGED_AREA'],
  [0x7a, 'KERNEL_DATA_INPAGE_ERROR'],
  [0x7b, 'INACCESSIBLE_BOOT_DEVICE'],
  [0x7e, 'SYSTEM_THREAD_EXCEPTION_NOT_HANDLED'],
  [0x7f, 'UNEXPECTED_KERNEL_MODE_TRAP'],
  [0x8e, 'KERNEL_MODE_EXCEPTION_NOT_HANDLED'],
  [0x9f, 'DRIVER_POWER_STATE_FAILURE'],
  [0xc2, 'BAD_POOL_CALLER'],
  [0xc4, 'DRIVER_VERIFIER_DETECTED_VIOLATION'],
  [0xc5, 'DRIVER_CORRUPTED_EXPOOL'],
  [0xd1, 'DRIVER_IRQL_NOT_LESS_OR_EQUAL'],
  [0xe2, 'MANUALLY_INITIATED_CRASH'],
  [0xea, 'THREAD_STUCK_IN_DEVICE_DRIVER'],
  [0xf4, 'CRITICAL_OBJECT_TERMINATION'],
]);

export const UNEXPECTED_KERNEL_MODE_TRAP = 0x7f;

/** Arg1 of 0x7F: the trap number, named as the kernel's trap handlers name them. */
export const TRAP_NAMES: ReadonlyMap<number, string> = new Map([
  [0x0, 'EXCEPTION_DIVIDED_BY_ZERO'],
  [0x1, 'EXCEPTION_DEBUG'],
  [0x2, 'EXCEPTION_NMI'],
  [0x3, 'EXCEPTION_INT3'],
  [0x4, 'EXCEPTION_OVERFLOW'],
  [0x5, 'EXCEPTION_BOUND_CHECK'],
  [0x6, 'EXCEPTION_INVALID_OPCODE'],
  [0x7, 'EXCEPTION_NPX_NOT_AVAILABLE'],
  [0x8, 'EXCEPTION_DOUBLE_FAULT'],
  [0x9, 'EXCEPTION_NPX_OVERRUN'],
  [0xa, 'EXCEPTION_INVALID_TSS'],
  [0xb, 'EXCEPTION_SEGMENT_NOT_PRESENT'],
  [0xc, 'EXCEPTION_STACK_FAULT'],
  [0xd, 'EXCEPTION_GP_FAULT'],
  [0xe, 'EXCEPTION_PAGE_FAULT'],
  [0x10, 'EXCEPTION_NPX_ERROR'],
  [0x11, 'EXCEPTION_ALIGNMENT_CHECK'],
]);

/** e.g. 'UNEXPECTED_KERNEL_MODE_TRAP', or undefined for a code kdsim has no name for. */
export const bugcheckName = (code: number): string | undefined => BUGCHECK_NAMES.get(code >>> 0);
export const trapName = (trap: number): string | undefined => TRAP_NAMES.get(trap >>> 0);
