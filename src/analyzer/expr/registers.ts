/**
 * Register names the MASM evaluator knows on x86, and how the 8/16-bit views derive from the 32-bit registers.
 * Names are lowercase; WinDbg accepts them with or without `@`.
 */
export const CONTEXT_REGISTERS = [
  'eax', 'ebx', 'ecx', 'edx', 'esi', 'edi', 'eip', 'esp', 'ebp', 'efl',
  'cs', 'ss', 'ds', 'es', 'fs', 'gs', 'dr0', 'dr1', 'dr2', 'dr3', 'dr6', 'dr7',
] as const;

/** Per-processor registers a dump keeps in KPRCB.ProcessorState.SpecialRegisters (not part of a .tss/.trap context). */
export const PROCESSOR_REGISTERS = ['cr0', 'cr2', 'cr3', 'cr4', 'tr', 'ldtr', 'gdtr', 'gdtl', 'idtr', 'idtl'] as const;

/** 16-bit and 8-bit views: name → [32-bit register, shift, mask]. */
export const SUB_REGISTERS: Record<string, [string, number, number]> = {
  ax: ['eax', 0, 0xffff], bx: ['ebx', 0, 0xffff], cx: ['ecx', 0, 0xffff], dx: ['edx', 0, 0xffff],
  si: ['esi', 0, 0xffff], di: ['edi', 0, 0xffff], sp: ['esp', 0, 0xffff], bp: ['ebp', 0, 0xffff],
  ip: ['eip', 0, 0xffff], fl: ['efl', 0, 0xffff],
  al: ['eax', 0, 0xff], bl: ['ebx', 0, 0xff], cl: ['ecx', 0, 0xff], dl: ['edx', 0, 0xff],
  ah: ['eax', 8, 0xff], bh: ['ebx', 8, 0xff], ch: ['ecx', 8, 0xff], dh: ['edx', 8, 0xff],
  iopl: ['efl', 12, 3],
  of: ['efl', 11, 1], df: ['efl', 10, 1], if: ['efl', 9, 1], tf: ['efl', 8, 1], sf: ['efl', 7, 1],
  zf: ['efl', 6, 1], af: ['efl', 4, 1], pf: ['efl', 2, 1], cf: ['efl', 0, 1], vip: ['efl', 20, 1], vif: ['efl', 19, 1],
};

const ALL = new Set<string>([...CONTEXT_REGISTERS, ...PROCESSOR_REGISTERS, ...Object.keys(SUB_REGISTERS)]);

export const isRegisterName = (name: string): boolean => ALL.has(name.toLowerCase());

/** Segment registers print as 8 digits when shown alone (`fs=00000030`); the 8/16-bit views at their own width. */
export function registerWidth(name: string): number {
  const sub = SUB_REGISTERS[name];
  if (!sub) return 8;
  if (sub[2] === 0xffff) return 4;
  if (sub[2] === 0xff) return 2;
  return 1;
}
