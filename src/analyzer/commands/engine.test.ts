import { executeLine, splitCommands } from './dispatch';
import { engineSession } from '../../testing/engineSession';

async function run(line: string, session = engineSession()): Promise<string[]> {
  return (await executeLine(session, line)).flatMap((d) => d.lines);
}

describe('debugger engine over the blog machine', () => {
  it('starts on the processor whose double-fault stack holds the header esp, with its prompt', () => {
    const s = engineSession();
    expect(s.processor).toBe(3);
    expect(s.prompt()).toBe('3: kd> ');
  });

  it('splits a line on ; outside quotes and keeps offsets for carets', () => {
    expect(splitCommands('.tss 0x50;kC')).toEqual([{ text: '.tss 0x50', offset: 0 }, { text: 'kC', offset: 10 }]);
    expect(splitCommands('da "a;b" ; r')).toEqual([{ text: 'da "a;b"', offset: 0 }, { text: 'r', offset: 11 }]);
  });

  it('prints dd rows, ???????? for the guard page, and a short block for L1', async () => {
    expect(await run('dd b8ae5fe0 L10')).toEqual([
      'b8ae5fe0  ???????? ???????? ???????? ????????',
      'b8ae5ff0  ???????? ???????? ???????? ????????',
      'b8ae6000  00000000 00000000 00000000 00000000',
      'b8ae6010  00000000 b8ae0000 b8ae0023 00000023',
    ]);
    expect(await run('dd b8ae5fe4 L1')).toEqual(['b8ae5fe4  ????????']);
  });

  it('reads sel:offset through the GDT and keeps the 0030: form', async () => {
    expect(await run('dd 0030:00000040 L1')).toEqual(['0030:00000040  f773a2e0']);
    expect(await run('dd fs:0x1c L1')).toEqual(['0030:0000001c  f7737000']);
  });

  it('continues a bare dd after the previous display', async () => {
    const s = engineSession();
    await run('dd f7737000 L4', s);
    expect(await run('dd', s)).toEqual(expect.arrayContaining(['f7737010  19d5c42c 00000008 7ff9c000 f7737000']));
  });

  it('includes the end address of a range and names symbols in dps', async () => {
    const lines = await run('dps b8ae6000 b8ae6020');
    expect(lines).toHaveLength(9);
    expect(lines[8]).toBe('b8ae6020  87758bd8');
  });

  it('loads a TSS context with .tss and prints Last set context: before every r output', async () => {
    const s = engineSession();
    const tss = await run('.tss 0x28', s);
    expect(tss.slice(0, 3)).toEqual([
      'eax=b8ae0023 ebx=b8ae60ec ecx=87d68438 edx=87758bd8 esi=b8ae6068 edi=808813d8',
      'eip=8088c718 esp=b8ae5fe4 ebp=b8ae5fe4 iopl=0         nv up di pl zr na pe nc',
      'cs=0008  ss=0010  ds=0023  es=0023  fs=0030  gs=0000             efl=00010046',
    ]);
    expect(await run('resp;rebp', s)).toEqual(['Last set context:', 'esp=b8ae5fe4', 'Last set context:', 'ebp=b8ae5fe4']);
    expect(await run('rcr2', s)).toEqual(['Last set context:', 'cr2=b8ae5fe0']);
    expect(await run('rfs', s)).toEqual(['Last set context:', 'fs=00000030']);
    expect(await run('? ebp+0x0c', s)).toEqual(['Evaluate expression: -1196531728 = b8ae5ff0']);
    expect(await run('.tss', s)).toEqual(['Resetting default scope']);
    expect(await run('rtr', s)).toEqual(['tr=00000050']);
  });

  it('shows the double-fault task 0x50 in its boot state', async () => {
    const lines = await run('.tss 0x50');
    expect(lines[1]).toBe('eip=8088b702 esp=f773d3c0 ebp=00000000 iopl=0         nv up di pl nz na po nc');
  });

  it("answers an unknown command with WinDbg's caret line and goes on", async () => {
    expect(await run('frobnicate;? 1+1')).toEqual(["                ^ Syntax error in 'frobnicate'", 'Evaluate expression: 2 = 00000002']);
    expect(await run('!nosuch')).toEqual(['No export nosuch found']);
    expect(await run('r zz')).toEqual(["          ^ Bad register error in 'r zz'"]);
    expect(await run('? nosuchsym')).toEqual(["Couldn't resolve error at 'nosuchsym'"]);
  });

  it("stays on the current processor when ~Ns cannot get the other one's context", async () => {
    const s = engineSession();
    expect(await run('~2s', s)).toEqual(['Unable to get the context of processor 2']);
    expect(s.processor).toBe(3);
    expect(await run('~9s', s)).toEqual(["         ^ Illegal thread error in '~9s'"]);
  });

  it('prints .bugcheck and n like WinDbg', async () => {
    expect(await run('.bugcheck')).toEqual(['Bugcheck code 0000007F', 'Arguments 00000008 00000000 00000000 00000000']);
    const s = engineSession();
    expect(await run('n 10;? 10', s)).toEqual(['base is 10', 'Evaluate expression: 10 = 0000000a']);
  });
});
