/**
 * Golden transcripts of `!analyze -v`, `!analyze`, `!analyze -v -nostackusage` and `!stackusage` on the blog's
 * dump, plus the blog-exact facts each must show. A missing fixture fails the test;
 * UPDATE_GOLDENS=1 writes the goldens (review them before committing).
 */
import * as path from 'path';
import { expectGolden } from '../../testing/golden';
import { executeLine } from './dispatch';
import { openSession, type DebugSession } from '../session/debugSession';

const ROOT = path.resolve(__dirname, '../../..');
const DUMP = path.join(ROOT, 'fixtures/dumps/got-stack.dmp');
const TRANSCRIPTS = path.join(ROOT, 'fixtures/transcripts');

async function transcript(session: DebugSession, line: string): Promise<{ text: string; model: unknown }> {
  const done = await executeLine(session, line);
  // The model of the line's last command (`.tss 0x28;!stackusage` → !stackusage's).
  return { text: `${session.prompt()}${line}\n${done.flatMap((d) => d.lines).join('\n')}\n`, model: done[done.length - 1]?.model };
}

describe('!analyze and !stackusage on got-stack.dmp', () => {
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
    const m = out.usage.model as { regions: Record<string, { start: string; end: string; bytes: number }>; modules: { module: string; bytes: number }[] };
    expect(m.regions.npx).toEqual({ start: 'b8ae8df0', end: 'b8ae9000', bytes: 0x210 });
    expect(m.regions.trapResidue).toEqual({ start: 'b8ae6000', end: 'b8ae6058', bytes: 0x58 });
    expect(m.modules.reduce((s, x) => s + x.bytes, 0)).toBe(0x2d98);
  });

  it('prints walkthrough step 1\'s one-frame block line for line under -nostackusage', () => {
    // The [implied] block of walkthrough.md step 1, in order. Arg2 is not fixed by the blog (puzzle 12); blank
    // lines and the tags the blog cannot check (DEFAULT_BUCKET_ID, CURRENT_IRQL, FOLLOWUP_*, ...) may come between.
    const block = [
      'UNEXPECTED_KERNEL_MODE_TRAP (7f)',
      'This means a trap occurred in kernel mode, and it\'s a trap of a kind',
      'that the kernel isn\'t allowed to have/catch (bound trap) or that',
      'is always instant death (double fault).  The first number in the',
      'bugcheck params is the number of the trap (8 = double fault, etc)',
      'Consult an Intel x86 family manual to learn more about what these',
      'traps are. Here is a *portion* of those codes:',
      'If kv shows a taskGate',
      '        use .tss on the part before the colon, then kv.',
      'Else if kv shows a trapframe',
      '        use .trap on that value',
      'Else',
      '        .trap on the appropriate frame will show where the trap was taken',
      '        (on x86, this will be the ebp that goes with the procedure KiTrap)',
      'Endif',
      'kb will then show the corrected stack.',
      'Arguments:',
      'Arg1: 00000008, EXCEPTION_DOUBLE_FAULT',
      /^Arg2: [0-9a-f]{8}$/,
      'Arg3: 00000000',
      'Arg4: 00000000',
      'Debugging Details:',
      '------------------',
      'BUGCHECK_STR:  0x7f_8',
      'TSS:  00000028 -- (.tss 0x28)',
      'eax=b8ae0023 ebx=b8ae60ec ecx=87d68438 edx=87758bd8 esi=b8ae6068 edi=808813d8',
      'eip=8088c718 esp=b8ae5fe4 ebp=b8ae5fe4 iopl=0         nv up di pl zr na pe nc',
      'cs=0008  ss=0010  ds=0023  es=0023  fs=0030  gs=0000             efl=00010046',
      'nt!_KiTrap0E+0x5c:',
      '8088c718 89550c          mov     dword ptr [ebp+0Ch],edx ss:0010:b8ae5ff0=????????',
      'Resetting default scope',
      'PROCESS_NAME:  StackHog.exe',
      'STACK_TEXT:',
      'b8ae5fe4 00000000 00000000 00000000 00000000 nt!_KiTrap0E+0x5c',
      'STACK_COMMAND:  .tss 0x28 ; kb',
      'SYMBOL_NAME:  nt!_KiTrap0E+5c',
      'MODULE_NAME: nt',
      'IMAGE_NAME:  ntkrpamp.exe',
      'FAILURE_BUCKET_ID:  0x7f_8_nt!_KiTrap0E+5c',
    ];
    const lines = out.lab.text.split('\n').map((l) => l.trimEnd());
    let at = lines.indexOf('UNEXPECTED_KERNEL_MODE_TRAP (7f)');
    for (const want of block) {
      const next = lines.findIndex((l, k) => k >= at && (typeof want === 'string' ? l === want : want.test(l)));
      expect({ want: String(want), found: next >= 0 }).toEqual({ want: String(want), found: true });
      at = next + 1;
    }
    // Between the first and last line of the block: only blank lines and unverifiable tags, nothing of kdsim's own.
    const body = lines.slice(lines.indexOf('UNEXPECTED_KERNEL_MODE_TRAP (7f)'), at);
    expect(body.filter((l) => l.startsWith('[kdsim]') || l.startsWith('Probably caused by'))).toEqual([]);
    expect(body.filter((l) => l.startsWith('LAST_CONTROL_TRANSFER'))).toEqual([]);
  });
});
