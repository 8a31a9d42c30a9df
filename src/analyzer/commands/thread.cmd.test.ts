import { commandRegistry } from './registry';
import { commands } from './thread.cmd';
import { blogSession, THREAD } from '../../testing/fakeKernel';
import { tickTime } from '../model/threadModel';

const run = async (args = '', s = blogSession()) => (await commands[0].run(s, args, '!thread', commandRegistry())).lines;

describe('!thread', () => {
  it('prints the blog thread in the Server 2003 layout (walkthrough step 16)', async () => {
    const lines = await run();
    expect(lines.slice(0, 13)).toEqual([
      'THREAD 87d68438  Cid 0f6c.0f70  Teb: 7ff9c000 Win32Thread: 00000000 RUNNING on processor 3',
      'Not impersonating',
      'DeviceMap                 e1003f08',
      'Owning Process            874c6800       Image:         StackHog.exe',
      'Attached Process          N/A            Image:         N/A',
      'Wait Start TickCount      1283434',
      'Context Switch Count      4              ',
      'UserTime                  00:00:00.000',
      'KernelTime                00:00:00.015',
      'Win32 Start Address 0x01001a5c',
      'Start Address 0x7c810705',
      'Stack Init b8ae8df0 Current b8ae8c44 Base b8ae9000 Limit b8ae6000 Call 0',
      'Priority 8 BasePriority 8 PriorityDecrement 0',
    ]);
    // Then the registered k walker's frames for the current context, under its own header.
    expect(lines[13]).toBe('ChildEBP RetAddr  Args to Child              ');
  });

  it('takes an explicit ETHREAD and reports an unreadable one', async () => {
    expect((await run(THREAD.toString(16)))[0]).toMatch(/^THREAD 87d68438 /);
    await expect(run('90000000')).rejects.toThrow('90000000: Unable to get thread contents');
  });

  it('converts ticks with the clock increment', () => {
    expect(tickTime(1, 156250)).toBe('00:00:00.015');
    expect(tickTime(230400 + 64, 156250)).toBe('01:00:01.000');
  });
});
