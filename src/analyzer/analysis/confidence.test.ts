import { assessBlame, TIE_MARGIN_BYTES } from './confidence';
import type { ChainFrame } from '../stackwalk/reconstructor';

const frame = (ok: boolean): ChainFrame => ({
  index: 0, regs: {} as ChainFrame['regs'], childEbp: 0, retAddr: 0x1000, args: [null, null, null], trust: ok ? 'frame_pointer' : 'scan',
  evidence: { level: ok ? 3 : 1 },
} as ChainFrame);
const mods = (...m: [string, number][]) => m.map(([module, bytes]) => ({ module, bytes, percent: 0 }));

describe('blame confidence', () => {
  it('is high with a clear lead, every frame validated and symbols everywhere', () => {
    const a = assessBlame({ modules: mods(['StackHog', 0x1194], ['ShFilter', 0xf64]), blamed: 'StackHog', chain: [frame(true), frame(true)], withoutSymbols: [] });
    expect(a.confidence.level).toBe('high');
    expect(a.tieWith).toBeUndefined();
    expect(a.confidence.reasons[0]).toBe('StackHog leads ShFilter by 0x230 bytes');
  });

  it('declares a near-tie under the margin (seed 2: 0xf68 against 0xf64) and names both, low', () => {
    const a = assessBlame({ modules: mods(['StackHog', 0xf68], ['ShFilter', 0xf64]), blamed: 'StackHog', chain: [frame(true)], withoutSymbols: [] });
    expect(a.tieWith).toBe('ShFilter');
    expect(a.confidence.level).toBe('low');
    expect(a.confidence.reasons[0]).toMatch(/near-tie: StackHog 0xf68 and ShFilter 0xf64 are 0x4 bytes apart/);
    expect(assessBlame({ modules: mods(['A', 0x1000 + TIE_MARGIN_BYTES], ['B', 0x1000]), blamed: 'A', chain: [frame(true)], withoutSymbols: [] }).tieWith).toBeUndefined();
  });

  it('drops to medium without symbols, or when nt used the most, and to low when few frames are validated', () => {
    const base = { modules: mods(['StackHog', 0x1000], ['ShFilter', 0x800]), blamed: 'StackHog', chain: [frame(true)] };
    expect(assessBlame({ ...base, withoutSymbols: ['StackHog'] }).confidence.level).toBe('medium');
    expect(assessBlame({ ...base, modules: mods(['nt', 0x1400], ['StackHog', 0x1000]), withoutSymbols: [] }).confidence.level).toBe('medium');
    expect(assessBlame({ ...base, chain: [frame(true), frame(false), frame(false)], withoutSymbols: [] }).confidence.level).toBe('low');
  });
});
