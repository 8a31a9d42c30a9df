/**
 * Writes a generated page without ever destroying a user's file: an existing file is refused unless `force`;
 * the text goes to a temporary file in the same directory first, then takes the name in one step (link, which
 * fails if the name appeared meanwhile, or rename under --force), so a crash or a full disk leaves no
 * half-written report. `-` writes to stdout.
 */
import * as fs from 'fs';
import * as path from 'path';
import { KdsimError } from '../../common/errors';

export function writeOutput(target: string, text: string, opts: { force?: boolean; stdout?: (s: string) => void } = {}): void {
  if (target === '-') {
    (opts.stdout ?? ((s: string) => process.stdout.write(s)))(text);
    return;
  }
  const exists = () => new KdsimError('E_EXISTS', `kdsim: ${target} exists (use --force to overwrite)`, 1);
  if (!opts.force && fs.existsSync(target)) throw exists();
  const dir = path.dirname(path.resolve(target));
  const tmp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  try {
    fs.writeFileSync(tmp, text, { flag: 'wx' });
  } catch (e) {
    throw new KdsimError('E_FILE', `kdsim: cannot write ${target}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, 1);
  }
  try {
    if (opts.force) {
      fs.renameSync(tmp, target);
    } else {
      try {
        fs.linkSync(tmp, target);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'EEXIST') throw exists();
        // A file system without hard links: the existence check above is the guard.
        if (code === 'EPERM' || code === 'ENOTSUP' || code === 'EOPNOTSUPP') { fs.renameSync(tmp, target); return; }
        throw new KdsimError('E_FILE', `kdsim: cannot write ${target}: ${code ?? (e as Error).message}`, 1);
      }
    }
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}
