import type { SessionApi } from '../types';
import { commandRegistry } from '../registry';

/**
 * The frame lines `!thread` prints under its header, borrowed from the `k` family's `kv` (the walker and its
 * layout are another area's work), without the context banner. Empty when no `kv` is registered or it cannot
 * walk, so `!thread` still prints its header block.
 */
export async function threadStackLines(session: SessionApi): Promise<string[]> {
  const kv = commandRegistry().get('kv');
  if (!kv) return [];
  try {
    const r = await kv.run(session, '', 'kv');
    return r.lines.filter((l) => !l.includes('*** Stack trace for last set context'));
  } catch {
    return [];
  }
}
