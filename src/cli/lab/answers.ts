/**
 * Is a typed answer right? Tolerant the way a trainer grading by hand is: module names without case, with or
 * without the image's extension (`shfilter`, `ShFilter.sys`), `nt` for the kernel's image names; numbers in
 * hex (`0xf64`, `f64`, `0f64h`, WinDbg's default radix) or decimal (`0n3940`, `3940`), `` ` `` and `,` ignored.
 * A bare number made only of decimal digits is right when either reading of it is.
 */
import type { Question } from './labStep';

const KERNEL_IMAGES = /^(nt|ntoskrnl|ntkrnlpa|ntkrnlmp|ntkrpamp)(\.exe)?$/;

const moduleKey = (s: string): string => {
  const t = s.trim().toLowerCase().replace(/^['"`]|['"`]$/g, '').replace(/!.*$/, '');
  return KERNEL_IMAGES.test(t) ? 'nt' : t.replace(/\.(sys|exe|dll)$/, '');
};

/** The numbers a typed token can mean (one or two readings); empty when it is not a number. */
export function readNumber(typed: string): number[] {
  const t = typed.trim().toLowerCase().replace(/[`,_]/g, '').replace(/\s*bytes?$/, '');
  let m: RegExpExecArray | null;
  if ((m = /^0x([0-9a-f]+)$/.exec(t)) || (m = /^([0-9a-f]+)h$/.exec(t))) return [parseInt(m[1], 16)];
  if ((m = /^0n([0-9]+)$/.exec(t))) return [parseInt(m[1], 10)];
  if (/^[0-9]+$/.test(t)) return [...new Set([parseInt(t, 10), parseInt(t, 16)])];
  if (/^[0-9a-f]+$/.test(t)) return [parseInt(t, 16)];
  return [];
}

export function isRightAnswer(q: Question, typed: string): boolean {
  if (q.kind === 'module') return moduleKey(typed) === moduleKey(String(q.answer));
  const want = [Number(q.answer), ...(q.alsoAccept ?? [])];
  return readNumber(typed).some((n) => want.includes(n));
}

/** The answer as the lab says it: a module name, or a number in hex with its decimal value. */
export function showAnswer(q: Question): string {
  return q.kind === 'module' ? String(q.answer) : `0x${Number(q.answer).toString(16)} (${Number(q.answer)})`;
}
