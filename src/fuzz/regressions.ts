/**
 * Every crash or hang the fuzz campaign (or issue 13's hand-made campaign) found, as a named case: the target
 * and the input, replayed by fuzz.smoke.test.ts, each bounded by HANG_MS. Add a case here for each finding.
 */
export interface RegressionCase { name: string; target: 'expr' | 'command-line'; input: string }

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
];
