import { engineSession } from '../../testing/engineSession';
import { executeLine } from './dispatch';

/** The engine's blog machine with the two instructions the blog disassembles, and a short function. */
function machine() {
  const s = engineSession();
  const vm = s.dump.kernelVm as unknown as { write(va: number, b: number[]): unknown };
  vm.write(0x8088c718, [0x89, 0x55, 0x0c, 0x8b, 0x45, 0xfc, 0x6a, 0x00, 0xc3]);
  vm.write(0x8088b702, [0xfa, 0x33, 0xc0, 0x74, 0x01, 0x90, 0xc3]);
  return s;
}
const run = async (line: string) => (await executeLine(machine(), line)).flatMap((c) => c.lines);

describe('u, ub, uf', () => {
  it('u . L1 in the tss 0x28 context prints the blog\'s line under its symbol', async () => {
    expect((await run('.tss 0x28;u . L1')).slice(-2)).toEqual([
      'nt!_KiTrap0E+0x5c:',
      '8088c718 89550c          mov     dword ptr [ebp+0Ch],edx',
    ]);
  });
  it('u without an address continues after the last instruction shown', async () => {
    const s = machine();
    await executeLine(s, 'u 8088c718 L1');
    const [second] = await executeLine(s, 'u L1');
    expect(second.lines[0]).toBe('nt!_KiTrap0E+0x5f:');
    expect(second.lines[1]).toBe('8088c71b 8b45fc          mov     eax,dword ptr [ebp-4]');
  });
  it('ub shows the instructions that end at the address', async () => {
    expect((await run('ub 8088c71e L2')).slice(-2)).toEqual([
      '8088c718 89550c          mov     dword ptr [ebp+0Ch],edx',
      '8088c71b 8b45fc          mov     eax,dword ptr [ebp-4]',
    ]);
  });
  it('uf follows the branch inside _KiTrap08 to its ret', async () => {
    const out = await run('uf nt!_KiTrap08');
    expect(out[0]).toBe('nt!_KiTrap08:');
    expect(out.filter((l) => /^8088b7/.test(l)).map((l) => l.slice(25).trim())).toEqual(
      ['cli', 'xor     eax,eax', 'je      nt!_KiTrap08+0x6 (8088b708)', 'nop', 'ret']);
  });
  it('u on unreadable code reports a memory access error', async () => {
    const [r] = await executeLine(machine(), 'u 66616168');
    expect(r.error).toBeDefined();
    expect(r.lines.join('\n')).toContain("Memory access error in 'u 66616168'");
    // WinDbg prints what it could decode, then the `??` line, then the caret: the listing is not lost.
    expect(r.lines[r.lines.length - 1]).toMatch(/\^ Memory access error/);
    expect(r.lines.slice(0, -1).some((l) => /^66616168 \?\?/.test(l))).toBe(true);
  });
});
