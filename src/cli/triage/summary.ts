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

export interface BucketGroup {
  /** The FAILURE_BUCKET_ID, or '(no bucket)' / '(not opened)'. */
  bucket: string;
  dumpCount: number;
  /** The culprits the bucket's dumps blame, most first: a bucket split across drivers shows it. */
  culprits: string[];
  files: string[];
}

export const NO_BUCKET = '(no bucket)';

/** Groups by FAILURE_BUCKET_ID, most dumps first (ties by name); the two special groups come last. */
export function groupByBucket(rows: TriageRow[]): BucketGroup[] {
  const groups = new Map<string, BucketGroup & { counts: Map<string, number> }>();
  for (const r of rows) {
    const key = r.error ? NOT_OPENED : r.bucket ?? NO_BUCKET;
    const g = groups.get(key) ?? { bucket: key, dumpCount: 0, culprits: [], files: [], counts: new Map<string, number>() };
    g.dumpCount++;
    g.files.push(r.file);
    if (!r.error) {
      const c = r.culprit?.imageName ?? NO_CULPRIT;
      g.counts.set(c, (g.counts.get(c) ?? 0) + 1);
    }
    groups.set(key, g);
  }
  const special = (b: string) => (b === NO_BUCKET ? 1 : b === NOT_OPENED ? 2 : 0);
  return [...groups.values()]
    .sort((a, b) => special(a.bucket) - special(b.bucket) || b.dumpCount - a.dumpCount || a.bucket.localeCompare(b.bucket))
    .map(({ counts, ...g }) => ({
      ...g,
      culprits: [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([c]) => c),
    }));
}
