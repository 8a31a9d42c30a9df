import { hex8 } from '../../common/hex';
import type { LmEntry } from '../model/lmModel';
import type { VersionInfo } from '../objects/peVersion';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** ctime-style date of a PE timestamp, in UTC so the output does not depend on the analyst's time zone. */
export function stampDate(stamp: number): string {
  const d = new Date(stamp * 1000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} `
    + `${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} ${d.getUTCFullYear()}`;
}

const HEX = (v: number) => hex8(v).toUpperCase();
/** Detail lines: 4 spaces, label and colon in 18 columns, so values start at column 22. */
const detail = (label: string, value: string) => `    ${`${label}:`.padEnd(18)}${value}`;

const FILE_OS: Record<number, string> = { 0x40004: 'NT Win32', 0x4: 'Win32', 0x40000: 'NT', 0x10001: 'DOS Win16', 0x10004: 'DOS Win32' };
const FILE_TYPE: Record<number, string> = { 1: 'App', 2: 'Dll', 3: 'Driver', 4: 'Font', 5: 'VXD', 7: 'Static library' };
/** The order WinDbg lists StringFileInfo values in. */
const STRING_ORDER = ['CompanyName', 'ProductName', 'InternalName', 'OriginalFilename', 'ProductVersion', 'FileVersion',
  'PrivateBuild', 'SpecialBuild', 'FileDescription', 'LegalCopyright', 'LegalTrademarks', 'Comments'];

function versionLines(v: VersionInfo): string[] {
  const lines = [
    detail('File version', v.fileVersion.join('.')),
    detail('Product version', v.productVersion.join('.')),
    detail('File flags', `${v.fileFlags.toString(16).toUpperCase()} (Mask ${v.fileFlagsMask.toString(16).toUpperCase()})`),
    detail('File OS', `${v.fileOS.toString(16).toUpperCase()} ${FILE_OS[v.fileOS] ?? ''}`.trimEnd()),
    detail('File type', `${v.fileType.toString(16).toUpperCase()}.${v.fileSubtype.toString(16).toUpperCase()} ${FILE_TYPE[v.fileType] ?? ''}`.trimEnd()),
    detail('File date', `${hex8(v.fileDate[0])}.${hex8(v.fileDate[1])}`),
    detail('Translations', v.translations.map(([l, c]) => `${l.toString(16).padStart(4, '0')}.${c.toString(16).padStart(4, '0')}`).join(' ')),
  ];
  const known = STRING_ORDER.flatMap((k) => v.strings.filter(([n]) => n === k));
  const rest = v.strings.filter(([n]) => !STRING_ORDER.includes(n));
  return [...lines, ...[...known, ...rest].map(([k, s]) => detail(k, s))];
}

function verbose(e: LmEntry): string[] {
  const m = e.module;
  const stamp = e.headers?.timeDateStamp ?? m.timeDateStamp;
  const sum = e.headers?.checkSum ?? m.checkSum;
  const size = e.headers?.sizeOfImage ?? m.size;
  return [
    `    Loaded symbol image file: ${m.imageName}`,
    `    Image path: ${m.fullPath ?? m.imageName}`,
    `    Image name: ${m.imageName}`,
    detail('Timestamp', stamp ? `${stampDate(stamp)} (${HEX(stamp)})` : 'unavailable (FFFFFFFE)'),
    detail('CheckSum', sum === undefined ? 'missing' : HEX(sum)),
    detail('ImageSize', HEX(size)),
    ...(e.version ? versionLines(e.version) : []),
  ];
}

/** WinDbg 6.x `lm` / `lmv` (windbg-output.md §10.3), without current WinDbg's DML "Browse" lines. */
export function renderLm(entries: LmEntry[], isVerbose: boolean): string[] {
  const out = ['start    end        module name'];
  for (const e of entries) {
    out.push(`${hex8(e.start)} ${hex8(e.end)}   ${e.module.name.padEnd(8)} ${e.flag} ${e.status.padEnd(23)}${e.path}`);
    if (isVerbose) out.push(...verbose(e));
  }
  return out;
}
