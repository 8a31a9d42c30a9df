/** Text of `?` and `.formats` (windbg-output.md §10.6). */
import { hex8 } from '../../common/hex';

/** `Evaluate expression: -1 = ffffffff`; the arch formats the value (8 digits, or 64 bits with a backtick). */
export const renderEvaluate = (decimal: string, hex: string): string[] => [`Evaluate expression: ${decimal} = ${hex}`];

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const p2 = (n: number) => String(n).padStart(2, '0');

/** `Tue Jan 06 17:39:00 1970`: the value as seconds since 1970, in UTC (kdsim has no target time zone here). */
export function ctime(seconds: number): string {
  const d = new Date(seconds * 1000);
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} ${d.getUTCFullYear()}`;
}

/** C's %g with 6 significant digits and a 3-digit exponent, as WinDbg (MSVC CRT) prints floats. */
export function cFloat(x: number): string {
  if (x === 0) return '0';
  if (!Number.isFinite(x)) return Number.isNaN(x) ? '-1.#IND' : x > 0 ? '1.#INF' : '-1.#INF';
  const exp = Math.floor(Math.log10(Math.abs(x)));
  if (exp < -5 || exp >= 6) {
    const [m, e] = x.toExponential(5).split('e');
    const mant = m.includes('.') ? m.replace(/0+$/, '').replace(/\.$/, '') : m;
    const en = Number(e);
    return `${mant}e${en < 0 ? '-' : '+'}${String(Math.abs(en)).padStart(3, '0')}`;
  }
  return String(Number(x.toPrecision(6)));
}

export function renderFormats(v: number): string[] {
  const u = v >>> 0;
  const bin = u.toString(2).padStart(32, '0').match(/.{8}/g)!.join(' ');
  const bytes = [24, 16, 8, 0].map((s) => (u >>> s) & 0xff);
  const chars = bytes.map((b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.')).join('');
  const f32 = new DataView(new ArrayBuffer(8));
  f32.setUint32(0, u, true);
  const low = f32.getFloat32(0, true);
  f32.setUint32(0, u, true);
  f32.setUint32(4, 0, true);
  const dbl = f32.getFloat64(0, true);
  return [
    'Evaluate expression:',
    `  Hex:     ${hex8(u)}`,
    `  Decimal: ${u | 0}`,
    `  Octal:   ${u.toString(8).padStart(11, '0')}`,
    `  Binary:  ${bin}`,
    `  Chars:   ${chars}`,
    `  Time:    ${ctime(u)}`,
    `  Float:   low ${cFloat(low)} high 0`,
    `  Double:  ${cFloat(dbl)}`,
  ];
}
