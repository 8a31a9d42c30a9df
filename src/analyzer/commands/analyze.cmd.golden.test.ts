/**
 * Golden transcripts of `!analyze -v`, `!analyze`, `!analyze -v -nostackusage` and `!stackusage` on the blog's
 * dump, plus the blog-exact facts each must show. Skipped (and says so) until the simulator's fixture exists;
 * UPDATE_GOLDENS=1 writes the goldens (review them before committing).
 */
import * as fs from 'fs';
import * as path from 'path';
import { expectGolden } from '../../testing/golden';
import { executeLine } from './dispatch';
import { openSession, type DebugSession } from './session';

const ROOT = path.resolve(__dirname, '../../..');
const DUMP = path.join(ROOT, 'fixtures/dumps/got-stack.dmp');
const TRANSCRIPTS = path.join(ROOT, 'fixtures/transcripts');

const haveFixture = fs.existsSync(DUMP);
const maybe = haveFixture ? describe : describe.skip;
if (!haveFixture) {
  // eslint-disable-next-line no-console
  console.log(`skipped: !analyze/!stackusage goldens need ${path.relative(ROOT, DUMP)} (npm run fixtures)`);
}

async function transcript(session: DebugSession, line: string): Promise<{ text: string; model: unknown }> {
  const done = await executeLine(session, line);
  return { text: `${session.prompt()}${line}\n${done.flatMap((d) => d.lines).join('\n')}\n`, model: done[0]?.model };
}

maybe('!analyze and !stackusage on got-stack.dmp', () => {
  const out: Record<string, { text: string; model: unknown }> = {};
  beforeAll(async () => {
    const session = openSession(DUMP);
    try {
      for (const [key, line] of [['v', '!analyze -v'], ['short', '!analyze'], ['lab', '!analyze -v -nostackusage'],
        ['usage', '.tss 0x28;!stackusage'], ['usageDefault', '!stackusage']] as const) {
        out[key] = await transcript(session, line);
        session.resetContext();
      }
    } finally {
      session.dump.close();
    }
  });

  it('!analyze -v matches its golden', () => expectGolden(path.join(TRANSCRIPTS, 'got-stack-analyze.txt'), out.v.text));
  it('!analyze matches its golden', () => expectGolden(path.join(TRANSCRIPTS, 'got-stack-analyze-short.txt'), out.short.text));
  it('!analyze -v -nostackusage matches its golden', () => expectGolden(path.join(TRANSCRIPTS, 'got-stack-analyze-lab.txt'), out.lab.text));
  it('!stackusage matches its golden', () => expectGolden(path.join(TRANSCRIPTS, 'got-stack-stackusage.txt'), out.usage.text));

  it('shows the blog\'s bugcheck lines, the TSS backlink and the .tss 0x28 register block', () => {
    const t = out.v.text;
    for (const l of ['UNEXPECTED_KERNEL_MODE_TRAP (7f)', 'Arg1: 00000008, EXCEPTION_DOUBLE_FAULT', 'BUGCHECK_STR:  0x7f_8',
      'TSS:  00000028 -- (.tss 0x28)',
      'eax=b8ae0023 ebx=b8ae60ec ecx=87d68438 edx=87758bd8 esi=b8ae6068 edi=808813d8',
      'Resetting default scope', 'PROCESS_NAME:  StackHog.exe', 'STACK_COMMAND:  .tss 0x28 ; kb']) {
      expect(t.split('\n')).toContain(l);
    }
  });

  it('rebuilds STACK_TEXT from the trap frame and blames a product driver, not nt', () => {
    const lines = out.v.text.split('\n');
    const i = lines.indexOf('STACK_TEXT:  ');
    expect(lines[i + 1]).toBe('b8ae5fe4 808813d8 00000000 00000000 00000000 nt!_KiTrap0E+0x5c');
    expect(lines[i + 2]).toMatch(/^b8ae60ec [0-9a-f]{8} .* nt!/);
    expect(lines.find((l) => l.startsWith('MODULE_NAME:'))).not.toBe('MODULE_NAME: nt');
    expect(lines).toContain('LAST_CONTROL_TRANSFER:  from 808813d8 to 8088c718');
  });

  it('keeps the blog\'s one-frame form under -nostackusage', () => {
    const lines = out.lab.text.split('\n');
    const i = lines.indexOf('STACK_TEXT:  ');
    expect(lines.slice(i + 1, i + 3)).toEqual(['b8ae5fe4 00000000 00000000 00000000 00000000 nt!_KiTrap0E+0x5c', '']);
    expect(lines).toContain('SYMBOL_NAME:  nt!_KiTrap0E+5c');
    expect(lines).toContain('IMAGE_NAME:  ntkrpamp.exe');
  });

  it('prints the kf = line of walkthrough step 31, from .tss 0x28 and from the default context alike', () => {
    expect(out.usage.text).toContain('\nkf = b8ae60ec b8ae6058 808813d8\n');
    expect(out.usageDefault.text).toContain('\nkf = b8ae60ec b8ae6058 808813d8\n');
  });

  it('keeps the NPX area and the trap-frame residue out of the module table', () => {
    const m = out.usage.model as { npx: { bytes: number }; trapResidue: { bytes: number }; modules: { module: string }[] };
    expect(m.npx.bytes).toBe(0x210);
    expect(m.trapResidue.bytes).toBe(0x58);
  });
});
