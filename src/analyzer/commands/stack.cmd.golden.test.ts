/**
 * Golden transcript of the k family and the disassembler on the blog's dump: kv/kb/kf/kn/kC after `.tss 0x28`
 * and `.tss 0x50`, `kf = b8ae60ec b8ae6058 808813d8` (walkthrough step 31's derived line), `u 8088c718 L4`, `ub`,
 * `uf nt!_KiTrap08`. A missing fixture fails the test (`npm run fixtures` makes it); UPDATE_GOLDENS=1 writes the golden.
 */
import * as path from 'path';
import { expectGolden } from '../../testing/golden';
import { executeLine } from './dispatch';
import { openSession } from '../session/debugSession';

const ROOT = path.resolve(__dirname, '../../..');
const DUMP = path.join(ROOT, 'fixtures/dumps/got-stack.dmp');
const GOLDEN = path.join(ROOT, 'fixtures/transcripts/got-stack-k-family.txt');

const LINES = [
  '.tss 0x28', 'kv', 'kb', 'kf', 'kn', 'kC', 'kvL200', 'kfL200',
  '.tss 0x50', 'kC', 'kvn', 'kf',
  '.cxr', 'kv', 'kf = b8ae60ec b8ae6058 808813d8', 'kvn = b8ae60ec b8ae6058 808813d8',
  'u 8088c718 L4', 'ub 8088c718', 'uf nt!_KiTrap08',
];

describe('k family and u on got-stack.dmp', () => {
  let text = '';
  beforeAll(async () => {
    const session = openSession(DUMP);
    try {
      const out: string[] = [];
      for (const line of LINES) {
        const prompt = session.prompt();
        out.push(`${prompt}${line}`, ...(await executeLine(session, line)).flatMap((d) => d.lines));
      }
      text = `${out.join('\n')}\n`;
    } finally {
      session.dump.close();
    }
  });

  it('matches the golden transcript line for line', () => expectGolden(GOLDEN, text));

  it('shows the blog\'s one-frame kv and kf after .tss 0x28', () => {
    expect(text).toContain('b8ae5fe4 00000000 00000000 00000000 00000000 nt!_KiTrap0E+0x5c (FPO: [0,0] TrapFrame-EDITED @ 00000000)\n');
    expect(text).toContain('  Memory  ChildEBP RetAddr  \n          b8ae5fe4 00000000 nt!_KiTrap0E+0x5c\n');
  });

  it('walks from KiTrap08 to KiTrap0E after .tss 0x50', () => {
    expect(text).toContain('Call Site\nnt!_KiTrap08\nnt!_KiTrap0E\n');
  });

  it('walks the driver chain from kf = b8ae60ec b8ae6058 808813d8', () => {
    const after = text.split('kf = b8ae60ec b8ae6058 808813d8\n')[1].split('\n');
    expect(after[0]).toBe('  Memory  ChildEBP RetAddr  ');
    expect(after[1]).toMatch(/^ {10}b8ae60ec [0-9a-f]{8} nt!/);
    // The Memory column is right-aligned in 9, then one space (real kf: `01        3c 01003068`).
    expect(after.slice(2, 5).every((l) => /^ +[0-9a-f]+ [0-9a-f]{8} [0-9a-f]{8} \S+/.test(l) && l.indexOf(' ', 9) === 9)).toBe(true);
    expect(after[2]).toBe('       24 b8ae6110 ba6e10de ShScan!ShLockUserBuffer+0x1b');
  });
});
