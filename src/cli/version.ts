/** `kdsim --version`: the version in kdsim's own package.json (the nearest one above this file, which sits at
 *  different depths in src/cli, dist/cli and the one-file bundle dist/kdsim.js). */
import { existsSync, readFileSync } from 'fs';
import { dirname, join } from 'path';

export function kdsimVersion(): string {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
    if (dirname(dir) === dir) return 'unknown';
  }
}
