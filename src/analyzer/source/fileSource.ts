/**
 * A ByteSource over a file with positional reads (fs.readSync at a position): only the bytes asked for
 * are read, so a 4 GiB dump costs what its readers touch. Open failures become one-line KdsimErrors.
 */
import * as fs from 'fs';
import * as path from 'path';
import { KdsimError } from '../../common/errors';
import type { ByteSource } from './types';

/** Exit code of every "cannot open the file" error (E_FILE). */
export const EXIT_FILE = 3;

const fileError = (name: string, what: string): KdsimError =>
  new KdsimError('E_FILE', `kdsim: ${name}: ${what}`, EXIT_FILE);

export class FileSource implements ByteSource {
  readonly size: number;
  private fd: number | undefined;

  private constructor(readonly name: string, fd: number, size: number) {
    this.fd = fd;
    this.size = size;
  }

  /**
   * Opens `file` read-only; `name` (default: its base name) is what error messages call it. Only a regular file
   * is opened: the type is checked before the open (a FIFO named *.dmp would block open(2) until a writer came),
   * and the open itself is non-blocking so that a file swapped for a FIFO in between cannot hang it either.
   */
  static open(file: string, name = path.basename(file) || file): FileSource {
    let fd: number;
    try {
      checkType(name, fs.statSync(file));
      fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
    } catch (e) {
      throw e instanceof KdsimError ? e : openError(name, e);
    }
    try {
      const st = fs.fstatSync(fd);
      checkType(name, st);
      return new FileSource(name, fd, st.size);
    } catch (e) {
      fs.closeSync(fd);
      throw e instanceof KdsimError ? e : openError(name, e);
    }
  }

  read(pos: number, length: number): Uint8Array {
    if (this.fd === undefined) throw new KdsimError('E_INTERNAL', `kdsim: ${this.name}: read after close`);
    const n = Math.max(0, Math.min(length, this.size - pos));
    const buf = Buffer.allocUnsafe(n);
    let done = 0;
    while (done < n) {
      let got: number;
      try {
        got = fs.readSync(this.fd, buf, done, n - done, pos + done);
      } catch (e) {
        throw fileError(this.name, `read error at file offset 0x${(pos + done).toString(16)}: ${(e as Error).message}`);
      }
      if (got === 0) break; // the file shrank under us: return what exists
      done += got;
    }
    return done === n ? buf : buf.subarray(0, done);
  }

  close(): void {
    if (this.fd !== undefined) fs.closeSync(this.fd);
    this.fd = undefined;
  }
}

/** A dump is a regular file (kdsim does not read raw block devices). */
function checkType(name: string, st: fs.Stats): void {
  if (st.isFile()) return;
  if (st.isDirectory()) throw fileError(name, 'is a directory, not a dump file');
  const kind = st.isFIFO() ? 'a FIFO' : st.isSocket() ? 'a socket' : st.isBlockDevice() ? 'a block device'
    : st.isCharacterDevice() ? 'a character device' : 'a special file';
  throw fileError(name, `is ${kind}, not a regular dump file`);
}

function openError(name: string, e: unknown): KdsimError {
  const code = (e as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT': return fileError(name, 'cannot open the dump file: no such file or directory');
    case 'EACCES': case 'EPERM': return fileError(name, 'cannot open the dump file: permission denied');
    case 'EISDIR': return fileError(name, 'is a directory, not a dump file');
    default: return fileError(name, `cannot open the dump file: ${code ?? (e as Error).message}`);
  }
}
