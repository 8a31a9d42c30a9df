/**
 * Property over the overflow scenarios (recursion, filter-pileup, large-locals, fpo-chain) and their seeds: the
 * reconstruction (`!stackusage --json`) equals the simulator's ground truth frame by frame (childEbp, retAddr,
 * symbol, frameBytes, kind, and the trust of each caller), per-module bytes and regions are exact, no planted stale
 * return address becomes a frame, and `!analyze -v` blames the truth's culprit image. Dumps: 16 MiB, sparse, temp.
 */
import fc from 'fast-check';
import * as path from 'path';
import { analysis, openDump } from '..';
import { simulate } from '../../simulator/simulate';
import { CALLER_TRUST, frameFields, returnSlots, stackUsageOf, type GroundTruth } from '../../testing/groundTruthCompare';
import { tempDir } from '../../testing/tempDir';

const RUNS = 6;
const OVERFLOW_SCENARIOS = ['recursion', 'filter-pileup', 'large-locals', 'fpo-chain'];

describe.each(OVERFLOW_SCENARIOS)('%s: reconstruction and blame against the ground truth, over seeds', (scenario) => {
  it('rebuilds the true chain frame by frame and blames the truth\'s culprit', async () => {
    const dir = tempDir(`scn-${scenario}`);
    let frames = 0;
    await fc.assert(fc.asyncProperty(fc.integer({ min: 0, max: 0xffffffff }), async (seed) => {
      const dump = path.join(dir, `s${seed}.dmp`);
      const { truth: raw } = await simulate({ scenario, output: dump, seed, ramBytes: 16 << 20, force: true });
      const truth = raw as unknown as GroundTruth & { culprit: { image: string } };
      const got = await stackUsageOf(dump);
      expect(got.frames.map(frameFields)).toEqual(truth.frames.map(frameFields));
      expect(got.frames.map((f) => f.kind)).toEqual(truth.frames.map((f) => f.kind));
      expect(got.frames.slice(1).map((f) => f.trust)).toEqual(truth.frames.slice(0, -1).map((f) => CALLER_TRUST[f.kind]));
      expect(got.modules.map(({ module, bytes }) => ({ module, bytes }))).toEqual(truth.modules);
      expect(got.regions).toEqual(truth.regions);
      expect(got.kCommand).toBe(truth.firstFault.kCommand);
      const slots = returnSlots(got.frames);
      expect(truth.staleReturnAddresses.filter((s) => slots.has(s.at))).toEqual([]);
      const session = openDump(dump);
      try {
        const a = await analysis(session);
        expect(a.blame?.imageName).toBe(truth.culprit.image);
      } finally {
        session.dump.close();
      }
      frames += truth.frames.length;
    }), { numRuns: RUNS, seed: 0x6b647369, endOnFailure: true });
    expect(frames).toBeGreaterThan(RUNS * 8);
  }, 120_000);
});
