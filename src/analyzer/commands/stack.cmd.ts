/**
 * The `k` family: `k`, `kb`, `kv`, `kp`/`kP`, `kn`, `kf`, `kc`/`kC`, `kd`, letters combined (`kvn`, `kbn`,
 * `kfn`), a frame count (`kvL200`, `kb 100`, hex) and the start form `k = <ebp> <esp> <eip>`
 * (`kf = b8ae60ec b8ae6058 808813d8`). The walk is stackwalk/walker.ts over the session's environment
 * (model/stackEnvironment.ts); this file reads the arguments and prints WinDbg's layout.
 */
import { hex8 } from '../../common/hex';
import type { X86Registers } from '../../common/x86Registers';
import { DEFAULT_FRAME_COUNT } from '../stackwalk/walker';
import { renderRawStack, renderStack, stackFrameLine, type RawStackRow } from '../render/stack';
import type { StackColumns } from '../model/stackModel';
import { walkStackModel } from '../model/stackEnvironment';
import { CaretError } from '../session/errors';
import type { CommandResult, CommandSpec } from './types';
import type { SessionApi } from '../session/types';

const KD_DEFAULT_WORDS = 0x40;

export interface KArgs {
  columns: StackColumns;
  raw: boolean;
  count?: number;
  start?: { ebp: number; esp: number; eip: number };
}

/** `kvn L200`, `kf = a b c`, `kb 100`: option letters after `k`, then `=` registers and/or a count. */
export function parseKArgs(invokedAs: string, args: string, evaluate: (e: string) => number): KArgs {
  let letters = invokedAs.slice(1);
  let rest = args.trim();
  const more = /^([bvpPnNfcCd]+)(?=$|\s|[lL=])/.exec(rest);
  if (more) { letters += more[1]; rest = rest.slice(more[1].length).trim(); }
  const has = (c: string) => letters.toLowerCase().includes(c);
  const columns: StackColumns = {
    args: has('b') || has('v'), fpo: has('v'), numbers: has('n'), memory: has('f'), clean: has('c'),
  };
  const out: KArgs = { columns, raw: has('d') };
  const tokens = rest.split(/\s+/).filter(Boolean);
  for (let i = 0; i < tokens.length; i++) {
    let t = tokens[i];
    if (/^l/i.test(t)) {
      t = t.slice(1);
      if (!t.startsWith('=')) { out.count = evaluate(t || tokens[++i] || bad()); continue; }
    }
    if (t.startsWith('=')) {
      const regs = [t.slice(1), ...tokens.slice(i + 1)].filter(Boolean).slice(0, 3);
      if (regs.length < 3) bad();
      const used = t.length > 1 ? 2 : 3;
      out.start = { ebp: evaluate(regs[0]), esp: evaluate(regs[1]), eip: evaluate(regs[2]) };
      i += used;
      continue;
    }
    out.count = evaluate(t);
  }
  return out;
}
const bad = (): never => { throw new CaretError('Syntax error'); };

/** `.kframes n` changes how many frames a bare `k` walks (session memo 'kframes'). */
export const KFRAMES_MEMO = 'kframes';
export const defaultFrameCount = (session: SessionApi): number =>
  (session.memo.get(KFRAMES_MEMO) as number | undefined) ?? DEFAULT_FRAME_COUNT;

async function runK(session: SessionApi, args: string, invokedAs: string): Promise<CommandResult> {
  const k = parseKArgs(invokedAs, args, (e) => session.evaluate(e));
  const regs: X86Registers = k.start ? { ...session.regs, ...k.start } : session.regs;
  const lastSetContext = session.contextSource !== 'default';
  if (k.raw) return rawStack(session, regs, k.count ?? KD_DEFAULT_WORDS, lastSetContext);

  const model = await walkStackModel(session, regs, k.columns, k.count ?? defaultFrameCount(session));
  return { model, lines: renderStack(model) };
}

function rawStack(session: SessionApi, regs: X86Registers, words: number, lastSetContext: boolean): CommandResult {
  const rows: RawStackRow[] = [];
  for (let i = 0; i < Math.min(words, 0x10000); i++) {
    const at = (regs.esp + 4 * i) >>> 0;
    const v = session.vm.readU32(at);
    rows.push({ address: hex8(at), value: v === null ? null : hex8(v), symbol: v === null ? undefined : session.symbols.format(v) });
  }
  return { model: { rows }, lines: renderRawStack(rows, lastSetContext) };
}

const SUMMARIES: Record<string, string> = {
  k: 'k [= ebp esp eip] [L count] — stack backtrace (ChildEBP RetAddr)',
  kb: 'kb — backtrace with the first three arguments',
  kv: 'kv — backtrace with arguments and FPO/trap/TSS information',
  kp: 'kp — backtrace with parameters (public symbols: as k)',
  kn: 'kn — backtrace with frame numbers (combine: kvn, kbn)',
  kf: 'kf — backtrace with the Memory column (bytes between frames)',
  kc: 'kc — clean backtrace: module!function only',
  kd: 'kd [count] — raw stack dwords from esp with symbols',
};

/** `.frame [n]`: the current local context's frame (session memo 'frame'), printed as `kn` prints that frame. */
const FRAME_MEMO = 'frame';
const NUMBERED: StackColumns = { args: false, fpo: false, numbers: true, memory: false, clean: false };

async function runFrame(session: SessionApi, args: string): Promise<CommandResult> {
  const a = args.trim();
  const n = a ? session.evaluate(a) : ((session.memo.get(FRAME_MEMO) as number | undefined) ?? 0);
  const model = await walkStackModel(session, session.regs, NUMBERED, Math.max(defaultFrameCount(session), n + 1));
  const row = model.frames[n];
  if (!row) throw new CaretError('Frame number out of range');
  session.memo.set(FRAME_MEMO, n);
  return { model: row, lines: [stackFrameLine(row, NUMBERED)] };
}

export const commands: CommandSpec[] = [
  ...Object.entries(SUMMARIES).map(([name, summary]) => ({ name, summary, run: runK })),
  {
    name: '.frame',
    summary: '.frame [n] — select stack frame n of the current context (prints it as kn does)',
    run: runFrame,
  },
  {
    name: '.kframes',
    summary: '.kframes n — how many frames k walks by default',
    run(session, args) {
      if (!args.trim()) throw new CaretError('Syntax error');
      const n = session.evaluate(args.trim());
      if (n < 1) throw new CaretError('Syntax error');
      session.memo.set(KFRAMES_MEMO, n);
      return { model: { frames: n }, lines: [`Default stack trace depth is 0n${n} frames`] };
    },
  },
];
