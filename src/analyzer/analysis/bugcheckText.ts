/**
 * The text `!analyze -v` prints above "Debugging Details": the bugcheck's title, its description from
 * WinDbg's bugcheck help, and the argument lines. Only descriptions kdsim has a confirmed source for are
 * here (windbg-output.md §2.2); any other bugcheck gets its name and bare arguments, nothing invented.
 */
import { bugcheckName, trapName, UNEXPECTED_KERNEL_MODE_TRAP } from '../../format/bugchecks';
import { hex8, hexMin } from '../../common/hex';

const DESCRIPTIONS: ReadonlyMap<number, readonly string[]> = new Map([
  [UNEXPECTED_KERNEL_MODE_TRAP, [
    'This means a trap occurred in kernel mode, and it\'s a trap of a kind',
    'that the kernel isn\'t allowed to have/catch (bound trap) or that',
    'is always instant death (double fault).  The first number in the',
    'bugcheck params is the number of the trap (8 = double fault, etc)',
    'Consult an Intel x86 family manual to learn more about what these',
    'traps are. Here is a *portion* of those codes:',
    'If kv shows a taskGate',
    '        use .tss on the part before the colon, then kv.',
    'Else if kv shows a trapframe',
    '        use .trap on that value',
    'Else',
    '        .trap on the appropriate frame will show where the trap was taken',
    '        (on x86, this will be the ebp that goes with the procedure KiTrap)',
    'Endif',
    'kb will then show the corrected stack.',
  ]],
]);

export interface BugcheckText {
  code: number;
  /** `UNEXPECTED_KERNEL_MODE_TRAP (7f)`, or WinDbg's line for a code it has no name for. */
  title: string;
  description: string[];
  /** `Arg1: 00000008, EXCEPTION_DOUBLE_FAULT` … */
  argLines: string[];
}

export function bugcheckText(code: number, args: readonly number[]): BugcheckText {
  const name = bugcheckName(code);
  const title = name ? `${name} (${hexMin(code >>> 0)})` : `Unknown bugcheck code (${hexMin(code >>> 0)})`;
  const description = [...(DESCRIPTIONS.get(code >>> 0) ?? (name ? [] : ['Unknown bugcheck description']))];
  const argLines = args.map((a, i) => {
    const note = argumentNote(code, i, a);
    return `Arg${i + 1}: ${hex8(a)}${note ? `, ${note}` : ''}`;
  });
  return { code: code >>> 0, title, description, argLines };
}

function argumentNote(code: number, index: number, value: number): string | undefined {
  if (code === UNEXPECTED_KERNEL_MODE_TRAP && index === 0) return trapName(value);
  return undefined;
}

/** `BUGCHECK_STR`: `0x7f_8` for 0x7F (trap number appended), else `0x<CODE>` as WinDbg 6.x prints it. */
export function bugcheckString(code: number, args: readonly number[]): string {
  if (code === UNEXPECTED_KERNEL_MODE_TRAP) return `0x7f_${hexMin(args[0] >>> 0)}`;
  return `0x${hexMin(code >>> 0).toUpperCase()}`;
}

/** The short banner line: `BugCheck 7F, {8, 0, 0, 0}`. */
export const bugcheckBannerLine = (code: number, args: readonly number[]): string =>
  `BugCheck ${hexMin(code >>> 0).toUpperCase()}, {${args.map((a) => hexMin(a >>> 0)).join(', ')}}`;
