/**
 * What the lab checks, read from the dump itself: the `!analyze` model, and the models of `!pcr`, `.tss`, `rcr2`,
 * `!thread`, `dps` and `!stackusage` through the analyzer's front door, in a session of its own (so the learner's
 * session is never moved). Nothing here is a constant of the blog's dump: a dump made with another seed, or
 * another overflow scenario, gives its own values, and the blog's dump gives the blog's.
 */
import { analysis, openDump, runLine, type Session } from '../../analyzer';

export interface ModuleBytes { module: string; image?: string; bytes: number; percent?: number }

export interface LabFacts {
  processor: number;
  kpcr: number;
  /** KPCR+0x40: the TSS the processor uses now. */
  tssAddress: number;
  exceptionList: number;
  /** The task the double fault interrupted (the TSS Backlink), and its saved registers. */
  taskSelector: number;
  task: { eip: number; esp: number; ebp: number; fs: number };
  /** The task register now (the double-fault task) and that task's boot state as `.tss` shows it. */
  tr: number;
  dfTask: { eip: number; esp: number; ebp: number; instruction: string[] };
  /** The faulting instruction as `.tss` shows it (symbol line, then the disassembly). */
  taskInstruction: string[];
  cr2: number;
  thread: { ethread: number; process: number; image: string; base: number; limit: number; initialStack: number };
  /** `kf = ebp esp eip`: WinDbg's walker from the rebuilt chain's first frame. */
  kCommand: string;
  /** The rebuilt chain's frames (`module!symbol+off`), innermost first. */
  chain: string[];
  /** Per module, kf's Memory column summed over its frames: what a learner adding up by hand gets. */
  handSums: ModuleBytes[];
  /** The suspects Part 2 looks up (the drivers dps shows most), with their `lm` start and end. */
  suspects: { module: string; image: string; start: number; end: number }[];
  /** Bytes per module, most first (the `!stackusage` model); the culprit is the first. */
  modules: (ModuleBytes & { percent: number })[];
  /** Return addresses `dps` shows over [limit, base), per module, most first. */
  dpsHits: { module: string; count: number }[];
}

const hex8 = (n: number): string => (n >>> 0).toString(16).padStart(8, '0');
export { hex8 };

async function model<T>(s: Session, line: string): Promise<T> {
  const done = await runLine(s, line);
  const last = done[done.length - 1];
  if (!last || last.error || last.model === undefined) throw new Error(`lab: \`${line}\` gave no model on this dump (${last?.lines.join(' ') ?? 'nothing'})`);
  return last.model as T;
}

interface PcrModel { processor: number; kpcr: number; tib: { ExceptionList: number }; pcr: { TSS: number } }
interface TssModel { registers: { eip: number; esp: number; ebp: number; fs: number }; instruction: string[] }
interface LmRow { name: string; image: string; start: number; end: number }
interface RModel { singles: [string, number, number][] }
interface StackUseModel { kCommand: string; frames: { symbol: string; module?: string; frameBytes: number }[]; modules: { module: string; imageName?: string; bytes: number; percent: number }[] }

/** Reads the lab's facts from `dumpPath` in a session of its own. */
export async function readFacts(dumpPath: string, symbolPaths: string[] = [], symbolPath?: string[]): Promise<LabFacts> {
  const s = openDump(dumpPath, { symbolPaths, ...(symbolPath ? { symbolPath } : {}) });
  try {
    const a = await analysis(s, 'windbg');
    if (!a.tss || !a.thread) throw new Error('lab: this dump has no double-fault task link or no current thread: not a kernel stack overflow');
    const th = a.thread;
    if (!th.stack || th.processName === undefined) throw new Error('lab: the current thread\'s stack bounds are unreadable in this dump');
    const stack = th.stack;
    const pcr = await model<PcrModel>(s, '!pcr');
    const tss = await model<TssModel>(s, `.tss 0x${a.tss.selector.toString(16)}`);
    const cr2 = (await model<RModel>(s, 'rcr2')).singles[0][1];
    const tr = (await model<RModel>(s, 'rtr')).singles[0][1];
    const use = await model<StackUseModel>(s, '!stackusage');
    const dps = await runLine(s, `dps ${hex8(stack.limit)} ${hex8(stack.base)}`);
    const counts = new Map<string, number>();
    for (const l of dps.flatMap((d) => d.lines)) {
      const m = /^[0-9a-f]{8}\s+[0-9a-f]{8}\s+([A-Za-z0-9_]+)!/.exec(l);
      if (m) counts.set(m[1], (counts.get(m[1]) ?? 0) + 1);
    }
    const hits = [...counts].map(([module, count]) => ({ module, count })).sort((x, y) => y.count - x.count || x.module.localeCompare(y.module));
    const suspects = [];
    for (const h of hits.filter((x) => x.module !== 'nt').slice(0, 2)) {
      const [lm] = await model<LmRow[]>(s, `lm m ${h.module}`);
      if (lm) suspects.push({ module: lm.name, image: lm.image, start: lm.start, end: lm.end });
    }
    const sums = new Map<string, number>();
    for (const fr of use.frames) if (fr.module) sums.set(fr.module, (sums.get(fr.module) ?? 0) + fr.frameBytes);
    const df = await model<TssModel>(s, `.tss 0x${tr.toString(16)}`); // last: it moves this session's context
    return {
      processor: pcr.processor, kpcr: pcr.kpcr, tssAddress: pcr.pcr.TSS, exceptionList: pcr.tib.ExceptionList,
      taskSelector: a.tss.selector,
      task: { eip: tss.registers.eip, esp: tss.registers.esp, ebp: tss.registers.ebp, fs: tss.registers.fs },
      taskInstruction: tss.instruction,
      cr2,
      thread: { ethread: th.thread, process: th.process ?? 0, image: th.processName, base: stack.base, limit: stack.limit, initialStack: stack.initialStack },
      kCommand: use.kCommand,
      chain: use.frames.map((f) => f.symbol),
      modules: use.modules.map((m) => ({ module: m.module, image: m.imageName, bytes: m.bytes, percent: m.percent })),
      dpsHits: hits, suspects,
      handSums: [...sums].map(([module, bytes]) => ({ module, bytes })).sort((x, y) => y.bytes - x.bytes),
      tr, dfTask: { eip: df.registers.eip, esp: df.registers.esp, ebp: df.registers.ebp, instruction: df.instruction },
    };
  } finally {
    s.dump.close();
  }
}
