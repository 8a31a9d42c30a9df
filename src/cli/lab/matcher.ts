/**
 * Is what the learner typed the step's command, in any form WinDbg reads the same way? Both lines are cut
 * into commands at `;` and each command is resolved through the debugger's own registry (so `resp` is `r esp`,
 * `kfL200` is `kf L200`); then names and arguments are compared case-insensitively, with spacing around
 * operators ignored, hex numbers without `0x` or leading zeros (`0x0c` = `c`, `0030:00000040` = `30:40`),
 * `0n` decimals as hex, and `ntkrpamp!` as its alias `nt!`.
 */
import { resolveCommand, splitCommands, type Registry } from '../../analyzer';

export interface CanonicalCommand { name: string; args: string }

/**
 * One word of an argument: a number (or an `L` count) in canonical hex, anything else as is. The same
 * rewriting applies to both sides, so a word that only looks like a number (`add`) still compares equal.
 */
function canonicalWord(w: string): string {
  const dec = /^(l?)0n([0-9]+)$/.exec(w);
  if (dec) return `${dec[1]}${BigInt(dec[2]).toString(16)}`;
  const hex = /^(l?)(?:0x)?([0-9a-f]+)$/.exec(w);
  return hex ? `${hex[1]}${BigInt(`0x${hex[2]}`).toString(16)}` : w;
}

export function canonicalArgs(args: string): string {
  const lower = args.toLowerCase().replace(/\bntkrpamp!/g, 'nt!').replace(/\s+/g, ' ').trim();
  const tight = lower.replace(/\s*([-+*/:,=()[\]])\s*/g, '$1');
  return tight.replace(/[0-9a-z_@$.!]+/g, (w) => (/[!.]/.test(w) ? w : canonicalWord(w)));
}

/** The commands of a line in canonical form; undefined when a part names no command. */
export function canonicalLine(line: string, registry: Registry): CanonicalCommand[] | undefined {
  const out: CanonicalCommand[] = [];
  for (const part of splitCommands(line.trim())) {
    const found = resolveCommand(part.text, registry);
    if (!found) return undefined;
    out.push({ name: found.invokedAs.toLowerCase(), args: canonicalArgs(found.args) });
  }
  return out;
}

export type MatchResult =
  | { kind: 'same' }
  /** The same command(s), other arguments. */
  | { kind: 'args'; typed: CanonicalCommand[] }
  /** Another command, or text the debugger would not read as a command. */
  | { kind: 'other' };

/** Compares what was typed with the step's accepted forms (the first is the one shown to the learner). */
export function matchCommand(typed: string, accepted: string[], registry: Registry): MatchResult {
  const got = canonicalLine(typed, registry);
  if (!got?.length) return { kind: 'other' };
  let sameNames = false;
  for (const form of accepted) {
    const want = canonicalLine(form, registry) ?? [];
    if (want.length !== got.length || want.some((w, i) => w.name !== got[i].name)) continue;
    if (want.every((w, i) => w.args === got[i].args)) return { kind: 'same' };
    sameNames = true;
  }
  return sameNames ? { kind: 'args', typed: got } : { kind: 'other' };
}
