/**
 * `kdsim report <dump> [-o report.html] [--force]`: one self-contained HTML page (inline CSS, inline SVG, no
 * request of any kind) with the verdict, the bugcheck, the machine, the register contexts, the stack drawn to
 * scale, the frames and the WinDbg command behind each fact. Default output: `<dump name>.html` in the current
 * directory; `-o -` writes to stdout. An existing file is never overwritten without --force.
 */
import * as path from 'path';
import type { Argv } from 'yargs';
import { SYMPATH_DESCRIBE, symbolPathDirs } from './symbolPathArg';

export interface ReportArgs { dump: string; o?: string; force?: boolean; symbols?: string[]; y?: string }

export function configure(y: Argv): Argv {
  return y
    .positional('dump', { type: 'string', describe: 'crash dump file (opened read-only)' })
    .option('o', { alias: 'output', type: 'string', describe: 'HTML file to write (- for stdout; default <dump>.html here)' })
    .option('force', { type: 'boolean', default: false, describe: 'overwrite an existing output file' })
    .option('symbols', { type: 'string', array: true, describe: 'directory of ISF symbol files (searched before the shipped ones)' })
    .option('y', { alias: 'sympath', type: 'string', describe: SYMPATH_DESCRIBE });
}

export const defaultOutput = (dump: string): string => `${path.basename(dump).replace(/\.dmp$/i, '')}.html`;

export async function run(args: ReportArgs): Promise<number> {
  const { loadReportModel } = require('./report/reportData') as typeof import('./report/reportData');
  const { renderReportHtml } = require('./report/html') as typeof import('./report/html');
  const { writeOutput } = require('./report/writeOutput') as typeof import('./report/writeOutput');
  const out = args.o ?? defaultOutput(args.dump);
  const model = await loadReportModel(args.dump, args.dump, { symbolPaths: args.symbols ?? [], symbolPath: symbolPathDirs(args.y) });
  const html = renderReportHtml(model);
  writeOutput(out, html, { force: args.force });
  if (out !== '-') process.stderr.write(`${out}: ${Buffer.byteLength(html)} bytes\n`);
  return 0;
}
