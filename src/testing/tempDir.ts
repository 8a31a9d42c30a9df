/**
 * Temporary directories for tests that are removed when the test file is done: importing this module registers
 * one afterAll in the importing file, so `tempDir()` may be called anywhere, inside tests and helpers included.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const made: string[] = [];

afterAll(() => {
  for (const d of made.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** A fresh directory `kdsim-<prefix>-XXXXXX` under the system temp folder, deleted after this file's tests. */
export function tempDir(prefix: string): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), `kdsim-${prefix}-`));
  made.push(d);
  return d;
}
