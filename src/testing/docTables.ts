import { existsSync, readFileSync } from 'fs';
import { dirname, join, resolve } from 'path';

/** The repo root (the directory holding package.json), found upwards from `from` (works from src/ and dist/). */
export function repoRoot(from: string = __dirname): string {
  let dir = resolve(from);
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`no package.json above ${from}`);
    dir = up;
  }
  return dir;
}

/** Text of a shared reference document (`<repo root>/../shared/reference/<name>`), or undefined when absent. */
export function readReferenceDoc(name: string): string | undefined {
  const path = join(repoRoot(), '..', 'shared', 'reference', name);
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}

export interface DocTableRow { offset: number; size?: number; type: string; field: string }
export interface DocStructTable { name: string; size: number; rows: DocTableRow[] }

/**
 * Every `| Offset | Size | Type | Field |` table of dump-format.md that a `*sizeof(_X) = 0x..*` line closes,
 * as an independent oracle for the ISF layouts.
 */
export function parseSizeofTables(markdown: string): DocStructTable[] {
  const out: DocStructTable[] = [];
  let rows: DocTableRow[] = [];
  for (const line of markdown.split('\n')) {
    const row = line.match(/^\|\s*\+0x([0-9a-f]+)\s*\|\s*0x([0-9a-f]+)\s*\|\s*([^|]+?)\s*\|\s*(\w+)\s*\|/i);
    if (row) {
      rows.push({ offset: parseInt(row[1], 16), size: parseInt(row[2], 16), type: row[3], field: row[4] });
      continue;
    }
    const size = line.match(/^\*sizeof\((\w+)\) = 0x([0-9a-f]+)\*/i);
    if (size) {
      out.push({ name: size[1], size: parseInt(size[2], 16), rows });
      rows = [];
    } else if (line.trim() && !line.startsWith('|')) {
      rows = rows.length && line.startsWith('*') ? rows : [];
    }
  }
  return out;
}
