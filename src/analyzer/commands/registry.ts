/**
 * Finds every command: each `*.cmd.ts` (compiled `*.cmd.js`) module under this folder exports
 * `commands: CommandSpec[]`. Discovery reads the directory at run time, so an engineer adds a command family by
 * adding a file, and it works from dist/ and under ts-jest alike. Modules load once, on first use.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { CommandSpec } from './types';

export interface Registry {
  /** All commands, in name order. */
  all(): CommandSpec[];
  /** Exact (case-insensitive) name or alias. */
  get(name: string): CommandSpec | undefined;
  /** The longest registered plain name that prefixes `token` (`kvL200` → kv, `rcr2` → r). */
  longestPrefix(token: string): { spec: CommandSpec; name: string } | undefined;
}

const isCommandFile = (f: string) => /\.cmd\.(js|ts)$/.test(f) && !/\.test\.|\.d\.ts$/.test(f);

function commandFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...commandFiles(p));
    else if (isCommandFile(e.name)) out.push(p);
  }
  // When both exist (ts-node beside stale JS), the file of this module's own kind wins.
  const ownExt = path.extname(__filename);
  const byStem = new Map<string, string>();
  for (const f of out.sort()) {
    const stem = f.replace(/\.(js|ts)$/, '');
    if (!byStem.has(stem) || path.extname(f) === ownExt) byStem.set(stem, f);
  }
  return [...byStem.values()];
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

/** The registry of every command module in this folder (loaded once). */
export function commandRegistry(): Registry {
  if (!loaded) {
    const specs: CommandSpec[] = [];
    for (const file of commandFiles(__dirname)) {
      // eslint-disable-next-line @typescript-eslint/no-var-requires
      const mod = require(file) as { commands?: CommandSpec[] };
      if (Array.isArray(mod.commands)) specs.push(...mod.commands);
    }
    loaded = buildRegistry(specs);
  }
  return loaded;
}
