/**
 * The source tree as an import graph, for architecture.test.ts: which files a file imports (relative specifiers
 * resolved to absolute .ts paths), split into run-time and type-only (`import type`, erased by the compiler),
 * and the import cycles of a graph (Tarjan's strongly connected components).
 */
import * as fs from 'fs';
import * as path from 'path';

export function* sourceFiles(dir: string): Generator<string> {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) yield* sourceFiles(p);
    else if (e.name.endsWith('.ts') && !e.name.endsWith('.d.ts')) yield p;
  }
}

const IMPORT_RE = /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)|import\(\s*['"]([^'"]+)['"]\s*\)/g;
const TYPE_ONLY_RE = /^\s*(?:import|export)\s+type\s[^;]*?;/gms;
/** `import { a, type B }` where every name is a type also erases to nothing. */
const ALL_TYPES_RE = /^\s*import\s+\{([^}]*)\}\s+from\s+['"][^'"]+['"]\s*;/gm;

function resolve(from: string, spec: string): string | undefined {
  const base = path.resolve(path.dirname(from), spec);
  for (const c of [`${base}.ts`, path.join(base, 'index.ts'), base]) if (c.endsWith('.ts') && fs.existsSync(c)) return c;
  return undefined;
}

function specs(text: string, from: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(IMPORT_RE)) {
    const spec = m[1] ?? m[2] ?? m[3];
    const target = spec && spec.startsWith('.') ? resolve(from, spec) : undefined;
    if (target) out.push(target);
  }
  return out;
}

export interface FileImports { runtime: string[]; typeOnly: string[] }

/** Relative imports of a file: those that exist at run time, and those the compiler erases. */
export function importsOf(file: string): FileImports {
  const text = fs.readFileSync(file, 'utf8');
  const erased = [...text.matchAll(TYPE_ONLY_RE)].map((m) => m[0])
    .concat([...text.matchAll(ALL_TYPES_RE)].filter((m) => m[1].split(',').every((n) => !n.trim() || /^type\s/.test(n.trim()))).map((m) => m[0]));
  let runtimeText = text;
  for (const e of erased) runtimeText = runtimeText.replace(e, '');
  return { runtime: specs(runtimeText, file), typeOnly: specs(erased.join('\n'), file) };
}

/** Every cycle of a directed graph, as its strongly connected components of more than one node (or a self-loop). */
export function importCycles(graph: Map<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) { visit(w); low.set(v, Math.min(low.get(v)!, low.get(w)!)); }
      else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const scc: string[] = [];
      let w: string;
      do { w = stack.pop()!; onStack.delete(w); scc.push(w); } while (w !== v);
      if (scc.length > 1 || (graph.get(v) ?? []).includes(v)) out.push(scc.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return out;
}

/** The run-time import graph of `files`. */
export function runtimeGraph(files: string[]): Map<string, string[]> {
  return new Map(files.map((f) => [f, importsOf(f).runtime]));
}
