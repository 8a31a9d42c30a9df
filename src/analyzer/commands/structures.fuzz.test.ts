/**
 * Bad input for the structure and module commands: random arguments never end in an internal error (only
 * WinDbg-style KdsimError/ExprError text), and the session still answers afterwards.
 */
import fc from 'fast-check';
import { executeLine } from './dispatch';
import { engineSession } from '../../testing/engineSession';

const MINE = ['dt', '!pcr', '!prcb', '!thread', '!process', 'dg', '!idt', 'lm', 'lmv', '!lmi', 'ln', 'x'];
const ATOMS = ['nt!', 'ntkrpamp!', '_KPCR', '_KTSS', '*PCR*', '*', '?', 'TSS', 'Prcb.CurrentThread', 'PrcbData.', '.', '..',
  '-r', '-r1', '-b', '-y', '-z', 'f7737000', 'f773a2e0', 'b8ae5000', '0', '-1', 'ffffffff', '87d68438', 'm', 'kv', 'v',
  'StackHog', 'nosuch', '28', '50', 'fs', '@esp', '(', ')', '!', ' ', '0n99', 'L2', '"'];
const args = fc.array(fc.oneof(fc.constantFrom(...ATOMS), fc.string({ maxLength: 4 })), { maxLength: 6 }).map((a) => a.join(' '));
const line = fc.tuple(fc.constantFrom(...MINE), args).map(([c, a]) => `${c} ${a}`);

describe('structure commands under random arguments', () => {
  it('answer every line without an internal error and leave the session usable', async () => {
    const session = engineSession();
    await fc.assert(fc.asyncProperty(line, async (text) => {
      const done = await executeLine(session, text);
      expect(done.filter((d) => d.internal).map((d) => d.lines[0])).toEqual([]);
    }), { numRuns: 1500 });
    const pcr = (await executeLine(session, '!pcr')).flatMap((d) => d.lines);
    expect(pcr[0]).toBe('KPCR for Processor 3 at f7737000:');
  });
});
