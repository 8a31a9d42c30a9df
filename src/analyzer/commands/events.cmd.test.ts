/**
 * The commands engineers type next on the got-stack dump (.echo, .time, version, .lastevent, .exr, .ecxr, !irql,
 * !error). Each expectation is written in the layout of a published transcript or the debugger documentation's
 * example (docs/commands.md, "Session and event commands", names the source of each).
 */
import * as path from 'path';
import { openSession } from '../session/debugSession';
import { executeLine } from './dispatch';

const DUMP = path.resolve(__dirname, '../../../fixtures/dumps/got-stack.dmp');

async function lines(line: string): Promise<{ lines: string[]; error?: string }[]> {
  const session = openSession(DUMP);
  try {
    return (await executeLine(session, line)).map((d) => ({ lines: d.lines, error: d.error }));
  } finally {
    session.dump.close();
  }
}
const text = async (line: string) => (await lines(line)).flatMap((d) => d.lines);

describe('session and event commands on the got-stack dump', () => {
  it('.echo prints its text, without the quotes', async () => {
    expect(await text('.echo "Stack overflow; again"')).toEqual(['Stack overflow; again']);
    expect(await text('.echo checkpoint 1')).toEqual(['checkpoint 1']);
  });

  it('.time prints the banner\'s two time lines', async () => {
    const out = await text('.time');
    expect(out).toHaveLength(2);
    expect(out[0]).toMatch(/^Debug session time: Thu Nov 19 \d\d:42:57\.312 2009 \(GMT[+-]\d+(:\d\d)?\)$/);
    expect(out[1]).toBe('System Uptime: 3 days 4:12:08.625');
  });

  it('version prints the target as vertarget does', async () => {
    const [out, vertarget] = [await text('version'), await text('vertarget')];
    expect(out.slice(0, vertarget.length)).toEqual(vertarget);
  });

  it('.exr -1 prints the header exception record in .exr\'s right-aligned layout', async () => {
    // Real layout: "ExceptionAddress: 7c812afb (kernel32!RaiseException+0x00000053)" / "   ExceptionCode: e06d7363 (C++ EH exception)".
    expect(await text('.exr -1')).toEqual([
      'ExceptionAddress: 8082f483 (nt!KeBugCheckEx+0x00000017)',
      '   ExceptionCode: 80000003 (Break instruction exception)',
      '  ExceptionFlags: 00000001',
      'NumberParameters: 0',
    ]);
  });

  it('.lastevent names the crashing thread (pid.tid) and the exception', async () => {
    expect(await text('.lastevent')).toEqual([
      'Last event: a4c.d18: Break instruction exception - code 80000003 (first/second chance not available)',
      expect.stringMatching(/^ {2}debugger time: Thu Nov 19 /),
    ]);
  });

  it('.ecxr says a kernel dump has no exception context', async () => {
    expect(await text('.ecxr')).toEqual(['Unable to get exception context, HRESULT 0x8000FFFF']);
  });

  it('!irql prints the saved IRQL in the documentation\'s layout', async () => {
    // Documentation example: "Debugger saved IRQL for processor 0x0 -- 28 (CLOCK2_LEVEL)".
    expect(await text('!irql 0')).toEqual(['Debugger saved IRQL for processor 0x0 -- 0 (LOW_LEVEL)']);
    expect(await text('!irql')).toEqual([expect.stringMatching(/^Debugger saved IRQL for processor 0x3 -- \d+( \([A-Z0-9_]+\))?$/)]);
    expect((await lines('!irql 9'))[0]).toEqual({ lines: ['Cannot get PRCB address'], error: 'E_COMMAND' });
  });

  it('!error reads NTSTATUS and Win32 codes', async () => {
    expect(await text('!error c0000005')).toEqual(['Error code: (NTSTATUS) 0xc0000005 (3221225477) - The instruction at 0x%p referenced memory at 0x%p. The memory could not be %s.']);
    expect(await text('!error 2')).toEqual(['Error code: (Win32) 0x2 (2) - The system cannot find the file specified.']);
    expect(await text('!error 7777')).toEqual(['Error code: (Win32) 0x7777 (30583) - <Unable to get error code text>']);
  });

  it('an extension kdsim lacks says No export', async () => {
    expect(await lines('!nosuchext')).toEqual([{ lines: ['No export nosuchext found'], error: 'E_COMMAND' }]);
  });
});
