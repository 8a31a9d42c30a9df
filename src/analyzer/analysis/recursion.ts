/**
 * Recursion and re-entrancy on a rebuilt stack (issue 10, item 5): a function that appears more than once, and
 * a pair of driver modules that call back and forth through the I/O manager (StackHog → IofCallDriver →
 * ShFilter → IofCallDriver → StackHog …): on the blog's dump that is the diagnosis, an IRP bouncing between a
 * driver and its filter. Works on module names alone, so it holds without symbols (functions are then named
 * by their module offset's frame and not counted as repeats).
 */
export interface RecursionFrame { symbol: string; module?: string }

export interface RepeatedFunction { name: string; count: number }
/** crossings: module changes between the two; rounds: how many times each went on to the other (the fewer runs). */
export interface ModuleBounce { modules: [string, string]; crossings: number; rounds: number; via?: string }
export interface Recursion { functions: RepeatedFunction[]; bounces: ModuleBounce[] }

const KERNEL = new Set(['nt', 'hal']);
/** `StackHog!ShProcessRequest+0x2a` → `StackHog!ShProcessRequest`; `StackHog+0x10e2` has no function name. */
const functionOf = (symbol: string): string | undefined => (symbol.includes('!') ? symbol.replace(/\+0x[0-9a-f]+$/, '') : undefined);

/** Frames innermost first, as STACK_TEXT lists them. */
export function findRecursion(frames: RecursionFrame[]): Recursion {
  const counts = new Map<string, number>();
  for (const f of frames) {
    const fn = functionOf(f.symbol);
    if (fn) counts.set(fn, (counts.get(fn) ?? 0) + 1);
  }
  const functions = [...counts].filter(([, n]) => n > 1).map(([name, count]) => ({ name, count }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));

  // Driver module runs, outermost first, with the kernel functions between consecutive runs.
  const runs: { module: string; via: string[] }[] = [];
  let between: string[] = [];
  for (const f of [...frames].reverse()) {
    if (!f.module) continue;
    if (KERNEL.has(f.module)) { between.push(functionOf(f.symbol) ?? f.module); continue; }
    const last = runs[runs.length - 1];
    if (last && last.module === f.module) { between = []; continue; }
    runs.push({ module: f.module, via: between });
    between = [];
  }
  const pairs = new Map<string, { modules: [string, string]; crossings: number; vias: Map<string, number> }>();
  for (let i = 1; i < runs.length; i++) {
    const [a, b] = [runs[i - 1].module, runs[i].module].sort();
    const key = `${a}|${b}`;
    const p = pairs.get(key) ?? { modules: [a, b] as [string, string], crossings: 0, vias: new Map<string, number>() };
    p.crossings++;
    for (const v of runs[i].via) p.vias.set(v, (p.vias.get(v) ?? 0) + 1);
    pairs.set(key, p);
  }
  // A pair crossed once is an ordinary call; back and forth is at least there and back again.
  const bounces = [...pairs.values()].filter((p) => p.crossings >= 2 && returnsTo(runs, p.modules)).map((p) => {
    const via = [...p.vias].sort((x, y) => y[1] - x[1])[0]?.[0];
    const runsOf = (m: string) => runs.filter((r) => r.module === m).length;
    const rounds = Math.min(runsOf(p.modules[0]), runsOf(p.modules[1]));
    return { modules: p.modules, crossings: p.crossings, rounds, ...(via ? { via } : {}) };
  }).sort((a, b) => b.rounds - a.rounds || b.crossings - a.crossings);
  return { functions, bounces };
}

/** True when the sequence goes A → B → A (or B → A → B) at least once: a call back, not two calls down. */
function returnsTo(runs: { module: string }[], [a, b]: [string, string]): boolean {
  for (let i = 2; i < runs.length; i++) {
    const t = [runs[i - 2].module, runs[i - 1].module, runs[i].module];
    if ((t[0] === a && t[1] === b && t[2] === a) || (t[0] === b && t[1] === a && t[2] === b)) return true;
  }
  return false;
}

export function recursionLines(r: Recursion): string[] {
  const out: string[] = [];
  for (const b of r.bounces) {
    out.push(`[kdsim] Re-entrancy: ${b.modules[0]} and ${b.modules[1]} call each other back and forth ${b.rounds} times${b.via ? ` through ${b.via}` : ''} (${b.crossings} crossings): one request bouncing between them.`);
  }
  if (r.functions.length) {
    out.push(`[kdsim] Recursion: ${r.functions.slice(0, 5).map((f) => `${f.name} x${f.count}`).join(', ')}.`);
  }
  return out;
}
