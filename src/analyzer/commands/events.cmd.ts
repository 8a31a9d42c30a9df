/**
 * What an engineer types first to see what happened and when: `.echo`, `.time`, `version`, `.lastevent`,
 * `.exr -1`, `.ecxr`. A kernel crash dump's "last event" is the exception record in its header (the breakpoint
 * KeBugCheckEx reports to the debugger), on the crashing processor's current thread.
 */
import { hex8 } from '../../common/hex';
import { renderTarget, sessionTime } from '../render/target';
import { CaretError } from '../session/errors';
import { targetInfo } from '../session/targetInfo';
import { TypedView } from '../objects/typedView';
import type { CommandSpec } from './types';
import type { SessionApi } from '../session/types';

/** WinDbg's names for the exception codes a kernel dump carries (ntstatus.h descriptions, as `.exr` prints them). */
const EXCEPTION_NAMES: Record<number, string> = {
  0x80000003: 'Break instruction exception',
  0x80000004: 'Single step exception',
  0xc0000005: 'Access violation',
  0xc000001d: 'Illegal instruction',
  0xc0000094: 'Integer divide-by-zero',
  0xc00000fd: 'Stack overflow',
  0xc0000096: 'Privileged instruction',
};

const exceptionName = (code: number) => EXCEPTION_NAMES[code >>> 0];

/** `ExceptionAddress: 8088c7f2 (nt!KeBugCheckEx+0x0000001b)`: WinDbg pads the displacement to 8 digits here. */
function symbolWithLongOffset(session: SessionApi, address: number): string {
  const s = session.symbols.format(address);
  if (!s) return '';
  const m = /^(.*)\+0x([0-9a-f]+)$/.exec(s);
  return ` (${m ? `${m[1]}+0x${m[2].padStart(8, '0')}` : `${s}+0x00000000`})`;
}

type ExceptionRecord = SessionApi['dump']['header']['exception'];

/** An EXCEPTION_RECORD32 in target memory (`.exr <address>`): code, flags, record, address, count, 15 parameters. */
function readExceptionRecord(session: SessionApi, va: number): ExceptionRecord {
  const u32 = (off: number) => {
    const v = session.vm.readU32((va + off) >>> 0);
    if (v === null) throw new CaretError('Memory access error');
    return v;
  };
  const numberParameters = u32(0x10);
  return {
    code: u32(0), flags: u32(4), record: u32(8), address: u32(0xc), numberParameters,
    information: Array.from({ length: Math.min(numberParameters, 15) }, (_, i) => u32(0x14 + 4 * i)),
  };
}

/** `.exr`'s block (right-aligned labels, as every published `.exr` transcript shows it). */
function exceptionRecordLines(session: SessionApi, e: ExceptionRecord): string[] {
  const name = exceptionName(e.code);
  const lines = [
    `ExceptionAddress: ${hex8(e.address)}${symbolWithLongOffset(session, e.address)}`,
    `   ExceptionCode: ${hex8(e.code)}${name ? ` (${name})` : ''}`,
    `  ExceptionFlags: ${hex8(e.flags)}`,
    `NumberParameters: ${e.numberParameters}`,
  ];
  const n = Math.min(e.numberParameters, e.information.length);
  for (let i = 0; i < n; i++) lines.push(`   Parameter[${i}]: ${hex8(e.information[i])}`);
  return lines;
}

/** `pid.tid` of the crashing thread (Cid of the current thread), hex without padding as WinDbg prints it. */
function eventIds(session: SessionApi): string {
  const thread = session.currentThread;
  if (thread === undefined || !session.ntTypes?.hasType('_ETHREAD')) return '0.0';
  const t = new TypedView(session.vm, session.ntTypes, '_ETHREAD', thread);
  const pid = t.value('Cid.UniqueProcess');
  const tid = t.value('Cid.UniqueThread');
  return `${(pid ?? 0).toString(16)}.${(tid ?? 0).toString(16)}`;
}

export const commands: CommandSpec[] = [
  {
    name: '.echo',
    summary: '.echo [text] — print the text (quotes, if any, are taken off)',
    run(_session, args) {
      const m = /^"(.*)"$/.exec(args.trim());
      const text = m ? m[1] : args.trim();
      return { model: { text }, lines: [text] };
    },
  },
  {
    name: '.time',
    summary: '.time — the crash time (debug session time) and the system uptime',
    run(session) {
      const t = targetInfo(session);
      const lines = renderTarget(t).filter((l) => l.startsWith('Debug session time:') || l.startsWith('System Uptime:'));
      return { model: { systemTime: sessionTime(t.systemTime), systemUpTime: t.systemUpTime }, lines };
    },
  },
  {
    name: 'version',
    summary: 'version — the target (as vertarget) and the debugger that reads it',
    run(session) {
      const t = targetInfo(session);
      // WinDbg follows with its own engine's version lines; kdsim names itself instead of imitating them.
      const lines = [...renderTarget(t), '', 'Debugger: kdsim (WinDbg-style reader of x86 kernel crash dumps)'];
      return { model: t, lines };
    },
  },
  {
    name: '.lastevent',
    summary: '.lastevent — the event the dump was written for: the bugcheck exception, its thread and time',
    run(session) {
      const e = session.dump.header.exception;
      const what = exceptionName(e.code) ?? 'Unknown exception';
      const lines = [
        `Last event: ${eventIds(session)}: ${what} - code ${hex8(e.code)} (first/second chance not available)`,
        `  debugger time: ${sessionTime(session.dump.header.systemTime)}`,
      ];
      return { model: { ids: eventIds(session), code: hex8(e.code), description: what }, lines };
    },
  },
  {
    name: '.exr',
    summary: '.exr -1 | <address> — the last event\'s exception record (the dump header\'s), or one in memory',
    run(session, args) {
      const a = args.trim();
      if (!a) throw new CaretError('Syntax error');
      const record = a === '-1' ? session.dump.header.exception : readExceptionRecord(session, session.evaluate(a) >>> 0);
      return { model: record, lines: exceptionRecordLines(session, record) };
    },
  },
  {
    name: '.ecxr',
    summary: '.ecxr — the exception context: user-mode dumps only; a kernel dump has none (use .trap / .cxr)',
    run() {
      return { model: { available: false }, lines: ['Unable to get exception context, HRESULT 0x8000FFFF'] };
    },
  },
];
