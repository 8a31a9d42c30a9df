/**
 * Does a step's output hold the lines it should? The rules of the walkthrough's acceptance script
 * (shared/tools/check_walkthrough.py), in TypeScript, so that `kdsim lab --check` and that script agree:
 * lines compare with runs of whitespace collapsed; `X` equals an output line, `X...` begins one, `...X` ends
 * one, `...X...` is inside one; expected lines appear in the given order. Rules: `block` = the lines are
 * consecutive and the next line does not continue them (no 22nd line of a dd, no second frame);
 * `frames=N:A,B` = after the last stack-trace banner, exactly N lines carry a `module!symbol`, the i-th
 * containing the i-th name.
 */

export type ExpectRule = '' | 'block' | `frames=${number}:${string}`;

export const TRACE_BANNER = '*** Stack trace for last set context - .thread/.cxr resets it';

/** A line that would continue a memory dump or a stack listing. */
const MORE = /^((0030:)?[0-9a-f]{8} |([0-9a-f]+ )?[0-9a-f]{8} [0-9a-f]{8} )/;

export const norm = (s: string): string => s.replace(/\u00a0/g, ' ').replace(/\s+/g, ' ').trim();

/** One expected line against one (normalized) output line. */
export function lineMatches(want: string, line: string): boolean {
  const w = norm(want);
  const head = w.startsWith('...');
  const tail = w.endsWith('...') && w.length > 3;
  const core = w.slice(head ? 3 : 0, tail ? w.length - 3 : w.length);
  if (head && tail) return line.includes(core);
  if (head) return line.endsWith(core);
  if (tail) return line.startsWith(core);
  return line === core;
}

/** undefined when `output` holds `want` under `rule`, else what is missing or wrong (one line). */
export function checkLines(want: string[], rule: ExpectRule, output: string[]): string | undefined {
  const lines = output.map(norm);
  if (rule === 'block') {
    const n = want.length;
    for (let k = 0; k + n <= lines.length; k++) {
      if (want.every((w, j) => lineMatches(w, lines[k + j]))) {
        return k + n < lines.length && MORE.test(lines[k + n]) ? `one line too many: ${lines[k + n]}` : undefined;
      }
    }
    return `missing as one block: ${want.find((w) => !lines.some((l) => lineMatches(w, l))) ?? want[0]}`;
  }
  let i = 0;
  for (const w of want) {
    while (i < lines.length && !lineMatches(w, lines[i])) i++;
    if (i === lines.length) return `missing (in this order): ${w}`;
    i++;
  }
  const frames = /^frames=(\d+):(.*)$/.exec(rule);
  if (frames) {
    const starts = lines.flatMap((l, k) => (lineMatches(TRACE_BANNER, l) ? [k] : []));
    const after = starts.length ? lines.slice(starts[starts.length - 1] + 1).filter((l) => l.includes('!')) : [];
    const names = frames[2].split(',');
    if (after.length !== Number(frames[1]) || names.some((nm, k) => !after[k]?.includes(nm))) {
      return `frames after the trace banner: ${after.length ? after.join(' | ') : 'none'}, want ${names.join(' then ')}`;
    }
  }
  return undefined;
}

/** The first output line an expected line matches (for "notice" confirmations), or undefined. */
export function findLine(want: string, output: string[]): string | undefined {
  return output.find((l) => lineMatches(want, norm(l)));
}
