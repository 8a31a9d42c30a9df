import { evaluate, evaluatePrefix, ExprError, type ExprEnv } from './index';

function fakeEnv(radix = 16): ExprEnv {
  const regs: Record<string, number> = { eax: 0xb8ae0023, ebp: 0xb8ae5fe4, esp: 0xb8ae5fe4, eip: 0x8088c718, fs: 0x30, cr2: 0xb8ae5fe0, efl: 0x00010046 };
  const mem = new Map<number, number>([[0x1000, 0x78], [0x1001, 0x56], [0x1002, 0x34], [0x1003, 0x12]]);
  const byte = (a: number) => mem.get(a) ?? null;
  const bytes = (a: number, n: number) => { const out: number[] = []; for (let i = 0; i < n; i++) { const b = byte(a + i); if (b === null) return null; out.push(b); } return out; };
  return {
    radix,
    register: (n) => regs[n],
    pseudo: (n) => ({ $ip: regs.eip, $csp: regs.esp, $bug_code: 0x7f } as Record<string, number>)[n],
    symbol: (n) => ({ 'nt!_KiTrap0E': 0x8088c6bc, _KiTrap0E: 0x8088c6bc, 'nt!KiTrap0E': 0x8088c6bc } as Record<string, number>)[n],
    readU8: byte,
    readU16: (a) => { const b = bytes(a, 2); return b && b[0] | (b[1] << 8); },
    readU32: (a) => { const b = bytes(a, 4); return b && (b[0] | (b[1] << 8) | (b[2] << 16) | (b[3] << 24)) >>> 0; },
    readU64: () => null,
    pointerBits: 32,
    toAddress: (v) => Number(v & 0xffffffffn),
    segmentBase: (sel) => (sel === 0x30 ? 0xf7737000 : undefined),
  };
}
const ev = (t: string, radix = 16) => evaluate(t, fakeEnv(radix)).value;
const err = (t: string): string => { try { evaluate(t, fakeEnv()); } catch (e) { if (e instanceof ExprError) return e.message; throw e; } return 'no error'; };

describe('MASM expressions', () => {
  it('reads numbers in radix 16 by default, and prefixed numbers in their own radix', () => {
    expect(ev('10')).toBe(0x10);
    expect(ev('0x10')).toBe(16);
    expect(ev('0n10')).toBe(10);
    expect(ev('0t17')).toBe(15);
    expect(ev('0y101')).toBe(5);
    expect(ev('10', 10)).toBe(10);
  });

  it('truncates 64-bit literals with a backtick to their low 32 bits', () => {
    expect(ev('ffffffff`b8ae5ff0')).toBe(0xb8ae5ff0);
    expect(ev('00000001`00000002')).toBe(2);
  });

  it('applies WinDbg precedence: * before +, + before shifts, comparisons before and/xor/or', () => {
    expect(ev('1+2*3')).toBe(7);
    expect(ev('(1+2)*3')).toBe(9);
    expect(ev('1<<4+1')).toBe(0x20);
    expect(ev('1|2&3')).toBe(3);
    expect(ev('3 == 1+2')).toBe(1);
    expect(ev('6 and 3')).toBe(2);
    expect(ev('5 xor 1')).toBe(4);
    expect(ev('10 mod 3')).toBe(1);
    expect(ev('[2+2]*2')).toBe(8);
  });

  it('wraps to unsigned 32 bits like an x86 target', () => {
    expect(ev('0-1')).toBe(0xffffffff);
    expect(ev('-1')).toBe(0xffffffff);
    expect(ev('80000000*2')).toBe(0);
    expect(ev('ffffffff >>> 4')).toBe(0xffffffff);
    expect(ev('ffffffff >> 4')).toBe(0x0fffffff);
  });

  it('computes in 64 bits inside, as WinDbg MASM does; the address is the x86 target\'s low 32 bits', () => {
    const full = (t: string) => evaluate(t, fakeEnv()).full;
    expect(full('1`00000000')).toBe(0x100000000n);
    expect(evaluate('1`00000000', fakeEnv()).value).toBe(0);
    expect(full('13ffff000')).toBe(0x13ffff000n);
    expect(full('ffffffff+1')).toBe(0x100000000n);
    expect(full('0-1')).toBe(0xffffffffffffffffn);
    expect(full('1`00000000 / 2')).toBe(0x80000000n);
    expect(full('ffffffff`ffffffff+2')).toBe(1n);
  });

  it('reads registers with or without @, and their 8/16-bit views', () => {
    expect(ev('ebp+0x0c')).toBe(0xb8ae5ff0);
    expect(ev('@ebp+0n12')).toBe(0xb8ae5ff0);
    expect(ev('ax')).toBe(0x23);
    expect(ev('ah')).toBe(0);
    expect(ev('zf')).toBe(1);
    expect(ev('cr2')).toBe(0xb8ae5fe0);
  });

  it('reads pseudo-registers and . as the current instruction', () => {
    expect(ev('$ip')).toBe(0x8088c718);
    expect(ev('@$csp')).toBe(0xb8ae5fe4);
    expect(ev('.')).toBe(0x8088c718);
    expect(ev('$bug_code')).toBe(0x7f);
  });

  it('resolves module!symbol names and adds offsets', () => {
    expect(ev('nt!_KiTrap0E+0x5c')).toBe(0x8088c718);
    expect(ev('_KiTrap0E+5c')).toBe(0x8088c718);
  });

  it('dereferences memory with poi, dwo, wo, by and splits with hi/low', () => {
    expect(ev('poi(1000)')).toBe(0x12345678);
    expect(ev('dwo 1000')).toBe(0x12345678);
    expect(ev('wo(1000)')).toBe(0x5678);
    expect(ev('by(1001)')).toBe(0x56);
    expect(ev('hi(12345678)')).toBe(0x1234);
    expect(ev('low 12345678')).toBe(0x5678);
    expect(ev('not 0')).toBe(1);
  });

  it('resolves selector:offset through the descriptor base and keeps the parts for display', () => {
    expect(evaluate('0030:00000040', fakeEnv())).toEqual({ value: 0xf7737040, full: 0xf7737040n, segment: { selector: 0x30, offset: 0x40 } });
    expect(evaluate('fs:0x1c', fakeEnv())).toEqual({ value: 0xf773701c, full: 0xf773701cn, segment: { selector: 0x30, offset: 0x1c } });
  });

  it("quotes the rest of the input from the failing token, in WinDbg's words", () => {
    expect(err('foo+4')).toBe("Couldn't resolve error at 'foo+4'");
    expect(err('1+nope')).toBe("Couldn't resolve error at 'nope'");
    expect(err('1+')).toBe("Syntax error at ''");
    expect(err('(1')).toBe("Syntax error at ''");
    expect(err('0xzz')).toBe("Syntax error at '0xzz'");
    expect(err('poi(2000)')).toBe("Memory access error at '2000)'");
    expect(err('1/0')).toBe("Divide by zero error at '0'");
    expect(err('@foo')).toBe("Bad register error at '@foo'");
    expect(err('1 2')).toBe("Syntax error at '2'");
  });

  it('stops a prefix expression at the first token that cannot continue it', () => {
    const r = evaluatePrefix('b8ae6000 b8ae9000', fakeEnv());
    expect(r.value).toBe(0xb8ae6000);
    expect(r.rest).toBe('b8ae9000');
    expect(evaluatePrefix('esp+4 L1', fakeEnv()).rest).toBe('L1');
    expect(evaluatePrefix('esp,ebp', fakeEnv()).rest).toBe(',ebp');
  });
});
