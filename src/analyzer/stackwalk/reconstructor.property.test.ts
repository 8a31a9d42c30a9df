/**
 * Property: for any call chain built the way compiled code leaves it (EBP and FPO frames mixed, locals of
 * any size, drivers with or without symbols, stale return addresses of earlier calls left in locals), the
 * reconstruction gives back every frame (pc, return slot, ChildEBP), frame bytes that sum to the call-frame
 * area, and none of the stale words. Runs against label-built chains; the simulator's dumps are compared
 * in the golden test (commands/analyze.cmd.golden.test.ts).
 */
import fc from 'fast-check';
import { buildCallChain, type ChainFunction, type ChainStep } from '../../testing/callChain';
import { loadCallSiteDecoder, type CallSiteDecoder } from '../disasm/callSite';
import { ReturnAddressValidator } from './returnAddressValidator';
import { reconstructChain } from './reconstructor';
import { accountStackUse } from './stackUse';

const INIT = 0xb8ae8df0;
const bounds = { limit: 0xb8ae6000, base: 0xb8ae9000, initialStack: INIT };
const MODULES = [
  { name: 'nt', base: 0x80800000, size: 0x100000 },
  { name: 'StackHog', base: 0xf7a00000, size: 0x40000 },
  { name: 'ShScan', base: 0xf7b00000, size: 0x40000 },
];

const frameArb = fc.record({
  module: fc.constantFrom('nt', 'StackHog', 'ShScan'),
  kind: fc.constantFrom<'ebp' | 'fpo'>('ebp', 'fpo'),
  localsDwords: fc.integer({ min: 0, max: 0x60 }),
  savedRegs: fc.integer({ min: 0, max: 3 }),
  params: fc.integer({ min: 0, max: 4 }),
  callAt: fc.integer({ min: 0x20, max: 0x700 }),
  stale: fc.boolean(),
});

describe('reconstruction property (label-built chains)', () => {
  let dec: CallSiteDecoder;
  beforeAll(async () => { dec = await loadCallSiteDecoder(); });

  it('rebuilds every frame, accounts every byte and rejects every planted stale return address', () => {
    let plantedTotal = 0;
    let fpoFrames = 0;
    fc.assert(fc.property(fc.array(frameArb, { minLength: 2, maxLength: 9 }), fc.boolean(), (spec, hogSymbols) => {
      // Each frame gets its own function (recursion would make "which function" ambiguous for FPO sizes).
      const fns: ChainFunction[] = spec.map((s, i) => {
        const base = MODULES.find((m) => m.name === s.module)!.base;
        return { module: s.module, name: `F${i}`, address: base + 0x1000 * (i + 1), size: 0x800, kind: s.kind,
          localsBytes: 4 * s.localsDwords, savedRegs: s.savedRegs, paramBytes: 4 * s.params };
      });
      const steps: ChainStep[] = spec.map((s, i) => ({ fn: fns[i], at: s.callAt & ~3 }));
      const chain = buildCallChain({
        modules: MODULES.map((m) => ({ ...m, symbols: m.name !== 'StackHog' || hogSymbols })), functions: fns, steps, top: INIT,
        fill: () => 0x41414141,
      });
      // Stale: a call from frame i's function to a function that is not its callee, left in frame i's locals.
      const planted: number[] = [];
      chain.frames.forEach((fr, k) => {
        const i = spec.length - 1 - k;
        const s = spec[i];
        if (!s.stale || s.localsDwords < 4 || i === spec.length - 1) return;
        const wrong = fns.find((f, j) => j !== i + 1 && f.module === fr.fn.module && f !== fr.fn);
        if (!wrong) return;
        const slot = fr.fn.kind === 'ebp' ? fr.childEbp - 8 : fr.raSlot - 8;
        chain.plantCall(fr.fn, 0x7f0, wrong.address, slot);
        planted.push(slot);
      });
      plantedTotal += planted.length;
      fpoFrames += spec.filter((x) => x.kind === 'fpo').length;
      const v = new ReturnAddressValidator(chain.symbols, chain.mem, dec);
      const rec = reconstructChain(chain.mem, v, bounds, { ...chain.start, trust: 'context' });
      expect(rec.frames.map((f) => f.regs.eip)).toEqual(chain.frames.map((f) => f.pc));
      expect(rec.frames.slice(0, -1).map((f) => [f.retAddrSlot, f.childEbp]))
        .toEqual(chain.frames.slice(0, -1).map((f) => [f.raSlot, f.childEbp]));
      for (const slot of planted) expect(rec.frames.some((f) => f.retAddrSlot === slot)).toBe(false);
      const use = accountStackUse(rec, bounds, chain.symbols);
      expect(use.frames.reduce((a, f) => a + f.usedBytes, 0)).toBe(INIT - chain.start.esp);
      expect(use.modules.reduce((a, m) => a + m.bytes, 0)).toBe(INIT - chain.start.esp);
    }), { numRuns: 60, seed: 0x6b647369 });
    // The generator must really exercise stale words and FPO frames, or the property proves little.
    expect(plantedTotal).toBeGreaterThan(20);
    expect(fpoFrames).toBeGreaterThan(60);
  });
});
