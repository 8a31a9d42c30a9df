import type { CommandSpec, SessionApi } from '../types';

/**
 * The frame lines `!thread` prints under its header, borrowed from the `k` family's command file when it is
 * present (the walker is another area's work): `kv` output without the context banner. Empty when no walker
 * is installed or it cannot walk, so `!thread` still prints its header block.
 */
export async function threadStackLines(session: SessionApi): Promise<string[]> {
  let specs: CommandSpec[] | undefined;
  try {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    specs = (require('../k.cmd') as { commands?: CommandSpec[] }).commands;
  } catch {
    return [];
  }
  const kv = specs?.find((c) => c.name === 'kv' || c.aliases?.includes('kv')) ?? specs?.find((c) => c.name === 'k');
  if (!kv) return [];
  try {
    const r = await kv.run(session, '', 'kv');
    return r.lines.filter((l) => !l.includes('*** Stack trace for last set context'));
  } catch {
    return [];
  }
}
