/** The target description shared by the opening banner and `vertarget` (windbg-output.md §1). */
import { hex8 } from '../../common/hex';
import type { TargetInfo } from '../session/targetInfo';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const p2 = (n: number) => String(n).padStart(2, '0');
const FILETIME_UNIX_EPOCH = 116444736000000000n;

/** `Wed Nov 25 10:12:45.031 2009 (GMT-5)`: WinDbg shows the crash time in the debugger host's zone (TZ). */
export function sessionTime(filetime: bigint): string {
  const ms = Number((filetime - FILETIME_UNIX_EPOCH) / 10000n);
  const d = new Date(ms);
  const off = -d.getTimezoneOffset();
  const zone = `GMT${off >= 0 ? '+' : '-'}${Math.floor(Math.abs(off) / 60)}${Math.abs(off) % 60 ? `:${p2(Math.abs(off) % 60)}` : ''}`;
  return `${DAYS[d.getDay()]} ${MONTHS[d.getMonth()]} ${String(d.getDate()).padStart(2, ' ')} ${p2(d.getHours())}:${p2(d.getMinutes())}:${p2(d.getSeconds())}.${String(d.getMilliseconds()).padStart(3, '0')} ${d.getFullYear()} (${zone})`;
}

/** `0 days 3:12:23.640` (hours not padded). */
export function uptime(hundredNs: bigint): string {
  const ms = hundredNs / 10000n;
  const days = ms / 86400000n;
  const rest = Number(ms % 86400000n);
  const h = Math.floor(rest / 3600000);
  const m = Math.floor(rest / 60000) % 60;
  const s = Math.floor(rest / 1000) % 60;
  return `${days} days ${h}:${p2(m)}:${p2(s)}.${String(rest % 1000).padStart(3, '0')}`;
}

export function osLine(t: TargetInfo): string {
  const sp = t.servicePack ? ` (Service Pack ${t.servicePack})` : '';
  const mp = t.processors > 1 ? `MP (${t.processors} procs)` : 'UP';
  return `${t.osName} Kernel Version ${t.build}${sp} ${mp} ${t.checked ? 'Checked' : 'Free'} x86 compatible`;
}

export function renderTarget(t: TargetInfo): string[] {
  return [
    osLine(t),
    `Product: ${t.product}, suite: ${t.suites.join(' ')}`,
    `Built by: ${t.buildLab ?? t.build}`,
    'Machine Name:',
    `Kernel base = 0x${t.kernelBase === undefined ? '????????' : hex8(t.kernelBase)} PsLoadedModuleList = 0x${hex8(t.psLoadedModuleList)}`,
    `Debug session time: ${sessionTime(t.systemTime)}`,
    `System Uptime: ${uptime(t.systemUpTime)}`,
  ];
}

const DUMP_TYPE_LINE: Record<number, string> = {
  1: 'Kernel Complete Dump File: Full address space is available',
  2: 'Kernel Summary Dump File: Only kernel address space is available',
  5: 'Kernel Bitmap Dump File: Full address space is available',
  4: 'Mini Kernel Dump File: Only registers and stack trace are available',
};

export const STAR_LINE = '*'.repeat(79);

/** The banner up to (and including) the bugcheck line; "Probably caused by" comes from the analysis when present. */
export function renderBanner(path: string, t: TargetInfo, bugcheck: { code: number; params: number[] }, symbolPath: string, probablyCausedBy?: string[]): string[] {
  return [
    '',
    `Loading Dump File [${path}]`,
    DUMP_TYPE_LINE[t.dumpType] ?? DUMP_TYPE_LINE[1],
    '',
    `Symbol search path is: ${symbolPath}`,
    'Executable search path is: ',
    ...renderTarget(t),
    STAR_LINE,
    `*${' '.repeat(77)}*`,
    `*${' '.repeat(24)}Bugcheck Analysis${' '.repeat(36)}*`,
    `*${' '.repeat(77)}*`,
    STAR_LINE,
    '',
    'Use !analyze -v to get detailed debugging information.',
    '',
    `BugCheck ${bugcheck.code.toString(16).toUpperCase()}, {${bugcheck.params.map((p) => (p >>> 0).toString(16)).join(', ')}}`,
    '',
    ...(probablyCausedBy ?? []),
  ];
}
