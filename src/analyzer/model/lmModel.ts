import { KdsimError } from '../../common/errors';
import type { SessionApi } from '../session/types';
import type { ModuleInfo } from '../symbols/types';
import { readPeHeaders, PeHeaders } from '../objects/peHeaders';
import { readVersionInfo, VersionInfo } from '../objects/peVersion';
import { wildcard } from './dtArgs';

/** `lm` options: letters in any grouping (`lm kv m x`, `lmvm x`); `m` takes the next word as a name pattern. */
export interface LmOptions { verbose: boolean; kernelOnly: boolean; userOnly: boolean; pattern?: string; loadedOnly: boolean; fullPath: boolean }

export function parseLmOptions(args: string): LmOptions {
  const o: LmOptions = { verbose: false, kernelOnly: false, userOnly: false, loadedOnly: false, fullPath: false };
  const words = args.trim().split(/\s+/).filter(Boolean);
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    for (let j = 0; j < w.length; j++) {
      const c = w[j].toLowerCase();
      if (c === 'm') {
        o.pattern = j + 1 < w.length ? w.slice(j + 1) : words[++i];
        if (o.pattern === undefined) throw new KdsimError('E_COMMAND', 'Usage: lm [k|u] [v] [l] [f] [m <pattern>]');
        break;
      }
      if (c === 'v') o.verbose = true;
      else if (c === 'k') o.kernelOnly = true;
      else if (c === 'u') o.userOnly = true;
      else if (c === 'l') o.loadedOnly = true;
      else if (c === 'f') o.fullPath = true;
    }
  }
  return o;
}

export interface LmEntry {
  module: ModuleInfo;
  start: number;
  end: number;
  /** ' ', 'T' (timestamp missing), 'C' (checksum missing or 0), '#' (symbol mismatch). */
  flag: string;
  status: string;
  /** Right column: the symbol file for modules with symbols, else the image path (f option: always the image). */
  path: string;
  headers: PeHeaders | null;
  version: VersionInfo | null;
}

const STATUS: Record<ModuleInfo['symbolStatus'], string> = {
  loaded: '(pdb symbols)', none: '(no symbols)', mismatch: '(pdb symbols)', unreadable: '(no symbols)', corrupt: '(no symbols)',
};

function entry(session: SessionApi, m: ModuleInfo, o: LmOptions): LmEntry {
  const headers = readPeHeaders(session.vm, m.base);
  const stamp = headers?.timeDateStamp ?? m.timeDateStamp;
  const sum = headers?.checkSum ?? m.checkSum;
  const flag = m.symbolStatus === 'mismatch' ? '#' : !stamp ? 'T' : !sum ? 'C' : ' ';
  const image = m.fullPath ?? m.imageName;
  const path = !o.fullPath && m.symbolStatus === 'loaded' && m.pdb ? m.pdb.name : m.symbolStatus === 'loaded' ? image : '';
  const version = o.verbose && headers?.directories[2] ? readVersionInfo(session.vm, m.base, headers.directories[2][0]) : null;
  return { module: m, start: m.base, end: (m.base + m.size) >>> 0, flag, status: STATUS[m.symbolStatus], path, headers, version };
}

/** The modules an `lm` line selects, in load-address order (every module of a kernel dump is a kernel module). */
export function buildLmModel(session: SessionApi, o: LmOptions): LmEntry[] {
  const re = o.pattern === undefined ? undefined : wildcard(o.pattern);
  return session.symbols.modules()
    .filter(() => !o.userOnly)
    .filter((m) => !o.loadedOnly || m.symbolStatus === 'loaded')
    .filter((m) => !re || re.test(m.name))
    .sort((a, b) => a.base - b.base)
    .map((m) => entry(session, m, o));
}
