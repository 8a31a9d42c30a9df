import { KDBG_OWNER_TAG, KDBG_SIZE_WS03 } from '../../symbols/layouts/kdbg';
import { ntkrpampTypes } from '../../symbols/layouts/ntkrpamp';
import { TypeTable } from '../../symbols/typeTable';
import { FakeMemory, writeFields } from '../../testing/fakeMemory';
import { readGdtEntry, readIdtEntry } from './descriptors';
import { readProcessList } from './eprocess';
import { kdbgTypeTable, readKdbg } from './kdbg';
import { KTrapFrame } from './ktrapFrame';
import { KTss } from './ktss';
import { ProcessorTable } from './processors';

const nt = new TypeTable(ntkrpampTypes(), 'ntkrpamp');
const GDT = 0x8003f000;

/** A raw 8-byte segment descriptor, built from the Intel bit layout (independent of the ISF). */
function descriptor(base: number, limit: number, access: number, gran: number): number[] {
  return [limit & 0xff, (limit >> 8) & 0xff, base & 0xff, (base >> 8) & 0xff, (base >> 16) & 0xff,
    access, ((limit >> 16) & 0xf) | (gran << 4), (base >>> 24) & 0xff];
}

describe('GDT and IDT decoding', () => {
  const m = new FakeMemory()
    .write(GDT + 0x08, descriptor(0, 0xfffff, 0x9b, 0xc))
    .write(GDT + 0x28, descriptor(0x80042000, 0x20ab, 0x8b, 0x0))
    .write(GDT + 0x50, descriptor(0xf773a2e0, 0x68, 0x89, 0x0));

  it('decodes a busy TSS with WinDbg dg flags', () => {
    expect(readGdtEntry(m, nt, GDT, 0x28)).toMatchObject({
      base: 0x80042000, limit: 0x20ab, type: 0xb, system: true, busy: true, present: true, dpl: 0, flags: 0x8b,
    });
    expect(readGdtEntry(m, nt, GDT, 0x50)).toMatchObject({ base: 0xf773a2e0, limit: 0x68, busy: false, flags: 0x89 });
  });

  it('expands page-granular limits and reads code segment bits', () => {
    expect(readGdtEntry(m, nt, GDT, 0x08)).toMatchObject({
      base: 0, limit: 0xffffffff, type: 0x1b, system: false, big: true, granularity: true, flags: 0xc9b,
    });
  });

  it('refuses selectors past the GDT limit or unreadable', () => {
    expect(readGdtEntry(m, nt, GDT, 0x50, 0x3ff)).not.toBeNull();
    expect(readGdtEntry(m, nt, GDT, 0x400, 0x3ff)).toBeNull();
    expect(readGdtEntry(m, nt, GDT, 0x1000)).toBeNull();
  });

  it('decodes a task gate and an interrupt gate', () => {
    const IDT = 0x8003f400;
    const idt = new FakeMemory()
      .write(IDT + 8 * 8, [0, 0, 0x50, 0, 0, 0x85, 0, 0])
      .write(IDT + 0xe * 8, [0x18, 0xc7, 0x08, 0, 0, 0x8e, 0x88, 0x80]);
    expect(readIdtEntry(idt, nt, IDT, 8)).toMatchObject({ gate: 'task', selector: 0x50, present: true, dpl: 0 });
    expect(readIdtEntry(idt, nt, IDT, 0xe)).toMatchObject({ gate: 'interrupt', selector: 8, offset: 0x8088c718 });
  });
});

describe('KTss and KTrapFrame registers', () => {
  it('gives .tss registers with CR3', () => {
    const m = writeFields(new FakeMemory(), nt, '_KTSS', 0x80042000, {
      Eip: 0x8088c718, Esp: 0xb8ae5fe4, Ebp: 0xb8ae5fe4, EFlags: 0x10046, Cs: 8, Ss: 0x10, Ds: 0x23, Es: 0x23,
      Fs: 0x30, CR3: 0x1a3f000, Ecx: 0x87d68438,
    });
    expect(new KTss(m, nt, 0x80042000).toRegisters()).toMatchObject({
      eip: 0x8088c718, esp: 0xb8ae5fe4, efl: 0x10046, cs: 8, ss: 0x10, fs: 0x30, gs: 0, cr3: 0x1a3f000, ecx: 0x87d68438,
    });
    expect(new KTss(new FakeMemory(), nt, 0x80042000).toRegisters()).toBeNull();
  });

  it('puts a kernel-mode trap ESP at &HardwareEsp, and honours an edited frame', () => {
    const tf = 0xb8ae5fe4;
    const m = writeFields(new FakeMemory(), nt, '_KTRAP_FRAME', tf, { Eip: 0x808813d8, SegCs: 8, EFlags: 0x10246, Ebp: 0xb8ae60ec });
    expect(new KTrapFrame(m, nt, tf).toRegisters()).toMatchObject({ eip: 0x808813d8, esp: tf + 0x74, ss: 0x10, cs: 8 });
    writeFields(m, nt, '_KTRAP_FRAME', tf, { SegCs: 0, TempSegCs: 8, TempEsp: 0xb8ae6000 });
    expect(new KTrapFrame(m, nt, tf).toRegisters()).toMatchObject({ esp: 0xb8ae6000, cs: 8 });
  });
});

describe('KDBG, processors and processes', () => {
  const kd = kdbgTypeTable();
  const KDBG = 0x80890000;
  const build = () => {
    const m = writeFields(new FakeMemory(), kd, '_KDDEBUGGER_DATA64', KDBG, {
      'Header.OwnerTag': KDBG_OWNER_TAG, 'Header.Size': KDBG_SIZE_WS03,
      KernBase: 0xffffffff80800000n, PsActiveProcessHead: 0xffffffff808a0000n, KiProcessorBlock: 0xffffffff808a1000n,
    });
    const prcbs = [0xffdff120, 0xf7737120];
    prcbs.forEach((p, i) => m.writeU32(0x808a1000 + 4 * i, p));
    return m;
  };

  it('reads the block and masks sign-extended pointers to 32 bits', () => {
    const r = readKdbg(build(), KDBG);
    if (!r.ok) throw new Error(r.reason);
    expect([r.kdbg.kernBase, r.kdbg.psActiveProcessHead]).toEqual([0x80800000, 0x808a0000]);
  });

  it('rejects a wrong tag or an unreadable block with a reason', () => {
    const m = build().writeU32(KDBG + 0x10, 0x41414141);
    expect(readKdbg(m, KDBG)).toEqual({ ok: false, reason: "KDBG at 80890000 has tag 41414141, not 'KDBG'" });
    expect(readKdbg(m, 0x1000)).toEqual({ ok: false, reason: 'KDBG at 00001000 is not readable' });
  });

  it('finds each KPCR as PRCB − PrcbData from KiProcessorBlock, once, and guesses no fixed KPCR', () => {
    const r = readKdbg(build(), KDBG);
    if (!r.ok) throw new Error(r.reason);
    const m = build();
    const table = new ProcessorTable(m, 3, r.kdbg.kiProcessorBlock ?? undefined);
    expect([0, 1].map((n) => table.kpcr(n, nt).address)).toEqual([0xffdff000, 0xf7737000]);
    expect(() => table.prcbAddress(2)).toThrow('Cannot get PRCB address');
    expect(() => table.prcbAddress(3)).toThrow('Cannot get PRCB address');
    // Cached: a later change of the table's memory does not move processor 1.
    m.writeU32(r.kdbg.kiProcessorBlock! + 4, 0x12345678);
    expect(table.prcbAddress(1)).toBe(0xf7737120);
    // No KDBG and no symbol: no table, and no 0xFFDFF000 guess for processor 0 (WinDbg: "Cannot get PRCB address").
    expect(() => new ProcessorTable(new FakeMemory(), 1, undefined).prcbAddress(0)).toThrow('Cannot get PRCB address');
  });

  it('lists processes with name, pid, DTB and threads', () => {
    const m = new FakeMemory();
    const head = 0x808a0000;
    const proc = 0x874c6800;
    const thread = 0x87d68438;
    const links = proc + nt.offsetof('_EPROCESS', 'ActiveProcessLinks');
    m.writeU32(head, links).writeU32(links, head);
    writeFields(m, nt, '_EPROCESS', proc, { UniqueProcessId: 0x9c4, 'Pcb.DirectoryTableBase[0]': 0x1a3f000 });
    m.writeString(proc + nt.offsetof('_EPROCESS', 'ImageFileName'), 'StackHog.exe\0');
    const th = proc + nt.offsetof('_EPROCESS', 'ThreadListHead');
    const tl = thread + nt.offsetof('_ETHREAD', 'ThreadListEntry');
    m.writeU32(th, tl).writeU32(tl, th);
    writeFields(m, nt, '_ETHREAD', thread, { 'Tcb.StackBase': 0xb8ae9000, 'Tcb.StackLimit': 0xb8ae6000, 'Cid.UniqueThread': 0x9c8 });
    const { processes, warning } = readProcessList(m, nt, head);
    expect(warning).toBeUndefined();
    const p = processes[0];
    expect([p.address, p.imageFileName, p.uniqueProcessId, p.directoryTableBase]).toEqual([proc, 'StackHog.exe', 0x9c4, 0x1a3f000]);
    const t = p.threads().threads[0];
    expect([t.address, t.stackBase, t.stackLimit, t.uniqueThread]).toEqual([thread, 0xb8ae9000, 0xb8ae6000, 0x9c8]);
  });
});
