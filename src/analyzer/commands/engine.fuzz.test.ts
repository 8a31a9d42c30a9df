/**
 * Bad input: thousands of random command lines and expressions against a session. No exception may escape
 * the dispatcher, none of the engine's commands may hit an internal error, nothing may hang, and the session
 * must still answer `r` afterwards.
 */
import fc from 'fast-check';
import { executeLine } from './dispatch';
import { engineSession } from '../../testing/engineSession';
import { evaluate, ExprError } from '../expr';

const ENGINE_COMMANDS = ['dd', 'db', 'dw', 'dq', 'dc', 'da', 'du', 'dds', 'dps', 'dyb', '!dd', '!db', 'r', '?', '.formats', 'n', '.tss', '.trap', '.cxr', '~', '.bugcheck', 'vertarget'];
const ATOMS = ['esp', 'ebp', '@eip', '$ip', '.', 'fs', '0030', 'f7737000', 'b8ae5fe0', '0x1c', '0n12', '0y101', '0t7', 'L1', 'L?2', 'L-1',
  'poi', 'dwo', 'by', 'hi', 'low', 'not', 'mod', 'and', 'nt!_KiTrap0E', '_KiTrap0E', 'nosuch!x', '$bug_param1', '$t0',
  '(', ')', '[', ']', ':', '+', '-', '*', '/', '%', '<<', '>>', '>>>', '==', '!=', '<', '>=', '|', '^', '&', ',', ';', '"', '`', '=', ' ', '0', 'ffffffff'];

const fragment = fc.array(fc.oneof(fc.constantFrom(...ATOMS), fc.string({ maxLength: 4 })), { maxLength: 8 }).map((a) => a.join(''));
const line = fc.tuple(fc.oneof(fc.constantFrom(...ENGINE_COMMANDS), fc.string({ maxLength: 6 })), fragment).map(([c, rest]) => `${c} ${rest}`);

describe('engine under random input', () => {
  it('survives random command lines and still answers r', async () => {
    const session = engineSession();
    await fc.assert(fc.asyncProperty(line, async (text) => {
      const done = await executeLine(session, text);
      const internal = done.filter((d) => d.internal && ENGINE_COMMANDS.some((c) => d.name === c));
      expect(internal).toEqual([]);
    }), { numRuns: 2000 });
    await executeLine(session, '.tss;n 16');
    const r = (await executeLine(session, 'r')).flatMap((d) => d.lines);
    expect(r[0]).toMatch(/^eax=[0-9a-f]{8} ebx=/);
  });

  it('evaluates random expressions to a 32-bit value or an ExprError, never anything else', () => {
    const env = engineSession().exprEnv();
    fc.assert(fc.property(fragment, (text) => {
      try {
        const v = evaluate(text, env).value;
        expect(Number.isInteger(v) && v >= 0 && v <= 0xffffffff).toBe(true);
      } catch (e) {
        expect(e).toBeInstanceOf(ExprError);
      }
    }), { numRuns: 3000 });
  });
});
