/**
 * The trainer's answer key for a class: per student dump, what the lab will accept — the culprit, the key
 * addresses, the bytes per driver — all read from the dump (labFacts.ts), next to the scenario's ground truth
 * (culprit and bytes per module) so a disagreement shows on the page instead of in a student's grade.
 */
import { hex8, type LabFacts } from './labFacts';

export interface KeyEntry {
  student: string;
  dump: string;
  seed: number;
  facts: LabFacts;
  /** The scenario's truth (simulate's `truth`): culprit module and bytes per module. */
  truth: { culprit?: string; modules: { module: string; bytes: number }[] };
}

/** Where the dump's analysis and the truth differ (culprit, or a module's bytes); empty when they agree. */
export function disagreements(e: KeyEntry): string[] {
  const out: string[] = [];
  const culprit = e.facts.modules[0]?.module;
  if (e.truth.culprit !== undefined && e.truth.culprit !== culprit) out.push(`culprit: analysis ${culprit}, truth ${e.truth.culprit}`);
  for (const t of e.truth.modules) {
    const a = e.facts.modules.find((m) => m.module === t.module)?.bytes;
    if (a !== t.bytes) out.push(`${t.module}: analysis ${a === undefined ? 'none' : `0x${a.toString(16)}`}, truth 0x${t.bytes.toString(16)}`);
  }
  return out;
}

const hx = (n: number) => `0x${n.toString(16)}`;

export function renderKey(entries: KeyEntry[], scenario: string): string {
  const lines = [`# kdsim lab: answer key (${scenario}, ${entries.length} students)`, '',
    'Every value is read from the student\'s dump; the lab checks the same values. Bytes are `!stackusage`\'s; the',
    'lab also accepts the Memory column of `kf` summed by hand (shown in brackets when it differs).', '',
    '| student | dump | seed | culprit | most frequent in dps | task esp | cr2 | kf start | bytes per driver | truth |',
    '|---|---|---|---|---|---|---|---|---|---|'];
  for (const e of entries) {
    const f = e.facts;
    const bytes = f.modules.map((m) => {
      const hand = f.handSums.find((h) => h.module === m.module)?.bytes;
      return `${m.module} ${hx(m.bytes)}${hand !== undefined && hand !== m.bytes ? ` [${hx(hand)}]` : ''}`;
    }).join(', ');
    const off = disagreements(e);
    lines.push(`| ${e.student} | ${e.dump} | ${e.seed} | ${f.modules[0]?.module ?? '-'} | ${f.suspects[0]?.module ?? '-'} | ${hex8(f.task.esp)} | `
      + `${hex8(f.cr2)} | \`${f.kCommand}\` | ${bytes} | ${off.length ? `differs: ${off.join('; ')}` : 'agrees'} |`);
  }
  return `${lines.join('\n')}\n`;
}
