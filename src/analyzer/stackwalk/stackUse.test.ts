import { buildCallChain, type ChainFunction } from '../../testing/callChain';
import { loadCallSiteDecoder } from '../disasm/callSite';
import { ReturnAddressValidator } from './returnAddressValidator';
import { reconstructChain } from './reconstructor';
import { accountStackUse } from './stackUse';

const LIMIT = 0xb8ae6000;
const BASE = 0xb8ae9000;
const INIT = 0xb8ae8df0;
const bounds = { limit: LIMIT, base: BASE, initialStack: INIT };

const f = (module: string, name: string, address: number, kind: ChainFunction['kind'], localsBytes: number, paramBytes = 8): ChainFunction =>
  ({ module, name, address, size: 0x800, kind, localsBytes, savedRegs: 3, paramBytes });
const outer = f('nt', 'KiFastCallEntry', 0x80880000, 'ebp', 0x40);
const hogA = f('StackHog', 'HogA', 0xf7a01000, 'ebp', 0x1000);
const hogB = f('StackHog', 'HogB', 0xf7a02000, 'ebp', 0x1400);
const ntLeaf = f('nt', 'MmAccessFault', 0x80881000, 'ebp', 0x20);

async function scenario() {
  const chain = buildCallChain({
    modules: [{ name: 'nt', base: 0x80800000, size: 0x200000 }, { name: 'StackHog', base: 0xf7a00000, size: 0x10000 }],
    functions: [outer, hogA, hogB, ntLeaf],
    steps: [{ fn: outer, at: 0x40 }, { fn: hogA, at: 0x120 }, { fn: hogB, at: 0x300 }, { fn: ntLeaf, at: 0x3d8 }],
    top: INIT,
  });
  const v = new ReturnAddressValidator(chain.symbols, chain.mem, await loadCallSiteDecoder());
  const rec = reconstructChain(chain.mem, v, bounds, { ...chain.start, trust: 'trap' });
  const symbolText = {
    format: (a: number) => chain.symbols.format(a),
    moduleAt: (a: number) => chain.symbols.moduleAt(a),
  };
  return { chain, rec, symbolText };
}

describe('stack-use accounting', () => {
  it('splits the call-frame area exactly between the frames (differences of return slots)', async () => {
    const { chain, rec, symbolText } = await scenario();
    const use = accountStackUse(rec, bounds, symbolText);
    expect(use.frames.map((x) => x.usedBytes).reduce((a, b) => a + b, 0)).toBe(INIT - chain.start.esp);
    expect(use.frames[1].usedBytes).toBe(chain.frames[1].raSlot - chain.frames[0].raSlot);
    expect(use.frames[0].from).toBe(chain.start.esp);
    expect(use.frames[use.frames.length - 1].to).toBe(INIT);
    expect(use.unaccounted).toBe(0);
  });

  it('sums bytes per module, most first, as a share of the whole stack', async () => {
    const { rec, symbolText } = await scenario();
    const use = accountStackUse(rec, bounds, symbolText);
    expect(use.modules.map((m) => m.module)).toEqual(['StackHog', 'nt']);
    const hog = use.frames.filter((x) => x.module === 'StackHog').reduce((s, x) => s + x.usedBytes, 0);
    expect(use.modules[0]).toMatchObject({ bytes: hog, percent: Math.round((hog * 1000) / 0x3000) / 10 });
  });

  it('reports the NPX save area above InitialStack apart from every module', async () => {
    const { rec, symbolText } = await scenario();
    const use = accountStackUse(rec, bounds, symbolText);
    expect(use.npx).toEqual({ from: INIT, to: BASE, bytes: 0x210, percent: 4.3 });
    expect(use.frames.some((x) => x.to > INIT)).toBe(false);
  });

  it('reports the trap frame below the chain as residue, not as nt\'s use, and gives the k = hint', async () => {
    const { chain, rec, symbolText } = await scenario();
    const trapEsp = chain.start.esp - 0x74; // KiTrap0E's frame, partly below the limit
    const use = accountStackUse(rec, { ...bounds, limit: chain.start.esp - 0x58 }, symbolText,
      { childEbp: trapEsp, retAddr: chain.start.eip, pc: 0x8088c718, esp: trapEsp, trust: 'context' });
    expect(use.trapResidue).toMatchObject({ from: chain.start.esp - 0x58, to: chain.start.esp, bytes: 0x58 });
    expect(use.frames[0]).toMatchObject({ index: 0, frameBytes: 0, usedBytes: 0x58, trust: 'context', retAddr: chain.start.eip });
    const ntBytes = use.modules.find((m) => m.module === 'nt')!.bytes;
    expect(ntBytes).toBe(use.frames.filter((x) => x.index > 0 && x.module === 'nt').reduce((s, x) => s + x.usedBytes, 0));
    expect(use.kStart).toEqual(chain.start);
  });
});
