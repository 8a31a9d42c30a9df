/**
 * `-y <path>` / `--sympath` for every command that opens a dump (analyze, triage, lab, report), with WinDbg's
 * precedence: `-y` on the command line, else `_NT_SYMBOL_PATH`, else kdsim's shipped store. The path replaces
 * the shipped store, so `-y <empty dir>` means no symbol files at all.
 */
import type { Argv } from 'yargs';

const analyzer = (): typeof import('../analyzer') => require('../analyzer');

export const SYMPATH_DESCRIBE = 'symbol path as WinDbg -y (";"-separated; replaces the shipped store; default $_NT_SYMBOL_PATH)';

export function symbolPathOption(y: Argv): Argv {
  return y.option('y', { alias: 'sympath', type: 'string', describe: SYMPATH_DESCRIBE });
}

/** The symbol path text in force: `-y`, else `_NT_SYMBOL_PATH`, else undefined (the shipped store). */
export function symbolPathText(y: string | undefined): string | undefined {
  return y ?? process.env._NT_SYMBOL_PATH;
}

/** The directories of the symbol path in force (undefined: the shipped store), for `SessionOptions.symbolPath`. */
export function symbolPathDirs(y: string | undefined): string[] | undefined {
  const given = symbolPathText(y);
  return given === undefined ? undefined : analyzer().parseSymbolPath(given).dirs;
}
