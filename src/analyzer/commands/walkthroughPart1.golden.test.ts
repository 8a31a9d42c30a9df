/**
 * Golden transcript of walkthrough Part 1 (walkthrough.md), typed as on the blog in the blog's order, against the
 * simulator's fixture. The output is what `kdsim analyze fixtures/dumps/got-stack.dmp --no-banner -c <line>...`
 * prints: each command echoed after the prompt, then its lines. UPDATE_GOLDENS=1 rewrites the golden.
 */
import * as fs from 'fs';
import * as path from 'path';
import { openSession } from '../session/debugSession';
import { executeLine } from './dispatch';
import { expectGolden } from '../../testing/golden';

const ROOT = path.resolve(__dirname, '../../..');
const DUMP = path.join(ROOT, 'fixtures/dumps/got-stack.dmp');
const TRANSCRIPTS = path.join(ROOT, 'fixtures/transcripts');

/** Lines the blog prints ([blog] in walkthrough.md) that the transcript must hold, in this order. */
const BLOG_LINES = [
  'TSS:  00000028 -- (.tss 0x28)',
  'KPCR for Processor 3 at f7737000:',
  '\t                TSS: f773a2e0',
  'Last set context:',
  'fs=00000030',
  '   +0x040 TSS              : Ptr32 _KTSS',
  '0030:00000040  f773a2e0',
  '   +0x000 Backlink         : 0x28',
  '   +0x01c SelfPcr          : Ptr32 _KPCR',
  '0030:0000001c  f7737000',
  'f7737000  b8ae60dc 00000000 00000000 f7737fe0',
  'f7737140  00000000 00000000 00000000 00000000',
  '0030:00000000  b8ae60dc 00000000 00000000 f7737fe0',
  '0030:00000140  00000000 00000000 00000000 00000000',
  'eip=8088b702 esp=f773d3c0 ebp=00000000 iopl=0         nv up di pl nz na po nc',
  '8088b702 fa              cli',
  '  *** Stack trace for last set context - .thread/.cxr resets it',
  'eip=8088c718 esp=b8ae5fe4 ebp=b8ae5fe4 iopl=0         nv up di pl zr na pe nc',
  '8088c718 89550c          mov     dword ptr [ebp+0Ch],edx ss:0010:b8ae5ff0=????????',
  'Owning Process            874c6800       Image:         StackHog.exe',
  'esp=b8ae5fe4',
  'b8ae5fe4  ????????',
  'b8ae6010  00000000 b8ae0000 b8ae0023 00000023',
  'cr2=b8ae5fe0',
  'Evaluate expression: -1196531728 = b8ae5ff0',
  'b8ae5ff0  ????????',
  'b8ae5fe4 00000000 00000000 00000000 00000000 nt!_KiTrap0E+0x5c (FPO: [0,0] TrapFrame-EDITED @ 00000000)',
];

/** Runs `<name>.commands.txt` (one command line each) in one session and returns the transcript text. */
async function transcript(name: string): Promise<string> {
  const session = openSession(DUMP);
  try {
    const out: string[] = [];
    const commands = fs.readFileSync(path.join(TRANSCRIPTS, `${name}.commands.txt`), 'utf8');
    for (const line of commands.split('\n').filter((l) => l.trim())) {
      const prompt = session.prompt();
      const done = await executeLine(session, line);
      out.push(`${prompt}${line}`, ...done.flatMap((d) => d.lines));
    }
    return `${out.join('\n')}\n`;
  } finally {
    session.dump.close();
  }
}

describe('walkthrough Part 1 on got-stack.dmp', () => {
  let text: string;
  beforeAll(async () => { text = await transcript('walkthrough-part1'); });

  it('matches the golden transcript line for line', () => {
    expectGolden(path.join(TRANSCRIPTS, 'walkthrough-part1.txt'), text);
  });

  it('holds every blog line, in the blog order', () => {
    const lines = text.split('\n');
    let at = 0;
    for (const want of BLOG_LINES) {
      const i = lines.indexOf(want, at);
      expect({ want, found: i >= 0 }).toEqual({ want, found: true });
      at = i + 1;
    }
  });

  it('stack line of !thread shows the blog bounds', () => {
    expect(text).toMatch(/^Stack Init [0-9a-f]{8} Current [0-9a-f]{8} Base b8ae9000 Limit b8ae6000 Call 0$/m);
  });
});

describe('structure and module commands on got-stack.dmp', () => {
  it('match the golden transcript line for line', async () => {
    expectGolden(path.join(TRANSCRIPTS, 'structures.txt'), await transcript('structures'));
  });
});
