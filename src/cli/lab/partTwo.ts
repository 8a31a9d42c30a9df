/**
 * Walkthrough Part 2, steps 27-32 (walkthrough.md "Part 2"): the stack rebuilt by hand as the blog teaches it.
 * `dps` over [StackLimit, StackBase), the drivers whose return addresses recur, `lm kv m` and `!lmi` on them,
 * `kf = <ebp> <esp> <eip>` from the rebuilt chain's first frame, the bytes per driver added up from kf's Memory
 * column; only then `!stackusage` confirms. Every question's answer is read from the dump (labFacts.ts).
 */
import { hex8, type LabFacts } from './labFacts';
import type { LabStep } from './labStep';

const hx = (n: number): string => `0x${n.toString(16)}`;

export function partTwo(f: LabFacts): LabStep[] {
  const limit = hex8(f.thread.limit);
  const base = hex8(f.thread.base);
  const stackBytes = f.thread.base - f.thread.limit;
  const [first, second] = f.suspects;
  const culprit = f.modules[0];
  // The question on bytes names another driver than the culprit, so it is not the answer to the next one.
  const other = f.modules.find((m) => m.module !== culprit.module && m.module !== 'nt') ?? culprit;
  const handOther = f.handSums.find((m) => m.module === other.module)?.bytes;
  const steps: LabStep[] = [
    {
      n: 27, command: '!thread',
      goal: 'Part 2 starts from the thread again: its process, and the stack range to search, [Limit, Base).',
      expect: [`...Owning Process ${hex8(f.thread.process)} Image: ${f.thread.image}...`, `...Base ${base} Limit ${limit}...`],
      notice: [{ line: `...Base ${base} Limit ${limit}...`, says: 'the range to dump next' }],
      hint: 'The same !thread as in step 16.',
    },
    {
      n: 28, command: `dps ${limit} ${base}`,
      goal: 'k cannot walk, so dump the whole stack as pointers with symbols. Return addresses into the same drivers '
        + 'turn up again and again: the module whose addresses recur all over the 12 KB is the prime suspect.',
      expect: [`${limit}...`, `${base}...`],
      notice: [{ line: `...${f.dpsHits.find((h) => h.module !== 'nt')?.module ?? 'nt'}!...`, says: 'one of the recurring return addresses' }],
      hint: `dps with the range from StackLimit to StackBase: ${limit} ${base}.`,
      questions: first ? [{
        ask: 'Leaving nt aside, which driver\'s return addresses appear most often in this output?',
        kind: 'module', answer: first.module,
        hint: 'Count the module!symbol names at the end of the lines; nt is there too, but it is the kernel.',
        says: `${first.module}: ${f.dpsHits.find((h) => h.module === first.module)?.count} return addresses in the 12 KB`,
      }] : undefined,
    },
  ];
  if (first) {
    steps.push({
      n: 29, command: `lm kv m ${first.module}`,
      goal: 'Who ships the suspect? lm with k (kernel modules), v (verbose) and m (a name pattern) shows its image, '
        + 'its version resources and the product it belongs to.',
      expect: [`${hex8(first.start)} ${hex8(first.end)} ${first.module}...`, `...Image name: ${first.image}`],
      notice: [{ line: '...ProductName...', says: 'the product that also ships the process\'s executable' }],
      hint: `lm with the options k, v and m, then the module name ${first.module}.`,
      questions: [{
        ask: `At which address does ${first.module} start?`, kind: 'number', answer: first.start,
        hint: 'The first column of lm\'s module line is its start.', says: `${first.module} spans [${hex8(first.start)}, ${hex8(first.end)})`,
      }],
    });
  }
  if (second) {
    steps.push({
      n: 30, command: `!lmi ${second.module}`,
      goal: 'A second view of a suspect\'s image header (timestamp, size, symbol status): the same product again?',
      expect: [`...Module: ${second.module}`, `...Base Address: ${hex8(second.start)}`, `...Image Name: ${second.image}`],
      notice: [{ line: '...Time Stamp:...', says: 'built at the same time as the other drivers of the product?' }],
      hint: `!lmi with the module name ${second.module}.`,
    });
  }
  steps.push(
    {
      n: 31, command: `${f.kCommand} L200`,
      goal: 'Pick the frame the rebuilt chain starts at (EBP, ESP and EIP of the code that took the first, ordinary '
        + 'page fault) and make WinDbg walk from it: k = <ebp> <esp> <eip>. kf\'s Memory column is the bytes each frame took.',
      expect: ['Memory ChildEBP RetAddr', `...${f.chain[1] ?? f.chain[0]}`, `...${f.chain[f.chain.length - 1]}`],
      notice: [{ line: `...${f.chain[f.chain.length - 1]}`, says: 'the outermost frame: the chain reaches the system call' }],
      hint: `kf = followed by the frame's ebp, esp and eip, then L200: ${f.kCommand} L200.`,
      questions: [
        {
          ask: `Add up the Memory column over ${other.module}'s frames: how many bytes did ${other.module} use?`,
          kind: 'number', answer: other.bytes, alsoAccept: handOther === undefined ? [] : [handOther],
          hint: `Sum the Memory values (hex) of the lines whose symbol starts with ${other.module}!.`,
          says: `${other.module} used ${hx(other.bytes)} bytes of the ${hx(stackBytes)}`,
        },
        {
          ask: 'Which driver used the most of the stack?', kind: 'module', answer: culprit.module,
          hint: 'Do the same sum for each driver in the chain and compare.',
          says: `${culprit.module}: ${hx(culprit.bytes)} bytes, the most of any module`,
        },
      ],
    },
    {
      n: 32, command: '!stackusage',
      goal: 'Confirm with kdsim\'s reconstruction: the chain over the whole 12 KB, each frame proved, bytes per module. '
        + 'The frame that touched the guard page is not the culprit.',
      expect: [`Stack use of thread ${hex8(f.thread.ethread)} (${f.thread.image}): [${limit}, ${base}), ${hx(stackBytes)} bytes, InitialStack ${hex8(f.thread.initialStack)}`,
        `Bytes per module (of ${hx(stackBytes)}):`, ...f.modules.map((m) => `...${hx(m.bytes)} ${m.percent.toFixed(1)}%...`), f.kCommand],
      notice: [
        { line: `...${hx(culprit.bytes)} ${culprit.percent.toFixed(1)}%...`, says: 'the module that used the most of the 12 KB' },
        { line: '(NPX area)...', says: 'the thread\'s own area above InitialStack, no driver\'s' },
        { line: f.kCommand, says: 'the same start you gave kf in step 31' },
      ],
      hint: 'kdsim\'s extension that rebuilds the stack is !stackusage.',
    },
  );
  return steps;
}
