/**
 * The errors of opening a dump: one WinDbg-style line naming the file, the problem and where it sits
 * (file offset of the offending header field), with a stable exit code per class of problem.
 */
import { KdsimError, type ErrorWhere } from '../../common/errors';

export { EXIT_FILE } from '../source/fileSource';
/** The header or run list is invalid (E_FORMAT). */
export const EXIT_FORMAT = 4;
/** A recognised format kdsim does not read yet (E_UNSUPPORTED). */
export const EXIT_UNSUPPORTED = 5;

export class DumpFormatError extends KdsimError {
  constructor(file: string, problem: string, where: ErrorWhere = {}) {
    const at = where.fileOffset !== undefined ? ` (file offset 0x${where.fileOffset.toString(16)})` : '';
    super('E_FORMAT', `kdsim: ${file}: ${problem}${at}`, EXIT_FORMAT, where);
    this.name = 'DumpFormatError';
  }
}

export class UnsupportedDumpError extends KdsimError {
  constructor(file: string, problem: string, where: ErrorWhere = {}) {
    super('E_UNSUPPORTED', `kdsim: ${file}: ${problem} is not supported yet; kdsim reads 32-bit complete, kernel summary and bitmap dumps (PAGEDUMP, DumpType 1, 2, 5)`, EXIT_UNSUPPORTED, where);
    this.name = 'UnsupportedDumpError';
  }
}
