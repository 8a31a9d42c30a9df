/**
 * The default seed's machine holds every value the blog prints (walkthrough.md "Facts the simulated dump must make
 * true"), read back from the simulator's own memory image.
 */
import { Decoder, Formatter, FormatterSyntax } from 'iced-x86';
import { buildGotStackMachine, type GotStackMachine as Machine } from './story';

const BLOG_KPCR = `
b8ae60dc 00000000 00000000 f7737fe0 19d5c42c 00000008 7ff9c000 f7737000
f7737120 0000001f 00000000 00000000 ffffffff 00000000 f773d800 f773d400
f773a2e0 00010001 00000008 00000e56 08000300 00000000 00000000 00000000
00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000
00000000 00000000 00000000 00000000 00100000 00000003 09f15190 00000000
09f15190 dabc6620 00000000 334e730f 00000000 00000000 00000000 00000000
00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000
00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000
00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000
00010001 87d68438 00000000 f773a090 00000003 00000008 0401010f 00000000
00000000 00000000 00000000 00000000`.trim().split(/\s+/).map((h) => parseInt(h, 16));

let m: Machine;
beforeAll(() => { m = buildGotStackMachine({ seed: 1, ramBytes: 32 << 20, blogValues: true }); });

const dwords = (va: number, n: number): number[] => {
  const b = Buffer.from(m.memory.read(va, n * 4));
  return Array.from({ length: n }, (_, i) => b.readUInt32LE(i * 4));
};
const u16 = (va: number): number => Buffer.from(m.memory.read(va, 2)).readUInt16LE(0);
const gdtBase = (gdt: number, sel: number): number => {
  const e = Buffer.from(m.memory.read(gdt + sel, 8));
  return (e.readUInt16LE(2) | (e[4] << 16) | (e[7] << 24)) >>> 0;
};
const disasm = (va: number, len: number): string => {
  const d = new Decoder(32, m.memory.read(va, len), 0);
  d.ip = BigInt(va);
  const f = new Formatter(FormatterSyntax.Masm);
  return f.format(d.decode());
};

describe('got-stack default seed: the blog\'s values', () => {
  it('KPCR f7737000 holds the blog\'s dd f7737000 L0x54 dword for dword', () => {
    expect(dwords(0xf7737000, 0x54)).toEqual(BLOG_KPCR);
  });

  it('GDT f773d400: 0x28 busy TSS at f7737fe0 limit 20ab, 0x30 the PCR, 0x50 an available TSS at f773a2e0', () => {
    const gdt = 0xf773d400;
    expect(gdtBase(gdt, 0x28)).toBe(0xf7737fe0);
    expect(u16(gdt + 0x28)).toBe(0x20ab);
    expect(m.memory.read(gdt + 0x28 + 5, 1)[0]).toBe(0x8b);
    expect(gdtBase(gdt, 0x30)).toBe(0xf7737000);
    expect(gdtBase(gdt, 0x50)).toBe(0xf773a2e0);
    expect(m.memory.read(gdt + 0x50 + 5, 1)[0]).toBe(0x89);
    expect(gdtBase(gdt, 0x58)).toBe(0xf773a350);
  });

  it('IDT f773d800 vector 8 is a task gate to selector 0x50', () => {
    const e = Buffer.from(m.memory.read(0xf773d800 + 8 * 8, 8));
    expect(e.readUInt16LE(2)).toBe(0x50);
    expect(e.readUInt16LE(4)).toBe(0x8500);
  });

  it('TSS 0x50 is the double-fault task at its start, Backlink 0x28', () => {
    const t = dwords(0xf773a2e0, 0x1a);
    expect(t[0]).toBe(0x28);
    expect(t[0x20 / 4]).toBe(0x8088b702);    // Eip
    expect(t[0x38 / 4]).toBe(0xf773d3c0);    // Esp
    expect(t[0x24 / 4]).toBe(0);             // EFlags
  });

  it('TSS 0x28 holds the blog\'s .tss 0x28 registers', () => {
    const t = dwords(0xf7737fe0, 0x1a);
    const at = (off: number): number => t[off / 4];
    expect([at(0x20), at(0x24), at(0x28), at(0x2c), at(0x30), at(0x34), at(0x38), at(0x3c), at(0x40), at(0x44)]).toEqual(
      [0x8088c718, 0x00010046, 0xb8ae0023, 0x87d68438, 0x87758bd8, 0xb8ae60ec, 0xb8ae5fe4, 0xb8ae5fe4, 0xb8ae6068, 0x808813d8]);
    expect(at(0x1c)).toBe(m.processDtb);
  });

  it('code: _KiTrap0E+0x5c is mov dword ptr [ebp+0Ch],edx and _KiTrap08 starts with cli', () => {
    expect(Buffer.from(m.memory.read(0x8088c718, 3)).toString('hex')).toBe('89550c');
    expect(disasm(0x8088c718, 3)).toBe('mov [ebp+0Ch],edx');
    expect(m.memory.read(0x8088b702, 1)[0]).toBe(0xfa);
  });

  it('the stack: guard page b8ae5000 not present (PTE 0), the first 0x20 bytes above the limit as the blog prints', () => {
    expect(() => m.memory.read(0xb8ae5fe0, 4)).toThrow();
    expect(dwords(0xb8ae6000, 8)).toEqual([0, 0, 0, 0, 0, 0xb8ae0000, 0xb8ae0023, 0x00000023]);
  });

  it('the first page fault\'s trap frame: ExceptionList b8ae60dc, Ebp b8ae60ec, Eip 808813d8, SegCs 8', () => {
    const t = dwords(0xb8ae6020, 0xe);
    expect(t[0]).toBe(0x87758bd8);           // Edx
    expect(t[4]).toBe(0xb8ae60dc);           // ExceptionList
    expect(t[7]).toBe(0xb8ae6068);           // Esi
    expect(t[9]).toBe(0xb8ae60ec);           // Ebp
    expect(t[11]).toBe(0x808813d8);          // Eip
    expect(t[12]).toBe(8);                   // SegCs
    expect(t[13] & 0x200).toBe(0x200);       // IF set
    expect(t[2] >>> 16).toBe(0xb8ae);        // Eax upper half
  });

  it('the SEH record at b8ae60dc belongs to the frame whose EBP is b8ae60ec (_SEH_prolog layout)', () => {
    const [next, handler] = dwords(0xb8ae60dc, 2);
    expect(handler).toBe(m.modules.find((x) => x.def.name === 'nt')!.symbols.get('_except_handler3'));
    expect(next).toBeGreaterThan(0xb8ae60dc);
    expect(m.stack.firstFault).toMatchObject({ esp: 0xb8ae6058, ebp: 0xb8ae60ec, eip: 0x808813d8 });
  });

  it('CR2 b8ae5fe0 and TR 0x50 in KPRCB.ProcessorState.SpecialRegisters', () => {
    expect(dwords(0xf7737120 + 0x2e8 + 4, 1)[0]).toBe(0xb8ae5fe0);
    expect(u16(0xf7737120 + 0x2e8 + 0x38)).toBe(0x50);
  });

  it('thread 87d68438 of StackHog.exe: stack base b8ae9000, limit b8ae6000, InitialStack b8ae8df0', () => {
    expect(dwords(0x87d68438 + 0x18, 2)).toEqual([0xb8ae8df0, 0xb8ae6000]);
    expect(dwords(0x87d68438 + 0x158, 1)[0]).toBe(0xb8ae9000);
    expect(Buffer.from(m.memory.read(0x874c6800 + 0x164, 12)).toString('latin1')).toBe('StackHog.exe');
  });

  it('the header context is inside nt!KeBugCheckEx on the double-fault stack', () => {
    const c = m.processors.bugcheckContext;
    expect(m.symbolize(c.eip).text).toMatch(/^nt!KeBugCheckEx\+0x/);
    expect(c.esp).toBeGreaterThanOrEqual(0xf773a3c0);
    expect(c.esp).toBeLessThan(0xf773d3c0);
    expect(dwords(c.ebp + 4, 1)[0]).toBe(m.modules[0].functions.find((f) => f.name === '_KiTrap08')!.labels.get('r0'));
  });
});
