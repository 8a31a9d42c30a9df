/**
 * The dependency rule of docs/architecture.md, checked on the source: data flows one way.
 *   common ← format, symbols ← { analyzer, simulator } ← cli
 * and inside the analyzer: source → dump → memory → objects → symbols → disasm → stackwalk → analysis → expr →
 * commands → render, where render holds pure formatters that commands may call.
 */
import * as fs from 'fs';
import * as path from 'path';

const SRC = path.join(__dirname);
const TOP_ORDER: Record<string, string[]> = {
  common: [],
  format: ['common'],
  symbols: ['common', 'format'],
  analyzer: ['common', 'format', 'symbols'],
  simulator: ['common', 'format', 'symbols'],
  cli: ['common', 'format', 'symbols', 'analyzer', 'simulator'],
  bench: ['common', 'format', 'symbols', 'analyzer', 'simulator', 'cli'],
  testing: ['common', 'format', 'symbols', 'analyzer', 'simulator'],
  fuzz: ['common', 'format', 'symbols', 'analyzer', 'simulator', 'cli'],
};
const ANALYZER_LAYERS = ['source', 'dump', 'memory', 'objects', 'symbols', 'disasm', 'stackwalk', 'analysis', 'expr', 'commands', 'render'];

function* sourceFiles(dir: string): Generator<string> {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) yield* sourceFiles(p);
    else if (e.name.endsWith('.ts') && !e.name.endsWith('.d.ts')) yield p;
  }
}

const IMPORT_RE = /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)|import\(\s*['"]([^'"]+)['"]\s*\)/g;
// `import type` is erased by the compiler: a contract may name a later layer's type without a runtime dependency.
const TYPE_ONLY_RE = /^\s*(?:import|export)\s+type\s[^;]*?;/gms;

/** Runtime imports (relative) of a file, resolved to absolute paths. */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8').replace(TYPE_ONLY_RE, '');
  const out: string[] = [];
  for (const m of text.matchAll(IMPORT_RE)) {
    const spec = m[1] ?? m[2] ?? m[3];
    if (spec && spec.startsWith('.')) out.push(path.resolve(path.dirname(file), spec));
  }
  return out;
}

const areaOf = (abs: string): string[] => path.relative(SRC, abs).split(path.sep);
const isTest = (f: string) => f.endsWith('.test.ts');

describe('architecture: the layer rule', () => {
  const files = [...sourceFiles(SRC)].filter((f) => !isTest(f));

  it('has source files to check', () => {
    expect(files.length).toBeGreaterThan(5);
  });

  it('keeps top-level parts pointing one way (analyzer and simulator never import each other)', () => {
    const bad: string[] = [];
    for (const f of files) {
      const [from] = areaOf(f);
      if (!(from in TOP_ORDER)) continue;
      for (const target of importsOf(f)) {
        const [to] = areaOf(target);
        if (to === from || !(to in TOP_ORDER)) continue;
        if (!TOP_ORDER[from].includes(to)) bad.push(`${path.relative(SRC, f)} imports ${path.relative(SRC, target)}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('keeps analyzer layers in order (no file imports a later layer)', () => {
    const bad: string[] = [];
    for (const f of files) {
      const [top, layer] = areaOf(f);
      if (top !== 'analyzer') continue;
      const from = ANALYZER_LAYERS.indexOf(layer);
      for (const target of importsOf(f)) {
        const [ttop, tlayer] = areaOf(target);
        if (ttop !== 'analyzer') continue;
        const to = ANALYZER_LAYERS.indexOf(tlayer);
        const commandsUsingRender = layer === 'commands' && tlayer === 'render';
        if (to > from && !commandsUsingRender) bad.push(`${path.relative(SRC, f)} (${layer}) imports ${tlayer}: ${path.relative(SRC, target)}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('keeps test helpers out of production code', () => {
    const bad = files
      .filter((f) => areaOf(f)[0] !== 'testing')
      .filter((f) => importsOf(f).some((t) => areaOf(t)[0] === 'testing'))
      .map((f) => path.relative(SRC, f));
    expect(bad).toEqual([]);
  });
});
