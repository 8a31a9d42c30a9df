/**
 * One step of the lab: what it teaches, what to type, and how to tell that the output is right. The expected
 * lines follow walkthrough.md (the blog's printed lines) and the acceptance script check_walkthrough.py; the
 * lab runs every step in one session, in the blog's order, so no step needs a `.tss 0x28;` prefix.
 */
import type { ExpectRule } from './expect';

export interface Notice {
  /** An expected-line pattern (expect.ts syntax); the lab shows the output line it matches. */
  line: string;
  /** Why that value matters, in a few words. */
  says: string;
}

/** A question a step asks after its command ran; the answer comes from the dump (labFacts.ts). */
export interface Question {
  ask: string;
  /** What answers.ts compares the typed answer with. */
  kind: 'module' | 'number';
  /** The right answer: a module name, or a number (bytes, an address). */
  answer: string | number;
  /** More numbers accepted as right (a hand sum that credits frames differently than !stackusage does). */
  alsoAccept?: number[];
  /** Said after a wrong answer. */
  hint: string;
  /** Said after the right one: why it matters. */
  says: string;
}

export interface LabStep {
  /** The walkthrough's step number (walkthrough.md); the reveal at the end has the next number. */
  n: number;
  /** The command as the blog typed it: shown to the learner and accepted. */
  command: string;
  /** Other forms accepted as this step (beyond the spellings the matcher already treats as equal). */
  accept?: string[];
  /** What the lab runs when it differs from `command` (step 1: WinDbg's one-frame `!analyze -v`). */
  run?: string;
  /** What the step teaches, in one or two sentences. */
  goal: string;
  expect: string[];
  rule?: ExpectRule;
  notice: Notice[];
  /** Said after a wrong command. */
  hint: string;
  /** Walkthrough Part 2: questions to answer from the output before the step is done. */
  questions?: Question[];
}
