import { bounceSummary, functionOf } from './bounce';
import type { ReportFrame } from './reportModel';

/** Frames innermost first, as the reconstruction lists them; 0x10 bytes each. */
const chain = (...symbols: string[]): ReportFrame[] => symbols.map((symbol, index) => ({
  index, symbol, module: symbol.split(/[!+]/)[0], childEbp: 0x1000 + index * 16, retAddr: 0, pc: 0, frameBytes: 16, usedBytes: 16,
  from: 0x1000 + index * 16, to: 0x1010 + index * 16, trust: 'frame_pointer', trapResidue: false,
}));

describe('bounceSummary', () => {
  it('counts calls between drivers through nt!IofCallDriver as calls between the drivers', () => {
    const s = bounceSummary(chain('B!Work+0x1', 'nt!IofCallDriver+0x19', 'A!Send+0x2', 'nt!IofCallDriver+0x19', 'B!Work+0x1',
      'nt!IofCallDriver+0x19', 'A!Send+0x2', 'nt!IopXxxControlFile+0x25', 'nt!KiFastCallEntry+0x9d'));
    expect(s.calls.map((c) => [c.caller, c.callee, c.count, c.via])).toEqual([
      ['A', 'B', 2, ['nt!IofCallDriver']], ['B', 'A', 1, ['nt!IofCallDriver']], ['nt', 'A', 1, []],
    ]);
    expect(s.bounces).toEqual([{ a: 'A', b: 'B', aToB: 2, bToA: 1, via: ['nt!IofCallDriver'] }]);
    expect(s.recursion.map((r) => [r.function, r.count, r.frames])).toEqual([
      ['nt!IofCallDriver', 3, [1, 3, 5]], ['A!Send', 2, [2, 6]], ['B!Work', 2, [0, 4]],
    ]);
  });

  it('finds no bounce in a straight chain, and leaves the trap-frame residue out', () => {
    const frames = chain('nt!_KiTrap0E+0x5c', 'C!Leaf+0x3', 'B!Mid+0x2', 'A!Top+0x1');
    frames[0].trapResidue = true;
    const s = bounceSummary(frames);
    expect(s.bounces).toEqual([]);
    expect(s.recursion).toEqual([]);
    expect(s.calls.map((c) => `${c.caller}>${c.callee}`)).toEqual(['A>B', 'B>C']);
  });

  it('names a function without its offset, and a module without symbols by itself', () => {
    expect(functionOf('StackHog!ShProcessRequest+0x2a')).toBe('StackHog!ShProcessRequest');
    expect(functionOf('StackHog+0x10e2')).toBe('StackHog');
  });
});
