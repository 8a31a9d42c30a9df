/**
 * kdsim command line. Each subcommand's module is required lazily so that `kdsim analyze` never loads the
 * simulator (and vice versa); errors are KdsimErrors printed as one line with their exit code.
 */
import { isKdsimError } from '../common/errors';
import { runCli } from './run';
import { EXIT_INTERNAL } from '../common/limits';

// `kdsim analyze x.dmp -c "dps ..." | head`: a closed pipe ends the output quietly, as in any Unix tool.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
}

runCli(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (e: unknown) => {
    if (isKdsimError(e)) {
      process.stderr.write(`${e.message}\n`);
      process.exitCode = e.exitCode;
    } else {
      // A bug in kdsim, not bad input: still one line, with a hint to report it.
      const msg = e instanceof Error ? e.message : String(e);
      process.stderr.write(`kdsim: internal error: ${msg} (please report this with the command line)\n`);
      process.exitCode = EXIT_INTERNAL;
    }
  },
);
