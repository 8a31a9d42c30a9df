import { commandRegistry } from './registry';
import { commands as ln } from './ln.cmd';
import { commands as x } from './x.cmd';
import { blogSession } from '../../testing/fakeKernel';

const run = (c: typeof ln, args: string) => (c[0].run(blogSession(), args, c[0].name, commandRegistry()) as { lines: string[] }).lines;

describe('ln', () => {
  it('names the symbol with its offset and the next symbol (blog faulting EIP)', () => {
    expect(run(ln, '8088c718')).toEqual(['(8088c6bc)   nt!_KiTrap0E+0x5c   |  (8088c900)   nt!KiTrap0EEnd']);
  });

  it('lists exact matches when the address is a symbol start', () => {
    expect(run(ln, '8088c900')).toEqual(['(8088c900)   nt!KiTrap0EEnd   |  (808a5000)   nt!KiProcessorBlock', 'Exact matches:', '    nt!KiTrap0EEnd = <no type information>']);
  });

  it('prints module+offset for a module without symbols and nothing outside modules', () => {
    expect(run(ln, 'f7b200e2')).toEqual(['(f7b1f000)   StackHog+0x10e2']);
    expect(run(ln, '10000')).toEqual([]);
  });
});

describe('x', () => {
  it('lists the symbols a wildcard matches, by address', () => {
    expect(run(x, 'nt!_KiTrap*')).toEqual([
      '8088b702 nt!_KiTrap08 = <no type information>',
      '8088c6bc nt!_KiTrap0E = <no type information>',
    ]);
  });
});
