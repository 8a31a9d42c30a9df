/**
 * The command registry: every family listed in commandIndex.ts exports `commands: CommandSpec[]`; dispatch asks
 * for exact names and for the longest registered name that prefixes a token. Modules load once, on first use.
 */
import { COMMAND_MODULES } from './commandIndex';
import type { CommandList, CommandSpec } from './types';

export interface Registry extends CommandList {
  /** Exact (case-insensitive) name or alias. */
  get(name: string): CommandSpec | undefined;
  /** The longest registered plain name that prefixes `token` (`kvL200` → kv, `rcr2` → r). */
  longestPrefix(token: string): { spec: CommandSpec; name: string } | undefined;
}

export function buildRegistry(specs: CommandSpec[]): Registry {
  const byName = new Map<string, CommandSpec>();
  for (const s of specs) for (const n of [s.name, ...(s.aliases ?? [])]) byName.set(n.toLowerCase(), s);
  const names = [...byName.keys()].sort((a, b) => b.length - a.length);
  return {
    all: () => [...new Set(byName.values())].sort((a, b) => a.name.localeCompare(b.name)),
    get: (name) => byName.get(name.toLowerCase()),
    longestPrefix(token) {
      const t = token.toLowerCase();
      const name = names.find((n) => !n.startsWith('!') && t.startsWith(n));
      return name === undefined ? undefined : { spec: byName.get(name)!, name: token.slice(0, name.length) };
    },
  };
}

let loaded: Registry | undefined;

/** The registry of every command family in commandIndex.ts (loaded once). */
export function commandRegistry(): Registry {
  if (!loaded) {
    const specs: CommandSpec[] = [];
    for (const load of Object.values(COMMAND_MODULES)) specs.push(...load().commands);
    loaded = buildRegistry(specs);
  }
  return loaded;
}
