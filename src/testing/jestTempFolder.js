/**
 * Jest globalSetup/globalTeardown: every test run gets a private temporary folder (TMPDIR/TMP/TEMP point into it,
 * so os.tmpdir() in the workers and in the processes they spawn lands there). At the end the folder must be empty:
 * a test that leaves something behind fails the run, naming what it left; the folder is removed either way.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');

async function setup() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kdsim-jest-'));
  globalThis.__kdsimJestTmp = dir;
  process.env.KDSIM_JEST_TMP = dir;
  for (const v of ['TMPDIR', 'TMP', 'TEMP']) process.env[v] = dir;
  // A developer's own WinDbg symbol path would change what the CLI under test loads (docs/symbols.md).
  delete process.env._NT_SYMBOL_PATH;
}

async function teardown() {
  const dir = globalThis.__kdsimJestTmp ?? process.env.KDSIM_JEST_TMP;
  if (!dir || !fs.existsSync(dir)) return;
  delete globalThis.__kdsimJestTmp;
  // ../shared/tools/vol_read.py keeps its bytecode cache in the temp folder on purpose: not a test's leftover.
  const left = fs.readdirSync(dir).filter((f) => !/^vol_read-pycache-\d+$/.test(f));
  fs.rmSync(dir, { recursive: true, force: true });
  if (left.length) throw new Error(`tests left ${left.length} item(s) in the temp folder: ${left.sort().join(', ')}`);
}

/**
 * Jest calls the module itself, as globalSetup before the run and as globalTeardown after it; globals set in
 * globalSetup are what globalTeardown sees, so the folder's name there tells the two calls apart.
 */
async function globalHook() {
  return globalThis.__kdsimJestTmp ? teardown() : setup();
}

module.exports = globalHook;
module.exports.setup = setup;
module.exports.teardown = teardown;
