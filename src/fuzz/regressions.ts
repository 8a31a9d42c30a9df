/**
 * Every crash or hang the fuzz campaign (or issue 13's hand-made campaign) found, as a named case: the target
 * and the input, replayed by fuzz.smoke.test.ts, each bounded by HANG_MS. Add a case here for each finding.
 */
export type RegressionCase =
  | { name: string; target: 'expr' | 'command-line'; input: string }
  | { name: string; target: 'dump'; input: { patches: { offset: number; value: number; width: 1 | 4 }[]; commands: string[] } };

const stars = (n: number) => '*'.repeat(n);

export const REGRESSIONS: RegressionCase[] = [
  // Found by `npm run fuzz` (this branch): wildcards became `.*` regexes that backtrack exponentially.
  { name: 'x with a run of 80 stars (regex backtracking)', target: 'command-line', input: `x nt!${stars(80)}_KTHREADX` },
  { name: 'dt type wildcard with 18 stars', target: 'command-line', input: `dt nt!${stars(18)}_KTHR.EAD` },
  { name: 'dt field wildcard with 900 stars', target: 'command-line', input: `dt nt!_KPCR ff${stars(900)}dff000` },
  { name: 'x with alternating stars', target: 'command-line', input: `x *${'a*'.repeat(40)}b` },
  // Issue 13 (hand-made campaign): JS stack overflow in the parser / evaluator.
  { name: '820 nested parentheses', target: 'expr', input: `${'('.repeat(820)}1${')'.repeat(820)}` },
  { name: '1,400 nested poi(', target: 'expr', input: `${'poi('.repeat(1400)}1${')'.repeat(1400)}` },
  { name: '20,000-term sum', target: 'expr', input: Array(20000).fill('1').join('+') },
  { name: '20,000 unary minus', target: 'expr', input: `${'-'.repeat(20000)}1` },
  // Issue 13: unbounded ranges and superlinear ub.
  { name: 'dd 0 L?FFFFFFFF', target: 'command-line', input: 'dd 0 L?FFFFFFFF' },
  { name: 'db f7737000 L?10000000', target: 'command-line', input: 'db f7737000 L?10000000' },
  { name: 'dd 0 L?-1', target: 'command-line', input: 'dd 0 L?-1' },
  { name: 'dq 0 L?FFFFFFFF', target: 'command-line', input: 'dq 0 L?FFFFFFFF' },
  { name: 'dds esp L?1000000', target: 'command-line', input: 'dds esp L?1000000' },
  { name: 'dd ffffff00 L-100000', target: 'command-line', input: 'dd ffffff00 L-100000' },
  { name: 'ub eip L100000', target: 'command-line', input: 'ub eip L100000' },
  // `npm run fuzz -- --target dump --seed 7`: 1,279 ms once under load; 30-130 ms when replayed alone (kept as a
  // case: damaged CONTEXT and exception fields, then !idt, lm, u eip).
  {
    name: 'header CONTEXT/exception damage, then !idt; lm; u eip',
    target: 'dump',
    input: { patches: [{ offset: 0xda4, value: 0xfffffffe, width: 4 }, { offset: 0xd4, value: 0x8000, width: 1 }, { offset: 0x35c, value: 0xbf5aa09b, width: 4 }], commands: ['!idt', 'lm', 'u eip'] },
  },
  // Issue 13's hostile dumps, as dump-target inputs (patches by file offset).
  { name: 'NumberProcessors 0xffffffff', target: 'dump', input: { patches: [{ offset: 0x24, value: 0xffffffff, width: 4 }], commands: ['r', '!analyze -v'] } },
  { name: 'idle thread StackLimit 0x56: .tss 0x28; kv; !stackusage', target: 'dump', input: { patches: [{ offset: 0x98276c, value: 0x56, width: 4 }], commands: ['.tss 0x28', 'kv', '!stackusage'] } },
];
