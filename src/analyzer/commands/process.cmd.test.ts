import { commandRegistry } from './registry';
import { commands } from './process.cmd';
import { blogSession, PROCESS, THREAD } from '../../testing/fakeKernel';

const run = (args: string, s = blogSession()) => (commands[0].run(s, args, '!process', commandRegistry()) as { lines: string[] }).lines;

/** Puts System and StackHog.exe on PsActiveProcessHead and StackHog's one thread on its thread list. */
function withProcessList() {
  const s = blogSession();
  const head = 0x808a6000;
  const system = 0x8a5a5830;
  s.fake.fill(system, 0x278).writeU32(system + 0x94, 4).write(system + 0x164, [...Buffer.from('System')]);
  s.fake.writeU32(system + 0x18, 0x00b40020).writeU32(system + 0xd4, 0xe1000c98);
  s.fake.fill(0xe1000c98, 0x44).writeU32(0xe1000c98 + 0x3c, 1067);
  s.fake.writeU32(head, system + 0x98, PROCESS + 0x98);
  s.fake.writeU32(system + 0x98, PROCESS + 0x98, head).writeU32(PROCESS + 0x98, head, system + 0x98);
  s.fake.writeU32(PROCESS + 0x180, THREAD + 0x224, THREAD + 0x224).writeU32(THREAD + 0x224, PROCESS + 0x180, PROCESS + 0x180);
  Object.assign(s.dump.header, { psActiveProcessHead: head });
  return s;
}

describe('!process', () => {
  it('lists every active process briefly with 0 0', () => {
    expect(run('0 0', withProcessList())).toEqual([
      '**** NT ACTIVE PROCESS DUMP ****',
      'PROCESS 8a5a5830  SessionId: none  Cid: 0004    Peb: 00000000  ParentCid: 0000',
      '    DirBase: 00b40020  ObjectTable: e1000c98  HandleCount: 1067.',
      '    Image: System',
      '',
      'PROCESS 874c6800  SessionId: 0  Cid: 0f6c    Peb: 7ffdf000  ParentCid: 0a2c',
      '    DirBase: 0ab40260  ObjectTable: e1a2c9a8  HandleCount:   19.',
      '    Image: StackHog.exe',
      '',
    ]);
  });

  it('filters 0 0 by image name', () => {
    expect(run('0 0 stackhog.exe', withProcessList())).toHaveLength(5);
  });

  it('shows the current process with its threads indented by 8', () => {
    const lines = run('', withProcessList());
    expect(lines[0]).toBe('PROCESS 874c6800  SessionId: 0  Cid: 0f6c    Peb: 7ffdf000  ParentCid: 0a2c');
    expect(lines[4]).toBe('        THREAD 87d68438  Cid 0f6c.0f70  Teb: 7ff9c000 Win32Thread: 00000000 RUNNING on processor 3');
  });
});
