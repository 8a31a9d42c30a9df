/**
 * WinDbg wildcards (`*` any run, `?` one character), case-insensitive, whole name — matched by the classic
 * two-pointer glob algorithm, which is O(name × pattern) at worst. A RegExp built from the pattern (`.*` per
 * `*`) backtracks exponentially on `x nt!*****…` (found by the fuzz campaign: one command ran for minutes).
 */
export interface WildcardPattern { test(name: string): boolean }

export function wildcardPattern(pattern: string): WildcardPattern {
  const p = pattern.toLowerCase().replace(/\*+/g, '*');
  return { test: (name: string) => globMatch(p, name.toLowerCase()) };
}

function globMatch(p: string, s: string): boolean {
  let i = 0; let j = 0;
  let star = -1; let mark = 0;
  while (j < s.length) {
    if (i < p.length && (p[i] === '?' || p[i] === s[j])) { i++; j++; } else if (i < p.length && p[i] === '*') { star = i++; mark = j; } else if (star >= 0) { i = star + 1; j = ++mark; } else return false;
  }
  while (i < p.length && p[i] === '*') i++;
  return i === p.length;
}
