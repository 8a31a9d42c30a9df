/**
 * `kdsim analyze <dump>`: WinDbg's opening banner, then commands from -c (each value one command line, echoed
 * after the prompt as WinDbg echoes what is typed), from piped stdin (one line each), or from a REPL on a TTY.
 * With no commands at all it runs `!analyze -v`. Exit 0 when the commands ran: a command's own error text, as
 * in WinDbg, is output, not failure. A dump that cannot be opened is a KdsimError (one line, non-zero exit). A
 * command that failed inside kdsim (an internal error, a bug) still lets the rest run, then the exit is 70.
 */
import type { Argv } from 'yargs';
import { hex8, hexPad } from '../common/hex';
import type { ExecutedCommand, Session } from '../analyzer';

/** The analyzer's front door, loaded on first use (not at import) so that `kdsim --help` stays cheap. */
const analyzer = (): typeof import('../analyzer') => require('../analyzer');
import { EXIT_INTERNAL } from '../common/limits';
import { SYMPATH_DESCRIBE } from './symbolPathArg';

export interface AnalyzeArgs { dump: string; c?: string[]; json?: boolean; symbols?: string[]; banner?: boolean; failOnError?: boolean; y?: string }

/** `--fail-on-error`: the exit code when a command printed an error (a script's `if` sees it); 70 still wins. */
export const EXIT_COMMAND_FAILED = 1;

export function configure(y: Argv): Argv {
  return y
    .positional('dump', { type: 'string', describe: 'crash dump file (opened read-only)' })
    .option('c', { type: 'string', array: true, describe: 'command line to run, like kd -c ("cmd; cmd"); repeatable' })
    .option('json', { type: 'boolean', default: false, describe: 'print the command models as JSON instead of text' })
    .option('symbols', { type: 'string', array: true, describe: 'directory of ISF symbol files (searched before the shipped ones)' })
    .option('y', { alias: 'sympath', type: 'string', describe: SYMPATH_DESCRIBE })
    .option('banner', { type: 'boolean', default: true, describe: 'print the opening banner (--no-banner to leave it out)' })
    .option('fail-on-error', { type: 'boolean', default: false, describe: 'exit 1 when a command printed an error (Syntax error, No export, memory errors…), for scripts' });
}

/** JSON of command models: unsigned 32-bit integers as 8 lowercase hex digits, 64-bit values as 16. */
/** Keys whose integers are quantities, not addresses or register values: they stay decimal numbers in --json
 *  (`frameBytes: 264`, as the simulator's ground truth has them), so the two compare directly. */
const QUANTITY_KEY = /(bytes|count|index|percent|length|size|pages|frames|number|processors|runs|seconds|ms)$/i;

export function modelJson(value: unknown): string {
  return JSON.stringify(value, (k, v) => {
    if (typeof v === 'bigint') return hexPad(v, 16);
    if (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 0xffffffff && !QUANTITY_KEY.test(k)) return hex8(v);
    return v;
  }, 2);
}

const write = (lines: string[]) => { if (lines.length) process.stdout.write(`${lines.join('\n')}\n`); };

export async function run(args: AnalyzeArgs): Promise<number> {
  const given = symbolPathText(args);
  const parsed = given === undefined ? undefined : analyzer().parseSymbolPath(given);
  const session = analyzer().openDump(args.dump, { symbolPaths: args.symbols ?? [], ...(parsed ? { symbolPath: parsed.dirs } : {}) });
  const serverNote = parsed && analyzer().serverWarning(parsed);
  if (serverNote) session.dump.warnings.unshift(serverNote);
  try {
    if (args.banner !== false && !args.json) write(await bannerLines(session, args));
    // An empty -c (`-c ""`) is no command: the REPL still opens on a terminal.
    const commands = (args.c ?? []).filter((line) => line.trim() !== '');
    const json: unknown[] = [];
    let internal = false;
    let failed = false;
    const runLine = async (line: string): Promise<boolean> => {
      const prompt = session.prompt();
      const done = await analyzer().runLine(session, line);
      if (done.some((d) => d.internal)) internal = true;
      if (done.some((d) => d.error)) failed = true;
      if (args.json) json.push(...done.map((d) => jsonEntry(d, prompt)));
      else write([`${prompt}${line}`, ...done.flatMap((d) => d.lines)]);
      return done.some((d) => d.quit);
    };
    if (commands.length) {
      for (const line of commands) if (await runLine(line)) break;
    } else if (process.stdin.isTTY && !args.json) {
      await repl(session);
    } else {
      const lines = await readPipedLines();
      if (lines.length === 0) lines.push('!analyze -v');
      for (const line of lines) if (await runLine(line)) break;
    }
    if (args.json) process.stdout.write(`${modelJson(json)}\n`);
    return internal ? EXIT_INTERNAL : failed && args.failOnError ? EXIT_COMMAND_FAILED : 0;
  } finally {
    session.dump.close();
  }
}

function jsonEntry(d: ExecutedCommand, prompt: string) {
  return { prompt: prompt.trim(), command: d.text, name: d.name ?? null, model: d.model ?? null, ...(d.error ? { error: d.error, lines: d.lines } : {}) };
}

function bannerLines(session: Session, args: AnalyzeArgs): Promise<string[]> {
  const path = require('path') as typeof import('path');
  const symbolPath = [...(args.symbols ?? []), ...(symbolPathText(args) !== undefined ? [symbolPathText(args)] : [])].join(';') || 'kdsim shipped ISF symbols';
  return analyzer().bannerLines(session, { dumpPath: path.resolve(args.dump), symbolPath });
}

async function readPipedLines(): Promise<string[]> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
}

async function repl(session: Session): Promise<void> {
  const readline = require('readline') as typeof import('readline');
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout, historySize: 500, terminal: true });
  rl.setPrompt(session.prompt());
  rl.prompt();
  let busy = Promise.resolve();
  await new Promise<void>((resolve) => {
    rl.on('SIGINT', () => { process.stdout.write('^C\n'); rl.setPrompt(session.prompt()); rl.prompt(); });
    rl.on('close', () => { busy.then(() => resolve()); });
    rl.on('line', (line) => {
      busy = busy.then(async () => {
        rl.pause();
        const quit = line.trim() ? await runCommandEcho(line) : false;
        if (quit) { rl.close(); return; }
        rl.setPrompt(session.prompt());
        rl.resume();
        rl.prompt();
      });
    });
  });

  async function runCommandEcho(line: string): Promise<boolean> {
    const done = await analyzer().runLine(session, line);
    write(done.flatMap((d) => d.lines));
    return done.some((d) => d.quit);
  }
}

/** WinDbg's precedence: `-y` on the command line, else `_NT_SYMBOL_PATH`, else kdsim's shipped store (undefined). */
function symbolPathText(args: AnalyzeArgs): string | undefined {
  return args.y ?? process.env._NT_SYMBOL_PATH;
}
