/**
 * The standing fuzz campaign's bounded smoke run (the long run is `npm run fuzz -- --long`, docs/fuzzing.md):
 * every named regression replays within HANG_MS, and a short seeded campaign over all five targets finds no
 * crash and no hang.
 */
import { openSession } from '../analyzer/session/debugSession';
import { HANG_MS, runCampaign } from './campaign';
import { REGRESSIONS } from './regressions';
import { dumpTarget, exprTarget, FIXTURE, lineTarget } from './targets';

/** Seconds of campaign in `npm test` (KDSIM_FUZZ_SMOKE_SECONDS overrides). */
const SMOKE_SECONDS = Number(process.env.KDSIM_FUZZ_SMOKE_SECONDS ?? 15);

describe('fuzz regressions (named cases)', () => {
  const session = openSession(FIXTURE);
  const dump = dumpTarget();
  afterAll(() => { session.dump.close(); dump.close(); });
  const targets = { expr: exprTarget(() => session), 'command-line': lineTarget(() => session), dump };
  for (const c of REGRESSIONS) {
    it(`${c.name}: clean, under ${HANG_MS} ms`, async () => {
      const t0 = Date.now();
      await targets[c.target].run(c.input);
      // ts-jest runs slower than the built code (and `!analyze -v` loads the disassembler once): a wider bar here,
      // the bar itself in `npm run fuzz`.
      expect(Date.now() - t0).toBeLessThan((c.target === 'dump' ? 4 : 2) * HANG_MS);
    });
  }
});

describe('fuzz smoke campaign', () => {
  it(`${SMOKE_SECONDS} s over dump, expr, command-line, isf and simulate-args: no crash, no hang`, async () => {
    const r = await runCampaign({ seed: 13, seconds: SMOKE_SECONDS });
    const findings = r.findings.map((f) => `${f.kind} in ${f.target}: ${f.detail} — ${f.input.slice(0, 300)}`);
    expect(findings).toEqual([]);
    expect(Object.values(r.targets).every((t) => t.inputs > 0)).toBe(true);
    expect(r.inputs).toBeGreaterThan(1000);
  }, (SMOKE_SECONDS + 60) * 1000);
});
