/**
 * GDT and IDT of one processor, written through _KGDTENTRY / _KIDTENTRY. Selectors are Windows x86's (dump-format.md
 * §6.5): 08/10 kernel code/data, 1b/23 user code/data, 28 the normal TSS (busy), 30 the PCR, 3b the TEB, 40 the
 * VDM/BIOS data, 50 the double-fault TSS (available again: KiTrap08 clears its busy bit), 58 the NMI TSS.
 */
import type { StructWriter } from './structWriter';

export interface GdtPlan {
  gdt: number;
  tss: number;
  kpcr: number;
  teb: number;
  dfTss: number;
  nmiTss: number;
  /** Whether the normal task is marked busy (it is the running/interrupted task). */
  tssBusy: boolean;
}

export const GDT_LIMIT = 0x3ff;
export const IDT_LIMIT = 0x7ff;
/** KTSS hardware part (up to IoMaps): the limit of the double-fault and NMI task segments. */
export const SMALL_TSS_LIMIT = 0x68;
export const TSS_LIMIT = 0x20ab;

interface Descriptor { base: number; limit: number; flags1: number; flags2: number }

function writeDescriptor(w: StructWriter, gdt: number, selector: number, d: Descriptor): void {
  const at = gdt + (selector & ~7);
  w.fill('_KGDTENTRY', at, {
    LimitLow: d.limit & 0xffff,
    BaseLow: d.base & 0xffff,
    'HighWord.Bytes.BaseMid': (d.base >>> 16) & 0xff,
    'HighWord.Bytes.Flags1': d.flags1,
    'HighWord.Bytes.Flags2': ((d.limit >>> 16) & 0xf) | d.flags2,
    'HighWord.Bytes.BaseHi': (d.base >>> 24) & 0xff,
  });
}

export function writeGdt(w: StructWriter, p: GdtPlan): void {
  w.mem.write(p.gdt, new Uint8Array(GDT_LIMIT + 1));
  const flat = { base: 0, limit: 0xfffff };
  writeDescriptor(w, p.gdt, 0x08, { ...flat, flags1: 0x9b, flags2: 0xc0 });
  writeDescriptor(w, p.gdt, 0x10, { ...flat, flags1: 0x93, flags2: 0xc0 });
  writeDescriptor(w, p.gdt, 0x18, { ...flat, flags1: 0xfb, flags2: 0xc0 });
  writeDescriptor(w, p.gdt, 0x20, { ...flat, flags1: 0xf3, flags2: 0xc0 });
  writeDescriptor(w, p.gdt, 0x28, { base: p.tss, limit: TSS_LIMIT, flags1: p.tssBusy ? 0x8b : 0x89, flags2: 0 });
  writeDescriptor(w, p.gdt, 0x30, { base: p.kpcr, limit: 0x1fff, flags1: 0x93, flags2: 0x40 });
  writeDescriptor(w, p.gdt, 0x38, { base: p.teb, limit: 0xfff, flags1: 0xf3, flags2: 0x40 });
  writeDescriptor(w, p.gdt, 0x40, { base: 0x400, limit: 0xffff, flags1: 0xf2, flags2: 0 });
  writeDescriptor(w, p.gdt, 0x50, { base: p.dfTss, limit: SMALL_TSS_LIMIT, flags1: 0x89, flags2: 0 });
  writeDescriptor(w, p.gdt, 0x58, { base: p.nmiTss, limit: SMALL_TSS_LIMIT, flags1: 0x89, flags2: 0 });
}

export type IdtEntry = { handler: number; dpl?: number } | { taskGate: number };

/** Gate access words: P | DPL | type (0xE 32-bit interrupt gate, 0x5 task gate). */
export function writeIdt(w: StructWriter, idt: number, entries: IdtEntry[]): void {
  w.mem.write(idt, new Uint8Array(IDT_LIMIT + 1));
  const size = w.sizeof('_KIDTENTRY');
  entries.forEach((e, vector) => {
    const at = idt + vector * size;
    if ('taskGate' in e) {
      w.fill('_KIDTENTRY', at, { Offset: 0, Selector: e.taskGate, Access: 0x8500, ExtendedOffset: 0 });
    } else {
      w.fill('_KIDTENTRY', at, {
        Offset: e.handler & 0xffff, Selector: 0x08, Access: 0x8e00 | ((e.dpl ?? 0) << 13), ExtendedOffset: e.handler >>> 16,
      });
    }
  });
}
