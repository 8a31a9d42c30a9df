import yargs from 'yargs/yargs';
import { KdsimError } from '../common/errors';

/** Parses argv and runs one subcommand; resolves to the process exit code. */
export async function runCli(argv: string[]): Promise<number> {
  // `--version` / `-V` alone, as other command-line tools answer it (yargs' own version option is off: `-V` is ours).
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
    process.stdout.write(`kdsim ${require('./version').kdsimVersion()}\n`);
    return 0;
  }
  let exit = 0;
  const parser = yargs(argv)
    .scriptName('kdsim')
    .usage('$0 <command> [options]')
    .command(
      'analyze <dump>',
      'open a crash dump and run debugger commands (banner and !analyze -v when no -c is given)',
      (y) => require('./analyzeCommand').configure(y),
      async (args) => { exit = await require('./analyzeCommand').run(args); },
    )
    .command(
      'simulate',
      'write a synthetic BugCheck 0x7F crash dump (and its ground truth)',
      (y) => require('./simulateCommand').configure(y),
      async (args) => { exit = await require('./simulateCommand').run(args); },
    )
    .command(
      'triage <dumps..>',
      'analyse many crash dumps: one row each (bugcheck, verdict, culprit, its stack bytes), then counts by culprit',
      (y) => require('./triageCommand').configure(y),
      async (args) => { exit = await require('./triageCommand').run(args); },
    )
    .command(
      'report <dump>',
      'write one self-contained HTML page for a dump: verdict, bugcheck, machine, the stack drawn to scale, frames',
      (y) => require('./reportCommand').configure(y),
      async (args) => { exit = await require('./reportCommand').run(args); },
    )
    .command(
      'lab [dump]',
      'the walkthrough (Parts 1 and 2) as a hands-on lab over an overflow dump; lab class / lab report for a trainer',
      (y) => require('./labCommand').configure(y, (code: number) => { exit = code; }),
      async (args) => { exit = await require('./labCommand').run(args); },
    )
    .demandCommand(1, 'kdsim: name a command: analyze, simulate, triage, report, lab (see kdsim --help)')
    .strict()
    .version(false)
    .help()
    .fail((msg, err) => {
      // yargs' own argument errors (YError: "Not enough arguments following: html") are usage errors too.
      if (err && err.name !== 'YError') throw err;
      throw new KdsimError('E_USAGE', `kdsim: ${msg ?? err?.message}`, 2);
    });
  await parser.parseAsync();
  return exit;
}
