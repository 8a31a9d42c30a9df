/** The run's temp-folder check (jestTempFolder.js): an empty folder passes, a leftover fails the run by name. */
import * as fs from 'fs';
import * as path from 'path';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const hooks = require('./jestTempFolder.js') as { setup(): Promise<void>; teardown(): Promise<void> };
const VARS = ['KDSIM_JEST_TMP', 'TMPDIR', 'TMP', 'TEMP'];

describe('the per-run temp folder', () => {
  let saved: Record<string, string | undefined>;
  beforeEach(() => { saved = Object.fromEntries(VARS.map((v) => [v, process.env[v]])); });
  afterEach(() => {
    for (const v of VARS) if (saved[v] === undefined) delete process.env[v]; else process.env[v] = saved[v];
  });

  it('is this run\'s own folder while the tests run', () => {
    expect(process.env.KDSIM_JEST_TMP).toBeDefined();
    expect(require('os').tmpdir()).toBe(process.env.KDSIM_JEST_TMP);
  });

  it('passes when empty and names what a test left behind, removing the folder either way', async () => {
    await hooks.setup();
    const clean = process.env.KDSIM_JEST_TMP!;
    await hooks.teardown();
    expect(fs.existsSync(clean)).toBe(false);

    await hooks.setup();
    const dirty = process.env.KDSIM_JEST_TMP!;
    fs.mkdirSync(path.join(dirty, 'kdsim-leak-x'));
    await expect(hooks.teardown()).rejects.toThrow('tests left 1 item(s) in the temp folder: kdsim-leak-x');
    expect(fs.existsSync(dirty)).toBe(false);
  });
});
