/**
 * Command-line conventions scripts rely on: `--version`/`-V`, `--fail-on-error` for `analyze -c`, and an empty
 * `-c ""` counting as no command (run through bin/kdsim on the compiled dist/, built by `npm test`).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..');
const KDSIM = path.join(ROOT, 'bin', 'kdsim');
const DUMP = path.join(ROOT, 'fixtures', 'dumps', 'got-stack.dmp');
const VERSION = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

function kdsim(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [KDSIM, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60000, input });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('kdsim command-line conventions', () => {
  it('--version and -V print the package version', () => {
    for (const flag of ['--version', '-V']) expect(kdsim([flag])).toEqual({ code: 0, out: `kdsim ${VERSION}\n`, err: '' });
  });

  it('--fail-on-error exits 1 when a command failed, 0 when all ran', () => {
    const bad = kdsim(['analyze', DUMP, '--no-banner', '--fail-on-error', '-c', '.nosuchcommand']);
    expect(bad.out).toContain("Syntax error in '.nosuchcommand'");
    expect(bad.code).toBe(1);
    expect(kdsim(['analyze', DUMP, '--no-banner', '--fail-on-error', '-c', '.echo ok']).code).toBe(0);
    // Without the option a command's error text is output, as in WinDbg, and the exit stays 0.
    expect(kdsim(['analyze', DUMP, '--no-banner', '-c', '.nosuchcommand']).code).toBe(0);
  });

  it('-c "" is no command: piped input runs instead of a lone prompt', () => {
    const r = kdsim(['analyze', DUMP, '--no-banner', '-c', ''], '.echo from stdin\n');
    expect(r.out).toBe('3: kd> .echo from stdin\nfrom stdin\n');
    expect(r.code).toBe(0);
  });
});
