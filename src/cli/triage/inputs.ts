/**
 * What `kdsim triage` was given, as a list of dump files: a file as is, a directory as the `*.dmp` files
 * directly in it, a glob (`*`, `?`, `[...]`, `**`; quoted so the shell left it alone) as the files it
 * matches. Each argument's files come sorted, arguments in their order, a file named twice only once.
 * An argument that names nothing is kept as an entry with its problem, so it becomes an error row.
 */
import * as fs from 'fs';
import * as path from 'path';

export interface TriageInput {
  /** Path to open. */
  path: string;
  /** The file as the row shows it: the path as typed or found under the typed directory/glob. */
  label: string;
  /** Why this argument gave no dump (it becomes an error row). */
  problem?: string;
}

const GLOB_CHARS = /[*?[]/;

export function expandInputs(args: string[]): TriageInput[] {
  const out: TriageInput[] = [];
  const seen = new Set<string>();
  const add = (p: string) => {
    const key = path.resolve(p);
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ path: p, label: p });
  };
  for (const arg of args) {
    if (isDirectory(arg)) {
      const files = fs.readdirSync(arg).filter((f) => /\.dmp$/i.test(f)).sort();
      if (!files.length) out.push({ path: arg, label: arg, problem: `kdsim: ${arg}: no .dmp file in this directory` });
      for (const f of files) add(path.join(arg, f));
    } else if (GLOB_CHARS.test(arg) && !fs.existsSync(arg)) {
      const files = globFiles(arg);
      if (!files.length) out.push({ path: arg, label: arg, problem: `kdsim: ${arg}: no file matches` });
      for (const f of files) add(f);
    } else {
      add(arg); // a missing or unreadable file: opening it gives the dump layer's own one-line error
    }
  }
  return out;
}

function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** A glob segment as an anchored regular expression (`*` and `?` never cross a `/`). */
export function segmentRegExp(segment: string): RegExp {
  let re = '';
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i];
    if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const end = segment.indexOf(']', i + 1);
      if (end < 0) { re += '\\['; continue; }
      const body = segment.slice(i + 1, end).replace(/^!/, '^').replace(/\\/g, '\\\\');
      re += `[${body}]`;
      i = end;
    } else re += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/** Files matching a glob, sorted; the part before the first wildcard segment is the directory to start from. */
export function globFiles(pattern: string): string[] {
  const parts = pattern.split(/[\\/]+/);
  const first = parts.findIndex((p) => GLOB_CHARS.test(p));
  const rootParts = parts.slice(0, first);
  const root = rootParts.length ? rootParts.join('/') || '/' : '.';
  const found: string[] = [];
  walk(root, parts.slice(first), rootParts.length ? root : '', found);
  return [...new Set(found)].sort();
}

function walk(dir: string, rest: string[], shown: string, found: string[]): void {
  const [seg, ...tail] = rest;
  const join = (name: string) => (shown ? (shown.endsWith('/') ? `${shown}${name}` : `${shown}/${name}`) : name);
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  if (seg === '**') {
    walk(dir, tail, shown, found); // `**` may match no directory at all
    for (const e of entries) if (e.isDirectory()) walk(path.join(dir, e.name), rest, join(e.name), found);
    return;
  }
  const re = segmentRegExp(seg);
  for (const e of entries) {
    if (!re.test(e.name) || (e.name.startsWith('.') && !seg.startsWith('.'))) continue;
    const full = path.join(dir, e.name);
    if (tail.length === 0) {
      if (e.isFile() || (e.isSymbolicLink() && !isDirectory(full))) found.push(join(e.name));
    } else if (e.isDirectory() || (e.isSymbolicLink() && isDirectory(full))) {
      walk(full, tail, join(e.name), found);
    }
  }
}
