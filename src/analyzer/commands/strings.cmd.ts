/**
 * da / du: ASCII and UTF-16 strings, 48 characters per line, up to the NUL or the L count (default 0x100
 * characters). Unreadable memory at the start prints `????????`; a gap later ends the string.
 */
import type { CommandSpec } from './types';
import type { SessionApi } from '../session/types';
import { renderStrings, type StringModel } from '../render/memory';
import { parseDisplayRange, rememberNext } from './memory/rangeArgs';

const PER_LINE = 48;
const DEFAULT_CHARS = 0x100;

function displayString(session: SessionApi, args: string, kind: 'da' | 'du'): StringModel {
  const width = kind === 'da' ? 1 : 2;
  const range = parseDisplayRange(session, args, width, DEFAULT_CHARS);
  const rows: StringModel['rows'] = [];
  let chars = 0;
  let ended = false;
  while (!ended && chars < range.count) {
    const delta = chars * width;
    const address = (range.start + delta) >>> 0;
    const segment = range.segment && { selector: range.segment.selector, offset: (range.segment.offset + delta) >>> 0 };
    let text = '';
    for (let i = 0; i < PER_LINE && chars < range.count; i++) {
      const a = (address + i * width) >>> 0;
      const c = width === 1 ? session.vm.readU8(a) : session.vm.readU16(a);
      if (c === null) { ended = true; if (i === 0) text = '\u0000unreadable'; break; }
      if (c === 0) { ended = true; break; }
      text += c >= 0x20 && c < 0x7f ? String.fromCharCode(c) : width === 2 && c >= 0x80 ? String.fromCharCode(c) : '.';
      chars++;
    }
    rows.push({ address, ...(segment ? { segment } : {}), text: text === '\u0000unreadable' ? null : text });
    if (text === '\u0000unreadable') break;
  }
  rememberNext(session, range, chars * width);
  return { kind, rows };
}

export const commands: CommandSpec[] = (['da', 'du'] as const).map((name) => ({
  name,
  summary: `${name} [address] [L<count>] — display an ${name === 'da' ? 'ASCII' : 'Unicode'} string`,
  run(session: SessionApi, args: string) {
    const model = displayString(session, args, name);
    return { model, lines: renderStrings(model) };
  },
}));
