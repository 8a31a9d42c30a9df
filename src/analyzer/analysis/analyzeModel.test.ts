import { buildCallChain, type ChainFunction } from '../../testing/callChain';
import type { TypeTableApi } from '../../symbols/typeTable.api';
import type { X86Registers } from '../../common/x86Registers';
import type { Frame } from '../stackwalk/frame';
import { renderAnalyzeShort, renderAnalyzeVerbose, probablyCausedBy } from '../render/analyze';
import { buildAnalyzeModel } from './analyzeModel';
import type { AnalysisTarget } from './target';

const TRAP_FRAME: Record<string, number> = { Ebp: 0x60, Eip: 0x68, SegCs: 0x6c, HardwareEsp: 0x74 };
const types = { offsetof: (_t: string, f: string) => TRAP_FRAME[f] } as unknown as TypeTableApi;

const f = (module: string, name: string, address: number, kind: ChainFunction['kind'], localsBytes: number, size = 0x800): ChainFunction =>
  ({ module, name, address, size, kind, localsBytes, savedRegs: 2, paramBytes: 8 });
const kiTrap0E = f('nt', '_KiTrap0E', 0x8088c6bc, 'trap', 0, 0x200);
const fns = [
  f('nt', 'KiFastCallEntry', 0x80880000, 'ebp', 0x40),
  f('StackHog', 'HogA', 0xf7a01000, 'ebp', 0x1ec8), // sized so ESP is b8ae6058 as on the blog
  f('StackHog', 'HogB', 0xf7a02000, 'ebp', 0xc00),
  f('ShScan', 'ScanLeaf', 0xf7b01000, 'ebp', 0x200),
  f('nt', 'MmProbeAndLockPages', 0x80881000, 'ebp', 0x20),
];
const BASE = 0xb8ae9000;
const INIT = 0xb8ae8df0;

function world(opts: { tssEsp?: 'far'; code?: number; arg1?: number } = {}) {
  const chain = buildCallChain({
    modules: [{ name: 'nt', base: 0x80800000, size: 0x200000 }, { name: 'StackHog', base: 0xf7a00000, size: 0x10000 },
      { name: 'ShScan', base: 0xf7b00000, size: 0x10000 }],
    functions: [...fns, kiTrap0E],
    steps: [{ fn: fns[0], at: 0x40 }, { fn: fns[1], at: 0x120 }, { fn: fns[2], at: 0x300 }, { fn: fns[3], at: 0x80 }, { fn: fns[4], at: 0x3d8 }],
    top: INIT,
  });
  const limit = chain.start.esp - 0x58;
  const tf = chain.start.esp - 0x74;
  const put = (a: number, v: number) => chain.mem.write(a, [v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, v >>> 24]);
  put(tf + 0x60, chain.start.ebp);
  put(tf + 0x68, chain.start.eip);
  put(tf + 0x6c, 8);
  const seg = { cs: 8, ss: 0x10, ds: 0x23, es: 0x23, fs: 0x30, gs: 0 };
  const tssEsp = opts.tssEsp === 'far' ? 0x00123450 : tf;
  const tss28: X86Registers = { eax: 0, ebx: chain.start.ebp, ecx: 0, edx: 0, esi: 0, edi: chain.start.eip,
    eip: kiTrap0E.address + 0x5c, esp: tssEsp, ebp: tssEsp, efl: 0x10046, ...seg };
  const walkOne = (regs: X86Registers): Frame[] => [{ index: 0, regs, trust: 'context', childEbp: regs.ebp, retAddr: null, args: [null, null, null] }];
  const target: AnalysisTarget = {
    bugcheck: { code: opts.code ?? 0x7f, args: [opts.arg1 ?? 8, 0, 0, 0] },
    symbols: chain.symbols,
    ntTypes: types,
    vm: chain.mem,
    defaultContext: { ...tss28, eip: 0x80826c8e, esp: 0xf773d000, ebp: 0xf773d010 },
    currentTss: () => ({ base: 0xf773a2e0, backlink: 0x28 }),
    taskRegisters: (sel) => (sel === 0x28 ? tss28 : undefined),
    cr2: () => limit - 0x20,
    irql: () => 0x1f,
    currentThread: () => ({ thread: 0x87d68438, processName: 'StackHog.exe', stack: { limit, base: BASE, initialStack: INIT } }),
    walk: (regs) => walkOne(regs),
  };
  return { chain, target, limit, tf };
}

describe('!analyze model', () => {
  it('detects the overflow, rebuilds STACK_TEXT behind the trap handler and blames the module that used most stack', async () => {
    const { chain, target, tf } = world();
    const m = await buildAnalyzeModel(target);
    expect(m.overflow).toMatchObject({ overflow: true, espBelowLimit: 0x1c, cr2InGuardPage: true });
    expect(m.tss?.selector).toBe(0x28);
    expect(m.stackCommand).toBe('.tss 0x28 ; kb');
    expect(m.stackText[0]).toMatchObject({ childEbp: tf, retAddr: chain.start.eip, symbol: 'nt!_KiTrap0E+0x5c' });
    expect(m.stackText.slice(1).map((r) => r.pc)).toEqual(chain.frames.map((x) => x.pc));
    expect(m.lastControlTransfer).toEqual({ from: chain.start.eip, to: kiTrap0E.address + 0x5c });
    const hogB = chain.frames.find((x) => x.fn.name === 'HogB')!;
    expect(m.blame).toMatchObject({ module: 'StackHog', imageName: 'StackHog.sys', pc: hogB.pc, frameIndex: 3 });
    expect(m.blame!.symbol).toMatch(/^StackHog!HogB\+[0-9a-f]+$/);
    expect(m.failureBucketId).toBe(`0x7f_8_${m.blame!.symbol}`);
    expect(m.stackUse?.trapResidue?.bytes).toBe(0x58);
    expect(m.stackUse?.npx.bytes).toBe(0x210);
    expect([tf, chain.start.esp, chain.start.ebp >= chain.start.esp]).toEqual([0xb8ae5fe4, 0xb8ae6058, true]);
    expect(m.stackUse?.kStart).toEqual(chain.start);
  });

  it('prints the -v layout in WinDbg order with the [kdsim] verdict and "Probably caused by"', async () => {
    const { target } = world();
    const m = await buildAnalyzeModel(target);
    const lines = renderAnalyzeVerbose(m, { tssLines: ['<tss block>'] });
    const order = ['UNEXPECTED_KERNEL_MODE_TRAP (7f)', 'Arg1: 00000008, EXCEPTION_DOUBLE_FAULT', 'BUGCHECK_STR:  0x7f_8',
      'TSS:  00000028 -- (.tss 0x28)', '<tss block>', 'Resetting default scope', 'DEFAULT_BUCKET_ID:  DRIVER_FAULT',
      'PROCESS_NAME:  StackHog.exe', 'CURRENT_IRQL:  1f', 'STACK_TEXT:  ', 'STACK_COMMAND:  .tss 0x28 ; kb', 'FOLLOWUP_IP: ',
      'SYMBOL_STACK_INDEX:  3', `SYMBOL_NAME:  ${m.blame!.symbol}`, 'FOLLOWUP_NAME:  MachineOwner', 'MODULE_NAME: StackHog',
      'IMAGE_NAME:  StackHog.sys', `FAILURE_BUCKET_ID:  0x7f_8_${m.blame!.symbol}`, `BUCKET_ID:  0x7f_8_${m.blame!.symbol}`,
      `Probably caused by : StackHog.sys ( ${m.blame!.symbol} )`, 'Followup: MachineOwner', '---------'];
    const at = order.map((l) => lines.indexOf(l));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(lines.filter((l) => l.startsWith('[kdsim]')).join('\n')).toMatch(/ran out of its 12 KB kernel stack/);
    expect(lines.some((l) => /NPX save area 0x210/.test(l))).toBe(true);
  });

  it('keeps WinDbg\'s one-walk form producible: STACK_TEXT from the walker, nt blamed, no [kdsim] lines', async () => {
    const { target, tf } = world();
    const m = await buildAnalyzeModel(target, 'windbg');
    expect(m.stackText).toEqual([{ childEbp: tf, retAddr: 0, args: [0, 0, 0], pc: kiTrap0E.address + 0x5c, symbol: 'nt!_KiTrap0E+0x5c' }]);
    expect(m.blame).toMatchObject({ symbol: 'nt!_KiTrap0E+5c', module: 'nt', frameIndex: 0 });
    expect(m.failureBucketId).toBe('0x7f_8_nt!_KiTrap0E+5c');
    const lines = renderAnalyzeVerbose(m);
    expect(lines.some((l) => l.startsWith('[kdsim]') || l.startsWith('Probably caused by'))).toBe(false);
    expect(lines).toContain(`${tf.toString(16)} 00000000 00000000 00000000 00000000 nt!_KiTrap0E+0x5c`);
  });

  it('does not blame a driver for a double fault whose ESP is far from the stack', async () => {
    const { target } = world({ tssEsp: 'far' });
    const m = await buildAnalyzeModel(target);
    expect(m.overflow?.overflow).toBe(false);
    expect(m.stackUse).toBeUndefined();
    expect(m.blame?.module ?? 'nt').toBe('nt');
    expect(m.summary.join(' ')).toMatch(/not a kernel-stack overflow/);
  });

  it('gives other bugchecks the generic layout without TSS, overflow or [kdsim] fields', async () => {
    const { target } = world({ code: 0xd1, arg1: 0x10 });
    const m = await buildAnalyzeModel(target);
    const lines = renderAnalyzeVerbose(m);
    expect(lines).toContain('DRIVER_IRQL_NOT_LESS_OR_EQUAL (d1)');
    expect(lines).toContain('Arg1: 00000010');
    expect(lines).toContain('BUGCHECK_STR:  0xD1');
    expect(lines.some((l) => l.startsWith('TSS:') || l.startsWith('[kdsim]'))).toBe(false);
    expect(m.overflow).toBeUndefined();
  });

  it('prints the short form with the banner\'s "Probably caused by" line', async () => {
    const { target } = world();
    const m = await buildAnalyzeModel(target);
    const lines = renderAnalyzeShort(m);
    expect(lines).toContain('BugCheck 7F, {8, 0, 0, 0}');
    expect(lines).toContain(`Probably caused by : ${probablyCausedBy(m)}`);
    expect(lines.slice(-3)).toEqual(['Followup: MachineOwner', '---------', '']);
  });
});
