/**
 * Golden transcripts: compare output line for line with a checked-in file. On a mismatch the actual text is
 * written beside it as `<name>.actual` and the test fails with the first differing line; `UPDATE_GOLDENS=1`
 * rewrites the golden instead (review the diff before committing). Volatile values (paths, the host's time
 * zone) are sanitized first, with the same rules for both sides.
 */
import * as fs from 'fs';
import * as path from 'path';

export interface Sanitizer { pattern: RegExp; replacement: string }

/** Host-dependent text in kdsim's output: the dump path in the banner, the debug-session time zone. */
export const DEFAULT_SANITIZERS: Sanitizer[] = [
  { pattern: /^Loading Dump File \[.*\]$/gm, replacement: 'Loading Dump File [<dump>]' },
  { pattern: /\(GMT[+-]\d+(?::\d\d)?\)$/gm, replacement: '(GMT<zone>)' },
];

export function sanitize(text: string, rules: Sanitizer[] = DEFAULT_SANITIZERS): string {
  return rules.reduce((t, r) => t.replace(r.pattern, r.replacement), text.replace(/\r\n/g, '\n'));
}

export interface GoldenResult { ok: boolean; message: string }

/** Compares `actual` with the golden file; writes `.actual` on mismatch, or the golden under UPDATE_GOLDENS=1. */
export function compareGolden(goldenPath: string, actual: string, rules: Sanitizer[] = DEFAULT_SANITIZERS): GoldenResult {
  const got = sanitize(actual, rules);
  const actualPath = `${goldenPath}.actual`;
  if (process.env.UPDATE_GOLDENS === '1') {
    fs.mkdirSync(path.dirname(goldenPath), { recursive: true });
    fs.writeFileSync(goldenPath, got);
    if (fs.existsSync(actualPath)) fs.unlinkSync(actualPath);
    return { ok: true, message: `updated ${goldenPath}` };
  }
  if (!fs.existsSync(goldenPath)) {
    fs.writeFileSync(actualPath, got);
    return { ok: false, message: `no golden ${goldenPath}; wrote ${actualPath} (run with UPDATE_GOLDENS=1 to accept it)` };
  }
  const want = sanitize(fs.readFileSync(goldenPath, 'utf8'), rules);
  if (want === got) {
    if (fs.existsSync(actualPath)) fs.unlinkSync(actualPath);
    return { ok: true, message: 'matches' };
  }
  fs.writeFileSync(actualPath, got);
  const w = want.split('\n');
  const g = got.split('\n');
  let i = 0;
  while (i < w.length && i < g.length && w[i] === g[i]) i++;
  return {
    ok: false,
    message: `${path.basename(goldenPath)} differs at line ${i + 1}:\n  golden: ${JSON.stringify(w[i] ?? '<end>')}\n  actual: ${JSON.stringify(g[i] ?? '<end>')}\nfull output in ${actualPath}`,
  };
}

/** Jest form: fails the test with the first difference. */
export function expectGolden(goldenPath: string, actual: string, rules?: Sanitizer[]): void {
  const r = compareGolden(goldenPath, actual, rules);
  if (!r.ok) throw new Error(r.message);
}
