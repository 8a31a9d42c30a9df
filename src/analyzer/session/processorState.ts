/**
 * Per-processor state the engine needs beyond a register context: the KPCR/KPRCB, the special registers a dump
 * keeps in KPRCB.ProcessorState.SpecialRegisters (CR0-CR4, GDTR, IDTR, TR), the saved CONTEXT of other
 * processors, and GDT descriptor bases for `sel:offset` addresses. Every read answers undefined when the bytes
 * or the types are missing; nothing here invents a value.
 */
import type { X86Registers } from '../../common/x86Registers';
import type { SessionApi } from './types';
import { TypedView } from '../objects/typedView';
import { kpcrAddress, prcbAddress } from './processorBlock';

const SPECIAL = 'ProcessorState.SpecialRegisters';
/** Special registers by `r` name → member path in _KPRCB. */
const SPECIAL_FIELDS: Record<string, string> = {
  cr0: `${SPECIAL}.Cr0`, cr2: `${SPECIAL}.Cr2`, cr3: `${SPECIAL}.Cr3`, cr4: `${SPECIAL}.Cr4`,
  tr: `${SPECIAL}.Tr`, ldtr: `${SPECIAL}.Ldtr`,
  gdtr: `${SPECIAL}.Gdtr.Base`, gdtl: `${SPECIAL}.Gdtr.Limit`, idtr: `${SPECIAL}.Idtr.Base`, idtl: `${SPECIAL}.Idtr.Limit`,
};

const attempt = <T>(f: () => T): T | undefined => { try { return f(); } catch { return undefined; } };
const orUndef = (v: number | null | undefined): number | undefined => (v === null || v === undefined ? undefined : v);

export function prcbView(session: SessionApi, n: number): TypedView | undefined {
  const types = session.ntTypes;
  if (!types) return undefined;
  const prcb = attempt(() => prcbAddress(session, n));
  return prcb === undefined ? undefined : new TypedView(session.dump.kernelVm, types, '_KPRCB', prcb);
}

export function kpcrView(session: SessionApi, n: number): TypedView | undefined {
  const types = session.ntTypes;
  if (!types) return undefined;
  const kpcr = attempt(() => kpcrAddress(session, n));
  return kpcr === undefined ? undefined : new TypedView(session.dump.kernelVm, types, '_KPCR', kpcr);
}

/** `cr2`, `tr`, `gdtr`... of processor n, from its saved special registers. */
export function specialRegister(session: SessionApi, n: number, name: string): number | undefined {
  const path = SPECIAL_FIELDS[name];
  const v = path ? prcbView(session, n) : undefined;
  return v && orUndef(attempt(() => v.value(path)));
}

/** Processor n's saved CONTEXT (KPRCB.ProcessorState.ContextFrame), when its ContextFlags say it was captured. */
export function savedContext(session: SessionApi, n: number): X86Registers | undefined {
  const v = prcbView(session, n);
  if (!v) return undefined;
  const ctx = attempt(() => v.child('ProcessorState.ContextFrame', '_CONTEXT'));
  const flags = ctx && attempt(() => ctx.value('ContextFlags'));
  if (!ctx || !flags) return undefined;
  const r = (f: string) => attempt(() => ctx.value(f)) ?? null;
  const vals = {
    eax: r('Eax'), ebx: r('Ebx'), ecx: r('Ecx'), edx: r('Edx'), esi: r('Esi'), edi: r('Edi'),
    eip: r('Eip'), esp: r('Esp'), ebp: r('Ebp'), efl: r('EFlags'),
    cs: r('SegCs'), ss: r('SegSs'), ds: r('SegDs'), es: r('SegEs'), fs: r('SegFs'), gs: r('SegGs'),
  };
  if (Object.values(vals).some((x) => x === null)) return undefined;
  return vals as X86Registers;
}

/** Linear base of GDT descriptor `selector` on processor n (KPCR.GDT, else SpecialRegisters.Gdtr). */
export function segmentBase(session: SessionApi, n: number, selector: number): number | undefined {
  const d = gdtDescriptor(session, n, selector);
  return d && d.base;
}

export interface GdtDescriptorBits { base: number; limit: number; access: number; flags: number }

/** The 8-byte descriptor of `selector` (x86 layout: base 15:0 at +2, 23:16 at +4, 31:24 at +7; limit 15:0, 19:16). */
export function gdtDescriptor(session: SessionApi, n: number, selector: number): GdtDescriptorBits | undefined {
  const gdt = orUndef(attempt(() => kpcrView(session, n)?.value('GDT'))) ?? specialRegister(session, n, 'gdtr');
  if (gdt === undefined || (selector & 4) !== 0) return undefined;
  const b = session.dump.kernelVm.read((gdt + (selector & 0xfff8)) >>> 0, 8);
  if (!b) return undefined;
  const base = (b[2] | (b[3] << 8) | (b[4] << 16) | (b[7] << 24)) >>> 0;
  let limit = b[0] | (b[1] << 8) | ((b[6] & 0xf) << 16);
  if (b[6] & 0x80) limit = ((limit << 12) | 0xfff) >>> 0;
  return { base, limit, access: b[5], flags: b[6] >> 4 };
}

/** KPRCB.CurrentThread of processor n, and that thread's process (KTHREAD.ApcState.Process). */
export function currentThreadOf(session: SessionApi, n: number): { thread?: number; process?: number } {
  const thread = orUndef(attempt(() => prcbView(session, n)?.value('CurrentThread')));
  if (!thread || !session.ntTypes) return { thread };
  const t = new TypedView(session.dump.kernelVm, session.ntTypes, '_KTHREAD', thread);
  const process = orUndef(attempt(() => t.value('ApcState.Process')));
  return { thread, process };
}
