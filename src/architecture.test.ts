/**
 * The dependency rule of docs/architecture.md, checked on the source: data flows one way.
 *   common ← format, symbols ← { analyzer, simulator } ← cli
 * inside the analyzer, layers from the bytes up (ANALYZER_LAYERS, contracts below them all), no production file
 * importing a later layer, not even for a type (tests may reach up: they exercise a layer through its users); no import cycles anywhere; the CLI reaches the analyzer only through its front door
 * (src/analyzer/index.ts); test doubles live in src/testing/ only.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { importCycles, importsOf, runtimeGraph, sourceFiles } from './testing/importGraph';

const SRC = path.join(__dirname);
const TOP_ORDER: Record<string, string[]> = {
  common: [],
  format: ['common'],
  symbols: ['common', 'format'],
  analyzer: ['common', 'format', 'symbols'],
  simulator: ['common', 'format', 'symbols'],
  cli: ['common', 'format', 'symbols', 'analyzer', 'simulator'],
  bench: ['common', 'format', 'symbols', 'analyzer', 'simulator', 'cli', 'testing'],
  testing: ['common', 'format', 'symbols', 'analyzer', 'simulator'],
  fuzz: ['common', 'format', 'symbols', 'analyzer', 'simulator', 'cli'],
};
/** Bytes up: each layer may import the ones before it. src/analyzer/index.ts (the front door) sits above them all. */
export const ANALYZER_LAYERS = [
  'source', 'dump', 'memory', 'objects', 'symbols', 'disasm', 'stackwalk', 'arch', 'analysis', 'expr',
  'session', 'model', 'render', 'commands',
];
const FRONT_DOOR = path.join(SRC, 'analyzer', 'index.ts');
/**
 * Contracts: interfaces that a lower layer names and a higher one implements. They sit below every layer (and
 * import nothing above themselves): the dump layer's CrashDump names the memory layer's VirtualMemory.
 */
export const ANALYZER_CONTRACTS = ['analyzer/memory/types.ts'];
/** File names that are test doubles or test data, whatever folder they would sit in. */
const TEST_ONLY_NAME = /^(fake[A-Z]?\w*|testMachine|malformedCorpus|docTables)\.ts$/;

const areaOf = (abs: string): string[] => path.relative(SRC, abs).split(path.sep);
const rel = (abs: string) => path.relative(SRC, abs);
const isTest = (f: string) => f.endsWith('.test.ts');
const layerIndex = (abs: string): number => {
  const [top, layer] = areaOf(abs);
  if (top !== 'analyzer') return -1;
  if (ANALYZER_CONTRACTS.includes(rel(abs).split(path.sep).join('/'))) return 0;
  return abs === FRONT_DOOR ? ANALYZER_LAYERS.length : ANALYZER_LAYERS.indexOf(layer);
};

describe('architecture: the layer rule', () => {
  const all = [...sourceFiles(SRC)];
  const files = all.filter((f) => !isTest(f));

  it('has source files to check', () => {
    expect(files.length).toBeGreaterThan(5);
  });

  it('keeps top-level parts pointing one way (analyzer and simulator never import each other)', () => {
    const bad: string[] = [];
    for (const f of files) {
      const [from] = areaOf(f);
      if (!(from in TOP_ORDER)) continue;
      const { runtime, typeOnly } = importsOf(f);
      for (const target of [...runtime, ...typeOnly]) {
        const [to] = areaOf(target);
        if (to === from || !(to in TOP_ORDER)) continue;
        if (!TOP_ORDER[from].includes(to)) bad.push(`${rel(f)} imports ${rel(target)}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('places every analyzer folder in a layer', () => {
    const folders = fs.readdirSync(path.join(SRC, 'analyzer'), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
    expect(folders.filter((d) => !ANALYZER_LAYERS.includes(d))).toEqual([]);
  });

  it('keeps analyzer layers in order: no file imports a later layer, at run time or for a type', () => {
    const bad: string[] = [];
    for (const f of files) {
      const from = layerIndex(f);
      if (from < 0) continue;
      const { runtime, typeOnly } = importsOf(f);
      for (const target of [...runtime, ...typeOnly]) {
        const to = layerIndex(target);
        if (to > from) bad.push(`${rel(f)} imports ${rel(target)}${typeOnly.includes(target) ? ' (type)' : ''}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('has no import cycle among source files (run-time imports)', () => {
    expect(importCycles(runtimeGraph(files)).map((c) => c.map(rel))).toEqual([]);
  });

  it('lets the CLI reach the analyzer only through src/analyzer/index.ts', () => {
    const bad: string[] = [];
    for (const f of all.filter((x) => areaOf(x)[0] === 'cli')) {
      const { runtime, typeOnly } = importsOf(f);
      for (const t of [...runtime, ...typeOnly]) if (areaOf(t)[0] === 'analyzer' && t !== FRONT_DOOR) bad.push(`${rel(f)} imports ${rel(t)}`);
    }
    expect(bad).toEqual([]);
  });

  it('keeps test helpers out of production code', () => {
    const bad = files
      .filter((f) => !['testing', 'bench'].includes(areaOf(f)[0]))
      .filter((f) => importsOf(f).runtime.some((t) => areaOf(t)[0] === 'testing'))
      .map(rel);
    expect(bad).toEqual([]);
  });

  it('keeps test doubles (Fake* classes, fake*/testMachine/malformedCorpus/docTables files) in src/testing/', () => {
    const bad = all.filter((f) => areaOf(f)[0] !== 'testing')
      .filter((f) => TEST_ONLY_NAME.test(path.basename(f)) || /^\s*export\s+(?:abstract\s+)?class\s+Fake\w*/m.test(fs.readFileSync(f, 'utf8')))
      .map(rel);
    expect(bad).toEqual([]);
  });
});

describe('architecture: the cycle detector', () => {
  it('finds a cycle in a graph, and none once it is broken', () => {
    const g = new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']]]);
    expect(importCycles(g)).toEqual([['a', 'b', 'c']]);
    g.set('c', []);
    expect(importCycles(g)).toEqual([]);
  });

  it('rejects an import cycle planted in files (type-only imports do not count)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kdsim-cycle-'));
    try {
      fs.writeFileSync(path.join(dir, 'a.ts'), "import { b } from './b';\nexport const a = () => b();\n");
      fs.writeFileSync(path.join(dir, 'b.ts'), "import { a } from './a';\nexport const b = () => a();\n");
      fs.writeFileSync(path.join(dir, 'c.ts'), "import type { D } from './d';\nexport type C = D;\n");
      fs.writeFileSync(path.join(dir, 'd.ts'), "import type { C } from './c';\nexport type D = C | number;\n");
      const files = [...sourceFiles(dir)];
      expect(importCycles(runtimeGraph(files)).map((c) => c.map((f) => path.basename(f)))).toEqual([['a.ts', 'b.ts']]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
