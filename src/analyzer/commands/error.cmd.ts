/**
 * `!error value [flags]`: what an error code means. WinDbg asks the host's message tables; kdsim carries the
 * codes of kernel crash work (NTSTATUS values drivers return, Win32 errors). Flags 1 reads the value as NTSTATUS.
 * Layout: `Error code: (NTSTATUS) 0xc0000005 (3221225477) - <text>`, `Error code: (Win32) 0x2 (2) - <text>`.
 */
import { CaretError } from '../session/errors';
import type { CommandSpec } from './types';

const NTSTATUS_TEXT: Record<number, string> = {
  0x00000103: 'The operation that was requested is pending completion.',
  0xc0000005: 'The instruction at 0x%p referenced memory at 0x%p. The memory could not be %s.',
  0xc0000008: 'An invalid HANDLE was specified.',
  0xc000000d: 'An invalid parameter was passed to a service or function.',
  0xc0000010: 'The specified request is not a valid operation for the target device.',
  0xc0000034: 'Object Name not found.',
  0xc000009a: 'Insufficient system resources exist to complete the API.',
  0xc00000bb: 'The request is not supported.',
  0xc00000fd: 'A new guard page for the stack cannot be created.',
  0xc0000120: 'The I/O request was canceled.',
};

const WIN32_TEXT: Record<number, string> = {
  0: 'The operation completed successfully.',
  1: 'Incorrect function.',
  2: 'The system cannot find the file specified.',
  3: 'The system cannot find the path specified.',
  5: 'Access is denied.',
  6: 'The handle is invalid.',
  8: 'Not enough storage is available to process this command.',
  87: 'The parameter is incorrect.',
  122: 'The data area passed to a system call is too small.',
  1001: 'Recursion too deep; the stack overflowed.',
};

export const commands: CommandSpec[] = [
  {
    name: '!error',
    summary: '!error <value> [1] — the text of a Win32 error or NTSTATUS (1: read it as NTSTATUS)',
    run(session, args) {
      const [valueText, flagText] = args.trim().split(/\s+/).filter(Boolean);
      if (!valueText) throw new CaretError('Syntax error');
      const value = session.evaluateFull(valueText).full & 0xffffffffn;
      const v = Number(value);
      const asNtStatus = flagText === '1' || v >= 0x80000000 || (NTSTATUS_TEXT[v] !== undefined && WIN32_TEXT[v] === undefined);
      const kind = asNtStatus ? 'NTSTATUS' : 'Win32';
      const text = (asNtStatus ? NTSTATUS_TEXT[v] : WIN32_TEXT[v]) ?? '<Unable to get error code text>';
      return { model: { value: v, kind, text }, lines: [`Error code: (${kind}) 0x${v.toString(16)} (${v >>> 0}) - ${text}`] };
    },
  },
];
