import { TestMachine, PTE_NX } from '../../testing/testMachine';
import { PageTranslator, PaeTranslator } from './pageTranslator';
import { X86_PAGING } from './pagingModes';
import { DumpVirtualMemory } from './virtualMemory';
import { PAE_PAGING } from './pagingModes';
import type { PhysicalMemory } from './types';

/** Physical memory straight from the machine's pages, bounded by its runs. */
function physOf(m: TestMachine): PhysicalMemory {
  const inRun = (pfn: number) => m.runs.some((r) => pfn >= r.basePage && pfn < r.basePage + r.pageCount);
  return {
    has: (pa) => inRun(Math.floor(pa / 0x1000)),
    read(pa, length) {
      const out = new Uint8Array(length);
      for (let i = 0; i < length; i++) {
        const pfn = Math.floor((pa + i) / 0x1000);
        if (!inRun(pfn)) return null;
        out[i] = m.pages.get(pfn)?.[(pa + i) % 0x1000] ?? 0;
      }
      return out;
    },
  };
}

const machine = () => new TestMachine([{ basePage: 0x30, pageCount: 0x100 }, { basePage: 0x110000, pageCount: 0x400 }]);

describe('PaeTranslator', () => {
  it('walks PDPT → PD → PT to a 4 KiB frame and keeps the page offset', () => {
    const m = machine();
    const pa = m.map(0x8088a000);
    expect(new PaeTranslator(physOf(m), m.pdptPa).translate(0x8088a123)).toEqual({ ok: true, pa: pa + 0x123, large: false });
  });

  it('maps a 2 MiB large page from the PDE, frame bits 39:21 only', () => {
    const m = machine();
    m.mapLarge(0x80800000, 0x110000000);
    expect(new PaeTranslator(physOf(m), m.pdptPa).translate(0x809abcde)).toEqual({ ok: true, pa: 0x110000000 + 0x1abcde, large: true });
  });

  it('drops NX (bit 63) and the software bits 62:52 from the frame', () => {
    const m = machine();
    m.map(0x81000000, 0x110001000, PTE_NX | (0x7ffn << 52n));
    expect(new PaeTranslator(physOf(m), m.pdptPa).translate(0x81000010)).toEqual({ ok: true, pa: 0x110001010, large: false });
  });

  it('reads through a transition PTE (bit 11 set, prototype bit 10 clear) as volatility3 does', () => {
    const m = machine();
    m.setPte(0xb8ae4000, 0x110002000n | 0x800n | (4n << 5n));
    expect(new PaeTranslator(physOf(m), m.pdptPa).translate(0xb8ae4004)).toEqual({ ok: true, pa: 0x110002004, large: false });
  });

  it('does not read a prototype PTE even with the transition bit set', () => {
    const m = machine();
    m.setPte(0xb8ae4000, 0x110002000n | 0xc00n);
    const t = new PaeTranslator(physOf(m), m.pdptPa).translate(0xb8ae4000);
    expect(t.ok).toBe(false);
  });

  it('reports a not-present guard PTE with its level, index, entry PA and value', () => {
    const m = machine();
    m.map(0xb8ae6000);
    m.setPte(0xb8ae5000, 0x80n); // a protection-only guard entry
    const t = new PaeTranslator(physOf(m), m.pdptPa).translate(0xb8ae5ffc);
    if (t.ok) throw new Error('guard page translated');
    expect(t.fault).toMatchObject({ level: 'PTE', index: 0xe5, entry: 0x80n });
    expect(t.fault.reason).toBe(`PTE 0x80 at PA 0x${t.fault.entryPa!.toString(16)} (index 0xe5) is not present`);
  });

  it('reports a missing page directory entry at the PDE level', () => {
    const m = machine();
    m.map(0x80000000); // keep PD2 from being a uniform (all-zero) table
    const t = new PaeTranslator(physOf(m), m.pdptPa).translate(0x80400000);
    expect(!t.ok && t.fault.reason).toBe('PDE 0x0 at PA 0x33010 (index 0x2) is not present');
  });

  it('treats a table of one repeated entry as no table, as volatility3 does', () => {
    const m = machine();
    const t = new PaeTranslator(physOf(m), m.pdptPa).translate(0x00400000); // PD0 is all zero
    expect(!t.ok && t.fault.reason).toBe('PD at PA 0x31000 holds one repeated entry (0x0): not a page table');
  });

  it('reports a page table that is in no run', () => {
    const m = machine();
    m.map(0x80000000);
    m.setPhysU64(m.pdptPa + 3 * 0x1000 + 8, 0x7000000n | 0x63n); // PDE of 0x80200000 -> PT at 0x7000000 (not in RAM)
    const t = new PaeTranslator(physOf(m), m.pdptPa).translate(0x80200000);
    expect(!t.ok && t.fault).toMatchObject({ level: 'PTE', pa: 0x7000000, reason: 'PT at PA 0x7000000 is not in the dump' });
  });
});

describe('non-PAE (two-level) translation', () => {
  it('walks PD → PT with 4-byte entries and maps 4 MiB pages from the PDE', () => {
    const pages = new Map<number, Uint8Array>();
    const set32 = (pa: number, v: number) => {
      const pfn = Math.floor(pa / 0x1000);
      if (!pages.has(pfn)) pages.set(pfn, new Uint8Array(0x1000));
      Buffer.from(pages.get(pfn)!.buffer).writeUInt32LE(v >>> 0, pa % 0x1000);
    };
    set32(0x39000 + 0x200 * 4, 0x3a000 | 0x63); // PDE of 0x80000000 -> PT 0x3a000
    set32(0x39000 + 0x201 * 4, 0x00c00000 | 0xe3); // PDE of 0x80400000 -> 4 MiB page at 0xc00000
    set32(0x3a000 + 5 * 4, 0x3b000 | 0x63); // PTE of 0x80005000
    const phys: PhysicalMemory = {
      has: () => true,
      read: (pa, len) => Uint8Array.from({ length: len }, (_, i) => pages.get(Math.floor((pa + i) / 0x1000))?.[(pa + i) % 0x1000] ?? 0),
    };
    const w = new PageTranslator(phys, 0x39000, X86_PAGING);
    expect(w.translate(0x80005abc)).toEqual({ ok: true, pa: 0x3babc, large: false });
    expect(w.translate(0x80412345)).toEqual({ ok: true, pa: 0xc12345, large: true });
    const miss = w.translate(0x80006000);
    expect(!miss.ok && miss.fault.level).toBe('PTE (non-PAE)');
  });
});

describe('DumpVirtualMemory', () => {
  const m = machine();
  const a = m.map(0x80001000);
  m.writePhys(a + 0xffc, Uint8Array.of(1, 2, 3, 4));
  const b = m.map(0x80003000);
  m.writePhys(b, Uint8Array.of(5, 6, 7, 8));
  m.map(0x80004000, 0x900000); // mapped to a PA that is in no run
  const vm = new DumpVirtualMemory(physOf(m), m.pdptPa, PAE_PAGING);

  it('returns bytes where mapped and a gap (never zeros) where not, with the first fault', () => {
    const r = vm.readSparse(0x80001ffc, 0x1008);
    expect(Array.from(r.bytes.subarray(0, 4))).toEqual([1, 2, 3, 4]);
    expect(Array.from(r.readable.subarray(0, 4))).toEqual([1, 1, 1, 1]);
    expect(r.readable.subarray(4, 0x1004).every((x) => x === 0)).toBe(true);
    expect(Array.from(r.bytes.subarray(0x1004))).toEqual([5, 6, 7, 8]);
    expect(r.firstFault?.level).toBe('PTE');
    expect(vm.read(0x80001ffc, 8)).toBeNull();
    expect(vm.readU32(0x80001ffc)).toBe(0x04030201);
    expect(vm.readU64(0x80003000)).toBe(0x08070605n);
    expect(vm.readU32(0x80002000)).toBeNull();
  });

  it('reports a mapped page whose frame is not in the dump as a physical fault', () => {
    const r = vm.readSparse(0x80004000, 4);
    expect(r.firstFault).toMatchObject({ level: 'physical', pa: 0x900000, reason: 'PA 0x900000 (VA 0x80004000) is not in the dump' });
  });

  it('treats bytes past 0xffffffff as a gap', () => {
    const r = vm.readSparse(0xfffffffe, 4);
    expect(Array.from(r.readable.subarray(2))).toEqual([0, 0]);
    expect(vm.translate(2 ** 32).ok).toBe(false);
  });

  it('reads another address space through withDtb', () => {
    const other = vm.withDtb(0x7000000);
    expect(other.dtb).toBe(0x7000000);
    expect(other.readU8(0x80001000)).toBeNull();
  });
});
