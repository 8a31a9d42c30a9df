import { wildcardPattern, type WildcardPattern } from '../../common/wildcard';
import { KdsimError } from '../../common/errors';

/** `dt [-r[n]] [-b] [module!]Type [Field...] [Address] [Field...]`, split before the type is known. */
export interface DtArgs {
  /** Levels of embedded structures to expand (0 = none). */
  depth: number;
  /** -b: expand everything, arrays element by element. */
  blocks: boolean;
  module?: string;
  typeName: string;
  /** Tokens after the type; fields vs. address is decided once the type's members are known. */
  rest: string[];
}

/** Depth that stands for "all the way down" (bounded so a self-embedding layout cannot loop). */
export const DT_MAX_DEPTH = 8;

export function parseDtArgs(args: string): DtArgs {
  const tokens = args.trim().split(/\s+/).filter(Boolean);
  let depth = 0;
  let blocks = false;
  const rest: string[] = [];
  let type: string | undefined;
  for (const tok of tokens) {
    const opt = tok.match(/^-([a-z])(\d*)$/i);
    if (opt) {
      const [, letter, n] = opt;
      if (letter === 'r') depth = n ? parseInt(n, 10) : DT_MAX_DEPTH;
      else if (letter === 'b') { blocks = true; depth = DT_MAX_DEPTH; }
      else if (!'vyeinopq'.includes(letter)) throw new KdsimError('E_COMMAND', `Unknown option ${tok}`);
      continue;
    }
    if (type === undefined) type = tok;
    else rest.push(tok);
  }
  if (type === undefined) throw new KdsimError('E_COMMAND', 'Usage: dt [-r[n]] [-b] [module!]Type [Field] [Address]');
  const bang = type.indexOf('!');
  return bang < 0
    ? { depth, blocks, typeName: type, rest }
    : { depth, blocks, module: type.slice(0, bang), typeName: type.slice(bang + 1), rest };
}

/** WinDbg-style wildcard (`*`, `?`), case-insensitive, matched without backtracking (common/wildcard.ts). */
export const wildcard = (pattern: string): WildcardPattern => wildcardPattern(pattern);

export const hasWildcard = (s: string): boolean => /[*?]/.test(s);
