/**
 * Issue 10, item 6: the reconstruction and the blame against the simulator's ground truth, three ways — full
 * symbols, no symbols for the third-party drivers (a symbol path holding only the Windows modules' ISF), no
 * symbols at all (an empty symbol path). Per seed and mode it measures: frames whose retAddr and childEbp equal
 * the truth's, modules whose bytes equal the truth's, and whether the blamed module is the truth's top consumer
 * (or a declared near-tie with it). Asserted: full symbols are exact; in every mode the kernel and HAL are never
 * blamed when the truth's top consumer is a driver; a wrong blame is never reported with `high` confidence.
 * Accuracy figures are printed (SEEDS_PER_MODE env var for a longer run, docs/stackusage.md).
 */
import * as fs from 'fs';
import * as path from 'path';
import { simulate } from '../../simulator/simulate';
import { openDump, analysis } from '../index';
import { stackUsageJson, stackUsageModel } from './stackusage.cmd';
import type { GroundTruth } from '../../testing/groundTruthCompare';
import { tempDir } from '../../testing/tempDir';
import { TIE_MARGIN_BYTES } from '../analysis/confidence';

const ROOT = path.resolve(__dirname, '../../..');
const THIRD_PARTY = /^(stackhog|shfilter|shscan|shcore)\.pdb$/i;
const SEEDS = Number(process.env.SEEDS_PER_MODE ?? 8);

interface Tally { seeds: number; frames: number; framesRight: number; modulesRight: number; blameRight: number; wrongHigh: number }

describe('reconstruction and blame with full, driver-less and no symbols, against the ground truth', () => {
  const dir = tempDir('symmodes');
  const empty = path.join(dir, 'empty');
  const windowsOnly = path.join(dir, 'windows');
  fs.mkdirSync(empty);
  fs.mkdirSync(windowsOnly);
  const store = path.join(ROOT, 'symbols/windows');
  for (const e of fs.readdirSync(store)) if (!THIRD_PARTY.test(e)) fs.cpSync(path.join(store, e), path.join(windowsOnly, e), { recursive: true });
  const modes: Record<string, string[] | undefined> = { full: undefined, 'no driver symbols': [windowsOnly], 'no symbols': [empty] };

  it('is exact with symbols, never blames nt/HAL for a driver-driven overflow, and never claims high confidence wrongly', async () => {
    const tally: Record<string, Tally> = {};
    for (const m of Object.keys(modes)) tally[m] = { seeds: 0, frames: 0, framesRight: 0, modulesRight: 0, blameRight: 0, wrongHigh: 0 };
    for (let k = 0; k < SEEDS; k++) {
      const seed = 0x1000 + k * 7919;
      const dump = path.join(dir, `s${seed}.dmp`);
      const truth = (await simulate({ scenario: 'got-stack', output: dump, seed, ramBytes: 16 << 20, force: true })).truth as unknown as GroundTruth;
      const [top, second] = truth.modules;
      const tie = second && top.bytes - second.bytes < TIE_MARGIN_BYTES;
      for (const [mode, symbolPath] of Object.entries(modes)) {
        const s = openDump(dump, symbolPath ? { symbolPath } : {});
        try {
          const got = stackUsageJson(await stackUsageModel(s, ''));
          const model = await analysis(s);
          const t = tally[mode];
          t.seeds++;
          t.frames += truth.frames.length;
          t.framesRight += truth.frames.filter((f, i) => got.frames[i]?.childEbp === f.childEbp && got.frames[i]?.retAddr === f.retAddr).length;
          const modsRight = JSON.stringify(got.modules.map(({ module, bytes }) => ({ module, bytes }))) === JSON.stringify(truth.modules);
          if (modsRight) t.modulesRight++;
          const named = [model.blame?.module, model.tieWith].filter(Boolean);
          const right = named.includes(top.module) || Boolean(tie && named.includes(second.module));
          if (right) t.blameRight++;
          else if (model.confidence?.level === 'high') t.wrongHigh++;
          if (!['nt', 'hal'].includes(top.module)) expect(['nt', 'hal']).not.toContain(model.blame?.module);
          expect(model.confidence).toBeDefined();
          if (mode === 'full') {
            expect(got.frames.map((f) => [f.childEbp, f.retAddr])).toEqual(truth.frames.map((f) => [f.childEbp, f.retAddr]));
            expect(modsRight).toBe(true);
            expect(right).toBe(true);
          }
        } finally {
          s.dump.close();
        }
      }
      fs.rmSync(dump, { force: true });
    }
    for (const t of Object.values(tally)) expect(t.wrongHigh).toBe(0);
    const pct = (a: number, b: number) => `${((100 * a) / b).toFixed(1)}%`;
    // eslint-disable-next-line no-console
    console.log(Object.entries(tally).map(([m, t]) => `${m}: ${t.seeds} seeds; frames exact ${pct(t.framesRight, t.frames)}; modules exact ${t.modulesRight}/${t.seeds}; blame right ${t.blameRight}/${t.seeds}`).join('\n'));
  }, 120_000);
});
