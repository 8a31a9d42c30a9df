/**
 * An independent walk of each simulated build's process list: volatility3 (../shared/tools/vol_read.py) reads the
 * memory, and the offsets come from ../shared/layouts/windows-x86/<build>.json.gz — not from kdsim's code or its
 * shipped store. From the header's PsActiveProcessHead it follows ActiveProcessLinks and reads ImageFileName;
 * System and StackHog.exe must both be there. Skipped without VOLATILITY3_PATH.
 */
import { execFileSync } from 'child_process';
import { readFileSync } from 'fs';
import * as path from 'path';
import { gunzipSync } from 'zlib';
import { tempDir } from '../testing/tempDir';
import { SIMULATED_BUILDS } from './kit/buildMechanics';
import { simulate } from './simulate';

const ROOT = path.resolve(__dirname, '..', '..');
const SHARED = path.resolve(ROOT, '..', 'shared');
const VOL_READ = path.join(SHARED, 'tools/vol_read.py');
const volPath = process.env.VOLATILITY3_PATH;
if (!volPath) console.warn('buildsProcessList.interop.test: skipped (VOLATILITY3_PATH is not set)');

/** DUMP_HEADER32.PsActiveProcessHead (+0x1c), straight from the file. */
const activeProcessHead = (file: string): number => readFileSync(file).readUInt32LE(0x1c);

/** vol_read.py keeps its bytecode cache in the temp folder: give it one this file removes. */
const volTmp = volPath ? tempDir('builds-vol-cache') : '';

const volBytes = (file: string, va: number, length: number): Buffer => {
  const hex = execFileSync('python3', [VOL_READ, file, '--bytes', va.toString(16), length.toString(16)],
    { encoding: 'utf8', env: { ...process.env, TMPDIR: volTmp } }).trim();
  if (hex.includes('?')) throw new Error(`volatility3 cannot read ${va.toString(16)} L${length.toString(16)}`);
  return Buffer.from(hex, 'hex');
};

const fieldOffset = (isf: { user_types: Record<string, { fields: Record<string, { offset: number }> }> }, type: string, field: string): number =>
  isf.user_types[type].fields[field].offset;

(volPath ? describe : describe.skip).each(SIMULATED_BUILDS)('volatility3 walks the %s process list', (build) => {
  it('finds System and StackHog.exe with the shared layouts\' offsets', async () => {
    const isf = JSON.parse(gunzipSync(readFileSync(path.join(SHARED, 'layouts/windows-x86', `${build}.json.gz`))).toString('utf8'));
    const links = fieldOffset(isf, '_EPROCESS', 'ActiveProcessLinks');
    const name = fieldOffset(isf, '_EPROCESS', 'ImageFileName');
    const file = path.join(tempDir('builds-vol'), `${build}.dmp`);
    await simulate({ scenario: 'got-stack', output: file, ramBytes: 16 << 20, build });
    const head = activeProcessHead(file);
    const names: string[] = [];
    for (let entry = volBytes(file, head, 4).readUInt32LE(0); entry !== head && names.length < 64;
      entry = volBytes(file, entry, 4).readUInt32LE(0)) {
      const raw = volBytes(file, entry - links + name, 15);
      names.push(raw.subarray(0, raw.indexOf(0) < 0 ? 15 : raw.indexOf(0)).toString('latin1'));
    }
    expect(names).toContain('System');
    expect(names).toContain('StackHog.exe');
  }, 120000);
});
