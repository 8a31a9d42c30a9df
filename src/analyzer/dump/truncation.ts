/**
 * A dump file shorter than its header promises (a full disk, a reset during the write) still opens: WinDbg warns
 * and reads what is there, and so does kdsim — the pages past the end read as gaps (`????????`).
 * The three lines are WinDbg's (its "Truncated Dump" warning); the fourth says how much is missing.
 */
import { PAGE_SIZE } from '../../common/hex';

const STARS = '*'.repeat(60);
const hex = (v: number): string => `0x${v.toString(16)}`;

export function truncationWarning(fileSize: number, expectedSize: number): string[] {
  if (fileSize >= expectedSize) return [];
  const missing = Math.ceil((expectedSize - fileSize) / PAGE_SIZE);
  return [
    STARS,
    'WARNING: Dump file has been truncated.  Data may be missing.',
    STARS,
    `kdsim: the file is ${hex(fileSize)} bytes; its header describes ${hex(expectedSize)} (${missing} page${missing === 1 ? '' : 's'} missing, read as ????????)`,
  ];
}
