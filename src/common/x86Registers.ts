/**
 * One x86 register context, whatever it came from (CONTEXT record, KTSS, KTRAP_FRAME).
 * Shared by objects (which read it), the stack walker and the commands (which print it).
 */
export interface X86Registers {
  eax: number; ebx: number; ecx: number; edx: number; esi: number; edi: number;
  eip: number; esp: number; ebp: number; efl: number;
  cs: number; ss: number; ds: number; es: number; fs: number; gs: number;
  /** Debug registers when the source has them (CONTEXT). */
  dr0?: number; dr1?: number; dr2?: number; dr3?: number; dr6?: number; dr7?: number;
  /** CR3 to translate addresses in this context (TSS CR3, process DTB); absent = the dump's kernel DTB. */
  cr3?: number;
}

export const GENERAL_REGISTERS = ['eax', 'ebx', 'ecx', 'edx', 'esi', 'edi', 'eip', 'esp', 'ebp', 'efl'] as const;
export const SEGMENT_REGISTERS = ['cs', 'ss', 'ds', 'es', 'fs', 'gs'] as const;

/** Where a register context came from; `r` prints "Last set context:" for every source but 'default'. */
export type ContextSource = 'default' | 'tss' | 'trap' | 'cxr' | 'thread';
