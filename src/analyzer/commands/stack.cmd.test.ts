import { engineSession } from '../../testing/engineSession';
import type { FunctionFrameData } from '../../symbols/isf';
import { executeLine } from './dispatch';
import { parseKArgs } from './stack.cmd';

/** The engine's miniature blog machine, with the frames sidecar's kinds for the two trap handlers. */
function blogMachine() {
  const s = engineSession();
  const frames: Record<number, FunctionFrameData> = {
    0x8088b702: { rva: 0x8b702, size: 0x100, kind: 'tss', localsBytes: 0, savedRegs: 0, paramBytes: 0, prologBytes: 0 },
    0x8088c6bc: { rva: 0x8c6bc, size: 0x200, kind: 'trap', localsBytes: 0, savedRegs: 0, paramBytes: 0, prologBytes: 0 },
  };
  Object.assign(s.symbols, {
    frameDataAt: (a: number) => Object.entries(frames).map(([k, v]) => [Number(k), v] as const)
      .find(([start, v]) => a >= start && a < start + v.size)?.[1],
  });
  return s;
}
const run = async (line: string) => (await executeLine(blogMachine(), line)).flatMap((c) => c.lines);

describe('k family on the blog machine', () => {
  it('kvL200 after .tss 0x28 shows the one KiTrap0E frame with the edited trap frame', async () => {
    const out = await run('.tss 0x28;kvL200');
    expect(out.slice(-3)).toEqual([
      '  *** Stack trace for last set context - .thread/.cxr resets it',
      'ChildEBP RetAddr  Args to Child              ',
      'b8ae5fe4 00000000 00000000 00000000 00000000 nt!_KiTrap0E+0x5c (FPO: [0,0] TrapFrame-EDITED @ 00000000)',
    ]);
  });
  it('kfL200 after .tss 0x28 has the Memory column and a blank first distance', async () => {
    expect((await run('.tss 0x28;kfL200')).slice(-2)).toEqual([
      '  Memory  ChildEBP RetAddr  ',
      '          b8ae5fe4 00000000 nt!_KiTrap0E+0x5c',
    ]);
  });
  it('kC after .tss 0x50 lists KiTrap08 then KiTrap0E through the TSS backlink', async () => {
    expect((await run('.tss 0x50;kC')).slice(-3)).toEqual(['Call Site', 'nt!_KiTrap08', 'nt!_KiTrap0E']);
  });
  it('kvn after .tss 0x50 numbers the frames and shows the task gate', async () => {
    const out = await run('.tss 0x50;kvn');
    expect(out.slice(-3)).toEqual([
      ' # ChildEBP RetAddr  Args to Child              ',
      '00 00000000 8088c718 00000000 00000000 00000000 nt!_KiTrap08 (FPO: TSS 28:0)',
      '01 b8ae5fe4 00000000 00000000 00000000 00000000 nt!_KiTrap0E+0x5c (FPO: [0,0] TrapFrame-EDITED @ 00000000)',
    ]);
  });
  it('k = ebp esp eip starts the walk from the given registers, without the banner in the default context', async () => {
    const out = await run('k = b8ae60ec b8ae6058 808813d8');
    expect(out[0]).toBe('ChildEBP RetAddr  ');
    expect(out[1]).toMatch(/^b8ae60ec [0-9a-f]{8} /);
  });
});

describe('parseKArgs', () => {
  const ev = (e: string) => parseInt(e, 16);
  it('reads combined letters, L counts and the = form', () => {
    expect(parseKArgs('kv', 'nL200', ev)).toMatchObject({ columns: { args: true, fpo: true, numbers: true }, count: 0x200 });
    expect(parseKArgs('kf', '= b8ae60ec b8ae6058 808813d8', ev)).toMatchObject({ columns: { memory: true }, start: { ebp: 0xb8ae60ec, esp: 0xb8ae6058, eip: 0x808813d8 } });
    expect(parseKArgs('kb', '100', ev).count).toBe(0x100);
    expect(parseKArgs('k', 'L=1 2 3 10', ev)).toMatchObject({ start: { ebp: 1, esp: 2, eip: 3 }, count: 0x10 });
    expect(parseKArgs('kC', '', ev).columns.clean).toBe(true);
  });
});
