/**
 * The triage summary: how many dumps blame each module. Dumps with no culprit and dumps that could not be
 * opened are counted on their own lines, so the counts add up to the number of rows.
 */
import type { TriageRow } from './triageModel';

export interface CulpritGroup {
  /** The culprit's image ('StackHog.sys'), or '(no culprit)' / '(not opened)'. */
  culprit: string;
  dumpCount: number;
  /** Of those, how many were kernel stack overflows. */
  overflowCount: number;
  files: string[];
}

export const NO_CULPRIT = '(no culprit)';
export const NOT_OPENED = '(not opened)';

/** Groups by culprit image, most dumps first (ties by name); the two special groups come last. */
export function groupByCulprit(rows: TriageRow[]): CulpritGroup[] {
  const groups = new Map<string, CulpritGroup>();
  for (const r of rows) {
    const key = r.error ? NOT_OPENED : r.culprit?.imageName ?? NO_CULPRIT;
    const g = groups.get(key) ?? { culprit: key, dumpCount: 0, overflowCount: 0, files: [] };
    g.dumpCount++;
    if (r.verdict === 'kernel stack overflow') g.overflowCount++;
    g.files.push(r.file);
    groups.set(key, g);
  }
  const special = (c: string) => (c === NO_CULPRIT ? 1 : c === NOT_OPENED ? 2 : 0);
  return [...groups.values()].sort((a, b) =>
    special(a.culprit) - special(b.culprit) || b.dumpCount - a.dumpCount || a.culprit.localeCompare(b.culprit));
}
