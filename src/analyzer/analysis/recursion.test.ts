import { findRecursion, recursionLines } from './recursion';

const f = (symbol: string) => ({ symbol, module: symbol.split(/[!+]/)[0] });

describe('recursion and re-entrancy', () => {
  it('finds an IRP bouncing between a driver and a filter through IofCallDriver, and repeated functions', () => {
    // Innermost first, as STACK_TEXT: StackHog → ShFilter → StackHog → ShFilter, each hop through IofCallDriver.
    const frames = [
      f('ShFilter!Pass+0x10'), f('nt!IofCallDriver+0x40'), f('StackHog!Dispatch+0x20'), f('nt!IofCallDriver+0x40'),
      f('ShFilter!Pass+0x10'), f('nt!IofCallDriver+0x40'), f('StackHog!Dispatch+0x20'), f('nt!IopfCallDriver+0x1'),
    ];
    const r = findRecursion(frames);
    expect(r.bounces).toEqual([{ modules: ['ShFilter', 'StackHog'], crossings: 3, rounds: 2, via: 'nt!IofCallDriver' }]);
    expect(r.functions).toEqual([
      { name: 'nt!IofCallDriver', count: 3 }, { name: 'ShFilter!Pass', count: 2 }, { name: 'StackHog!Dispatch', count: 2 },
    ]);
    expect(recursionLines(r)[0]).toContain('ShFilter and StackHog call each other back and forth 2 times through nt!IofCallDriver');
  });

  it('does not call a plain descent (A calls B calls C) re-entrancy, and counts no names without symbols', () => {
    const r = findRecursion([f('C+0x10'), f('B+0x10'), f('B+0x20'), f('A+0x30')]);
    expect(r).toEqual({ functions: [], bounces: [] });
  });
});
