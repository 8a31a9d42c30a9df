/**
 * Register contexts the user can switch to: a task state segment (`.tss sel`), a trap frame (`.trap addr`)
 * and a CONTEXT record (`.cxr addr`). TSS and trap frame offsets come from the kernel's ISF types; the CONTEXT
 * record from the format/ layout table. Unreadable fields make the whole context fail with WinDbg's message.
 */
import { KdsimError } from '../../common/errors';
import { hex4, hex8 } from '../../common/hex';
import type { X86Registers } from '../../common/x86Registers';
import { CONTEXT_X86 } from '../../format/x86Context';
import { offsetOf } from '../../format/layout';
import type { SessionApi } from './types';
import { TypedView } from '../objects/typedView';
import { requireNtTypes } from './processorBlock';
import { gdtDescriptor } from './processorState';

/** The kernel types with `name`, or WinDbg's missing-type error (the contract's own error for unknown types). */
function typesWith(session: SessionApi, name: string) {
  const types = requireNtTypes(session);
  if (!types.hasType(name)) throw new KdsimError('E_SYMBOLS', `Symbol nt!${name} not found.`);
  return types;
}

const REG_FIELDS: [keyof X86Registers, string][] = [
  ['eax', 'Eax'], ['ebx', 'Ebx'], ['ecx', 'Ecx'], ['edx', 'Edx'], ['esi', 'Esi'], ['edi', 'Edi'],
  ['eip', 'Eip'], ['ebp', 'Ebp'], ['efl', 'EFlags'],
];

function readAll(v: TypedView, fields: [keyof X86Registers, string][], what: string): Partial<X86Registers> {
  const out: Partial<X86Registers> = {};
  for (const [reg, field] of fields) {
    const x = v.value(field);
    if (x === null) throw new KdsimError('E_MEMORY', `Unable to read ${what} at ${hex8(v.address)}`);
    out[reg] = x;
  }
  return out;
}

/** `.tss sel`: GDT[sel] of the current processor must be a TSS; its saved registers, with its CR3. */
export function tssContext(session: SessionApi, selector: number): { regs: X86Registers; base: number } {
  const d = gdtDescriptor(session, session.processor, selector);
  // Access byte type 0x9 (available) or 0xB (busy) 32-bit TSS, with S = 0.
  if (!d || (d.access & 0x1d) !== 0x09) {
    throw new KdsimError('E_COMMAND', `Unable to get descriptor for selector ${hex4(selector)}`);
  }
  const v = new TypedView(session.dump.kernelVm, typesWith(session, '_KTSS'), '_KTSS', d.base);
  const regs = readAll(v, [...REG_FIELDS, ['esp', 'Esp'], ['cs', 'Cs'], ['ss', 'Ss'], ['ds', 'Ds'], ['es', 'Es'],
    ['fs', 'Fs'], ['gs', 'Gs'], ['cr3', 'CR3']], 'TSS');
  return { regs: regs as X86Registers, base: d.base };
}

/** `.trap addr`: a KTRAP_FRAME. A kernel-mode frame (CS ring 0) has no saved ESP/SS: ESP is where HardwareEsp would be. */
export function trapContext(session: SessionApi, addr: number): { regs: X86Registers; errCode: number } {
  const v = new TypedView(session.dump.kernelVm, typesWith(session, '_KTRAP_FRAME'), '_KTRAP_FRAME', addr);
  const r = readAll(v, [...REG_FIELDS, ['cs', 'SegCs'], ['ds', 'SegDs'], ['es', 'SegEs'], ['fs', 'SegFs'], ['gs', 'SegGs']], 'trap frame');
  const errCode = v.value('ErrCode');
  if (errCode === null) throw new KdsimError('E_MEMORY', `Unable to read trap frame at ${hex8(addr)}`);
  const kernelMode = ((r.cs ?? 0) & 3) === 0;
  const esp = kernelMode ? v.addressOf('HardwareEsp') : v.value('HardwareEsp');
  const ss = kernelMode ? session.regs.ss : v.value('HardwareSegSs');
  if (esp === null || ss === null) throw new KdsimError('E_MEMORY', `Unable to read trap frame at ${hex8(addr)}`);
  const regs = { ...r, esp, ss } as X86Registers;
  for (const s of ['cs', 'ds', 'es', 'fs', 'gs', 'ss'] as const) regs[s] &= 0xffff;
  return { regs, errCode };
}

const CXR_FIELDS: [keyof X86Registers, keyof typeof CONTEXT_X86.fields][] = [
  ['eax', 'Eax'], ['ebx', 'Ebx'], ['ecx', 'Ecx'], ['edx', 'Edx'], ['esi', 'Esi'], ['edi', 'Edi'],
  ['eip', 'Eip'], ['esp', 'Esp'], ['ebp', 'Ebp'], ['efl', 'EFlags'],
  ['cs', 'SegCs'], ['ss', 'SegSs'], ['ds', 'SegDs'], ['es', 'SegEs'], ['fs', 'SegFs'], ['gs', 'SegGs'],
];

/** `.cxr addr`: an x86 CONTEXT record in memory. */
export function cxrContext(session: SessionApi, addr: number): X86Registers {
  const bytes = session.vm.read(addr, CONTEXT_X86.size);
  if (!bytes) throw new KdsimError('E_MEMORY', `Unable to read context, Win32 error 0n30`);
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const regs: Partial<X86Registers> = {};
  for (const [reg, field] of CXR_FIELDS) {
    const x = dv.getUint32(offsetOf(CONTEXT_X86, field), true);
    regs[reg] = ['cs', 'ss', 'ds', 'es', 'fs', 'gs'].includes(reg) ? x & 0xffff : x;
  }
  return regs as X86Registers;
}
