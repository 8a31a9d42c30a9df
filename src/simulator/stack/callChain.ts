/**
 * Chooses the call path of the overflowing thread: from the fixed entry (the I/O manager calling the top
 * device) through the product's call graph to the fixed tail (… → ShScanBuffer → ShLockUserBuffer →
 * nt!MmProbeAndLockPages), such that MmProbeAndLockPages' ESP ends exactly at the target (the blog's b8ae6058
 * for the default seed). The seeded search decides the path; ShScanBuffer's _alloca takes the last few bytes.
 */
import type { FnDef } from '../code/frameFunction';
import type { SeededRandom } from '../rng';
import { evalFrame, type Regs } from './frameModel';

export interface ChainStep { fn: string; call?: number }

export interface ChainRequest {
  functions: Map<string, FnDef>;
  /** Fixed outer steps (each with its call index), ending in a call whose callee is `firstCallee`. */
  head: ChainStep[];
  firstCallee: string;
  /** Entry ESP of the first head step. */
  headEntry: number;
  /** The node from which the tail starts, and the tail's steps after it (its call index into the tail first). */
  tailEntry: string;
  tailCall: number;
  tail: ChainStep[];
  allocaFunction: string;
  /** ESP of the innermost function's body (the first page fault's ESP). */
  targetEsp: number;
  allocaRange: [number, number];
  /**
   * Module that must have used the most stack bytes (the scenario's culprit). Undefined: any driver may lead (the
   * _alloca's bytes counted), but it must lead alone, so the truth names one culprit without a tie.
   */
  culprit?: string;
  rng: SeededRandom;
}

const ZERO: Regs = { ebx: 0, ebp: 0, esi: 0, edi: 0, ecx: 0, edx: 0 };
const key = (s: ChainStep): string => `${s.fn}#${s.call ?? -1}`;
const moduleOf = (fn: string): string => fn.split('!')[0];

/** Bytes one step puts between its entry ESP and its callee's (no _alloca). */
function depthOf(fns: Map<string, FnDef>, step: ChainStep, cache: Map<string, number>): number {
  const k = key(step);
  let d = cache.get(k);
  if (d === undefined) {
    const def = fns.get(step.fn)!;
    const e = evalFrame({
      def, entry: 0x80000000, args: [], regs: ZERO, call: step.call, returnAddress: () => 0, allocaBytes: 0,
      seh: { scopeTable: 0, handler: 0, exceptionList: 0, prologReturn: 0 },
    });
    d = step.call === undefined ? 0x80000000 - e.bodyEsp : 0x80000000 - e.calleeEntry!;
    cache.set(k, d);
  }
  return d;
}

export interface ChosenChain { steps: ChainStep[]; allocaBytes: number }

export function chooseChain(req: ChainRequest): ChosenChain {
  const cache = new Map<string, number>();
  const depth = (s: ChainStep): number => depthOf(req.functions, s, cache);
  const tailSteps: ChainStep[] = [{ fn: req.tailEntry, call: req.tailCall }, ...req.tail];
  const tailDepth = tailSteps.reduce((n, s) => n + depth(s), 0);
  let entry = req.headEntry;
  for (const s of req.head) entry -= depth(s);
  const budget = entry - req.targetEsp;
  let iterations = 0;

  const moduleBytes = (steps: ChainStep[]): Map<string, number> => {
    const m = new Map<string, number>();
    for (const s of steps) m.set(moduleOf(s.fn), (m.get(moduleOf(s.fn)) ?? 0) + depth(s));
    return m;
  };
  const culpritLeads = (steps: ChainStep[], slack: number): boolean => {
    const m = moduleBytes(steps);
    if (req.culprit === undefined) {
      const a = moduleOf(req.allocaFunction);
      m.set(a, (m.get(a) ?? 0) + slack);
      const sorted = [...m.values()].sort((x, y) => y - x);
      const leader = [...m].find(([, b]) => b === sorted[0])![0];
      return leader !== 'nt' && (sorted.length < 2 || sorted[0] > sorted[1]);
    }
    const mine = m.get(req.culprit) ?? 0;
    return [...m].every(([mod, b]) => mod === req.culprit || b < mine);
  };

  const dfs = (node: string, used: number, path: ChainStep[]): ChosenChain | undefined => {
    if (++iterations > 200000) return undefined;
    if (node === req.tailEntry) {
      const slack = budget - used - tailDepth;
      if (slack >= req.allocaRange[0] && slack <= req.allocaRange[1] && slack % 4 === 0) {
        const steps = [...req.head, ...path, ...tailSteps];
        if (culpritLeads(steps, slack)) return { steps, allocaBytes: slack };
      }
    }
    if (used + tailDepth > budget) return undefined;
    const def = req.functions.get(node)!;
    const calls = def.calls.map((c, i) => ({ c, i })).filter(({ i }) => !(node === req.tailEntry && i === req.tailCall));
    for (const { c, i } of req.rng.shuffled(calls)) {
      const step = { fn: node, call: i };
      let next = c.target;
      const extra: ChainStep[] = [];
      if (c.dispatchTo) {
        extra.push({ fn: c.target, call: 0 });
        next = c.dispatchTo;
      }
      const stepBytes = depth(step) + extra.reduce((n, s) => n + depth(s), 0);
      if (!req.functions.has(next)) continue;
      const found = dfs(next, used + stepBytes, [...path, step, ...extra]);
      if (found) return found;
    }
    return undefined;
  };

  const chain = dfs(req.firstCallee, 0, []);
  if (!chain) throw new Error(`no call path fills ${budget.toString(16)} bytes of stack (seed search exhausted)`);
  return chain;
}
