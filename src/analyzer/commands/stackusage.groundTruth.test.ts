/**
 * Proof on the fixture: `!stackusage --json` on fixtures/dumps/got-stack.dmp equals the simulator's ground truth
 * (fixtures/groundtruth/got-stack.json) frame by frame, module by module, region by region. Many seeds:
 * stackusage.seeds.property.test.ts. A missing fixture fails the test.
 */
import * as fs from 'fs';
import * as path from 'path';
import { CALLER_TRUST, frameFields, returnSlots, stackUsageOf, type GroundTruth, type StackUsageJson } from '../../testing/groundTruthCompare';

const ROOT = path.resolve(__dirname, '../../..');
const DUMP = path.join(ROOT, 'fixtures/dumps/got-stack.dmp');
const TRUTH = path.join(ROOT, 'fixtures/groundtruth/got-stack.json');
describe('!stackusage --json against the ground truth of got-stack.dmp', () => {
  let truth: GroundTruth;
  let got: StackUsageJson;
  beforeAll(async () => {
    truth = JSON.parse(fs.readFileSync(TRUTH, 'utf8')) as GroundTruth;
    got = await stackUsageOf(DUMP);
  });

  it('rebuilds the true chain frame by frame: childEbp, retAddr, symbol, frameBytes', () => {
    expect(got.frames.map(frameFields)).toEqual(truth.frames.map(frameFields));
  });

  it('gives every frame its function\'s kind, and finds each caller the way that kind allows', () => {
    expect(got.frames.map((f) => f.kind)).toEqual(truth.frames.map((f) => f.kind));
    expect(got.frames[0].trust).toBe('context');
    // Frame i+1 is reached by unwinding frame i: through its trap frame, its saved EBP or its FPO data.
    expect(got.frames.slice(1).map((f) => f.trust)).toEqual(truth.frames.slice(0, -1).map((f) => CALLER_TRUST[f.kind]));
  });

  it('credits the modules with exactly the true bytes, most first', () => {
    expect(got.modules.map(({ module, bytes }) => ({ module, bytes }))).toEqual(truth.modules);
  });

  it('reports the NPX save area, the trap-frame residue and the call-frame area apart, as the truth does', () => {
    expect(got.npxBytes).toBe(truth.npxBytes);
    expect(got.regions).toEqual(truth.regions);
    expect(got.unaccounted).toBe(0);
  });

  it('prints the kf = line of walkthrough step 31', () => {
    expect(got.kCommand).toBe(truth.firstFault.kCommand);
  });

  it('takes none of the planted stale return addresses for a frame', () => {
    const slots = returnSlots(got.frames);
    expect(truth.staleReturnAddresses.length).toBeGreaterThan(0);
    expect(truth.staleReturnAddresses.filter((s) => slots.has(s.at))).toEqual([]);
  });
});
