import { FakeMemory } from '../../testing/fakeMemory';
import { FakeSymbols } from '../../testing/fakeSymbols';
import type { X86Registers } from '../../common/x86Registers';
import { currentInstructionLines, decodeAt, instructionLine, listBackward, listForward, listFunction } from './index';

const symbols = new FakeSymbols([
  { name: 'nt', base: 0x80800000, size: 0x100000, functions: [
    { name: 'KeBugCheckEx', address: 0x80826c8e, size: 0x20 },
    { name: '_KiTrap08', address: 0x8088b702, size: 0x20, frame: { kind: 'tss' } },
    { name: '_KiTrap0E', address: 0x8088c6bc, size: 0x100, frame: { kind: 'trap' } },
    { name: 'KiTable', address: 0x80801000, size: 0x100 },
  ] },
]);
const regs = (over: Partial<X86Registers> = {}): X86Registers => ({
  eax: 0, ebx: 0, ecx: 0, edx: 0, esi: 0, edi: 0, eip: 0, esp: 0, ebp: 0, efl: 0,
  cs: 8, ss: 0x10, ds: 0x23, es: 0x23, fs: 0x30, gs: 0, ...over,
});
const line = (mem: FakeMemory, at: number) => instructionLine(decodeAt(mem, symbols, at));

describe('instruction line (WinDbg MASM)', () => {
  it('prints the blog\'s faulting store with the byte column padded to 16', () => {
    const mem = FakeMemory.bytewise().code(0x8088c718, [0x89, 0x55, 0x0c]);
    expect(line(mem, 0x8088c718)).toBe('8088c718 89550c          mov     dword ptr [ebp+0Ch],edx');
  });
  it('prints an operand-less instruction without trailing spaces', () => {
    expect(line(FakeMemory.bytewise().code(0x8088b702, [0xfa]), 0x8088b702)).toBe('8088b702 fa              cli');
  });
  it('writes immediates in hex with an h suffix and a leading zero before a letter', () => {
    const mem = FakeMemory.bytewise().code(0x1000, [0x81, 0xec, 0xac, 0x20, 0, 0]).code(0x2000, [0x6a, 0x00])
      .code(0x3000, [0xc7, 0x45, 0x08, 0x00, 0x00, 0x80, 0xbf]).code(0x4000, [0x8b, 0x45, 0xfc]);
    expect(line(mem, 0x1000)).toBe('00001000 81ecac200000    sub     esp,20ACh');
    expect(line(mem, 0x2000)).toBe('00002000 6a00            push    0');
    expect(line(mem, 0x3000)).toBe('00003000 c74508000080bf  mov     dword ptr [ebp+8],0BF800000h');
    expect(line(mem, 0x4000)).toBe('00004000 8b45fc          mov     eax,dword ptr [ebp-4]');
  });
  it('names branch targets as symbol (address)', () => {
    // call rel32 from 8088b710 to KeBugCheckEx
    const rel = (0x80826c8e - (0x8088b710 + 5)) >>> 0;
    const mem = FakeMemory.bytewise().code(0x8088b710, [0xe8, rel & 0xff, (rel >> 8) & 0xff, (rel >> 16) & 0xff, rel >>> 24])
      .code(0x8088c6c0, [0x75, 0x10]);
    expect(line(mem, 0x8088b710)).toBe(`8088b710 e8${[0, 8, 16, 24].map((s) => ((rel >>> s) & 0xff).toString(16).padStart(2, '0')).join('')}      call    nt!KeBugCheckEx (80826c8e)`);
    expect(line(mem, 0x8088c6c0)).toBe('8088c6c0 7510            jne     nt!_KiTrap0E+0x16 (8088c6d2)');
  });
  it('prints absolute operands with eight digits, or the symbol when there is one', () => {
    const mem = FakeMemory.bytewise().code(0x1000, [0x64, 0xa1, 0x24, 0x01, 0, 0]).code(0x2000, [0xff, 0x15, 0x10, 0x10, 0x80, 0x80])
      .code(0x3000, [0x8b, 0x04, 0x85, 0x00, 0x10, 0x80, 0x80]);
    expect(line(mem, 0x1000)).toBe('00001000 64a124010000    mov     eax,dword ptr fs:[00000124h]');
    expect(line(mem, 0x2000)).toBe('00002000 ff1510108080    call    dword ptr [nt!KiTable+0x10 (80801010)]');
    expect(line(mem, 0x3000)).toBe('00003000 8b048500108080  mov     eax,dword ptr nt!KiTable (80801000)[eax*4]');
  });
  it('prints unreadable code as ?? and ???', () => {
    expect(line(FakeMemory.bytewise(), 0x66616168)).toBe('66616168 ??              ???');
  });
});

describe('register display tail', () => {
  it('shows the symbol line and the ss: note with ???????? for a guard-page operand', () => {
    const mem = FakeMemory.bytewise().code(0x8088c718, [0x89, 0x55, 0x0c]);
    expect(currentInstructionLines(mem, symbols, regs({ eip: 0x8088c718, ebp: 0xb8ae5fe4 }))).toEqual([
      'nt!_KiTrap0E+0x5c:',
      '8088c718 89550c          mov     dword ptr [ebp+0Ch],edx ss:0010:b8ae5ff0=????????',
    ]);
  });
  it('reads the operand value through ds when the base is not esp/ebp', () => {
    const mem = FakeMemory.bytewise().code(0x8088c718, [0x8b, 0x41, 0x04]).write(0x1004, [0x78, 0x56, 0x34, 0x12]);
    expect(currentInstructionLines(mem, symbols, regs({ eip: 0x8088c718, ecx: 0x1000 }))[1])
      .toBe('8088c718 8b4104          mov     eax,dword ptr [ecx+4] ds:0023:00001004=12345678');
  });
  it('omits the symbol line outside every module', () => {
    expect(currentInstructionLines(FakeMemory.bytewise(), symbols, regs({ eip: 0x66616168 }))).toEqual(['66616168 ??              ???']);
  });
});

describe('listings', () => {
  // 8088c6bc: push ebp; mov ebp,esp; xor eax,eax; je +1; nop; pop ebp; ret
  const code = [0x55, 0x8b, 0xec, 0x33, 0xc0, 0x74, 0x01, 0x90, 0x5d, 0xc3];
  const mem = FakeMemory.bytewise().code(0x8088c6bc, code);
  it('u prints the symbol line first and counts instructions', () => {
    const l = listForward(mem, symbols, 0x8088c6bc, 2);
    expect(l.entries.map((e) => e.label)).toEqual(['nt!_KiTrap0E', undefined]);
    expect(l.next).toBe(0x8088c6bf);
  });
  it('u stops at unreadable code', () => {
    const l = listForward(mem, symbols, 0x8088c6c4, 8);
    expect(l.unreadableAt).toBe(0x8088c6c6);
    expect(l.entries).toHaveLength(3);
  });
  it('ub finds the instructions that end exactly at the address', () => {
    const l = listBackward(mem, symbols, 0x8088c6c1, 3);
    expect(l.entries.map((e) => e.ins.address)).toEqual([0x8088c6bc, 0x8088c6bd, 0x8088c6bf]);
  });
  it('uf follows the conditional branch and splits basic blocks', () => {
    const l = listFunction(mem, symbols, 0x8088c6c0);
    expect(l.entries.map((e) => e.ins.mnemonic)).toEqual(['push', 'mov', 'xor', 'je', 'nop', 'pop', 'ret']);
    expect(l.entries.filter((e) => e.blockStart).map((e) => e.label)).toEqual(['nt!_KiTrap0E+0x7', 'nt!_KiTrap0E+0x8']);
  });
});
