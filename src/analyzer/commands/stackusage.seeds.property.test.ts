/**
 * Property over the simulator's seeds: for any seed, the reconstruction (`!stackusage --json`) of the simulated
 * got-stack dump equals the simulator's ground truth frame by frame (childEbp, retAddr, symbol, frameBytes,
 * kind), the per-module bytes are exact, no planted stale return address is taken for a frame, and every FPO
 * frame of the truth is recovered at its place. The dumps go to a temporary directory (16 MiB RAM, sparse).
 */
import fc from 'fast-check';
import { promises as fsp } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { simulate } from '../../simulator/simulate';
import { CALLER_TRUST, frameFields, returnSlots, stackUsageOf, type GroundTruth } from '../../testing/groundTruthCompare';

const RUNS = 24;

describe('reconstruction against the simulator\'s ground truth, over seeds', () => {
  let dir: string;
  beforeAll(async () => { dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'kdsim-seeds-')); });
  afterAll(async () => { await fsp.rm(dir, { recursive: true, force: true }); });

  it('rebuilds the true chain, credits modules exactly, rejects every stale return address, recovers FPO frames', async () => {
    const seeds: number[] = [];
    let staleChecked = 0;
    let fpoChecked = 0;
    await fc.assert(fc.asyncProperty(fc.integer({ min: 0, max: 0xffffffff }), async (seed) => {
      seeds.push(seed);
      const dump = path.join(dir, `s${seed}.dmp`);
      const { truth: raw } = await simulate({ scenario: 'got-stack', output: dump, seed, ramBytes: 16 << 20, force: true });
      const truth = raw as unknown as GroundTruth;
      try {
        const got = await stackUsageOf(dump);
        expect(got.frames.map(frameFields)).toEqual(truth.frames.map(frameFields));
        expect(got.frames.map((f) => f.kind)).toEqual(truth.frames.map((f) => f.kind));
        expect(got.frames.slice(1).map((f) => f.trust)).toEqual(truth.frames.slice(0, -1).map((f) => CALLER_TRUST[f.kind]));
        expect(got.modules.map(({ module, bytes }) => ({ module, bytes }))).toEqual(truth.modules);
        expect(got.npxBytes).toBe(truth.npxBytes);
        expect(got.regions).toEqual(truth.regions);
        expect(got.kCommand).toBe(truth.firstFault.kCommand);

        const slots = returnSlots(got.frames);
        expect(truth.staleReturnAddresses.filter((s) => slots.has(s.at))).toEqual([]);
        staleChecked += truth.staleReturnAddresses.length;
        const fpo = truth.frames.filter((f) => f.kind === 'fpo');
        for (const f of fpo) {
          expect(got.frames.find((g) => g.childEbp === f.childEbp)).toMatchObject({ kind: 'fpo', frameBytes: f.frameBytes, symbol: f.symbol });
        }
        fpoChecked += fpo.length;
      } finally {
        await fsp.rm(dump, { force: true });
      }
    }), { numRuns: RUNS, seed: 0x6b647369, endOnFailure: true });
    // The seeds must really plant stale words and FPO frames, or the property proves little.
    expect(staleChecked).toBeGreaterThan(RUNS * 10);
    expect(fpoChecked).toBeGreaterThan(RUNS * 5);
    // eslint-disable-next-line no-console
    console.log(`seeds tested: ${seeds.join(', ')}; stale return addresses checked: ${staleChecked}; FPO frames: ${fpoChecked}`);
  }, 60_000);
});
