/**
 * What the fuzz campaign feeds hostile input to, each seeded from the fixtures: the dump opener followed by a
 * set of commands (mutants of got-stack.dmp, patched in memory, and mutants of fixtures/malformed/), the
 * expression parser and evaluator, whole command lines, the ISF loader, and simulate's argument checks.
 * A target's `run` returns normally or throws a KdsimError for bad input; anything else is a crash, and a
 * command the dispatcher marks internal is one too.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { isKdsimError } from '../common/errors';
import { checkDistinct, checkOutputTarget } from '../common/outputFiles';
import { FileSource } from '../analyzer/source/fileSource';
import { MemorySource } from '../analyzer/source/memorySource';
import type { ByteSource } from '../analyzer/source/types';
import { openCrashDumpFrom } from '../analyzer/memory/openCrashDump';
import { createSymbolResolver } from '../analyzer/symbols';
import { DebugSession, openSession } from '../analyzer/session/debugSession';
import { executeLine } from '../analyzer/commands/dispatch';
import { parseExpression } from '../analyzer/expr/parser';
import { parseIsf, parseFrameData } from '../symbols/isfLoader';
import { parseSeed, parseSize } from '../cli/simulateCommand';
import { PatchedSource, type BytePatch } from './patchedSource';
import { mutateBytes, mutateText, Rng, INTERESTING_U32 } from './mutator';

export const ROOT = path.resolve(__dirname, '..', '..');
export const FIXTURE = path.join(ROOT, 'fixtures', 'dumps', 'got-stack.dmp');
const MALFORMED_DIR = path.join(ROOT, 'fixtures', 'malformed');

/** A crash: the input made kdsim fail in a way that is not a one-line KdsimError. */
export class FuzzCrash extends Error {}

export interface FuzzTarget {
  name: string;
  /** Builds the next input from the seed corpus and what ran before. */
  next(rng: Rng): unknown;
  run(input: unknown): Promise<void>;
  /** A short printable form of an input (for the crash log and regression cases). */
  describe(input: unknown): string;
  /** Removes what the target made (its sandbox folder); called once when the campaign ends. */
  dispose?(): void;
}

const expectClean = (e: unknown): void => { if (!isKdsimError(e)) throw e; };

async function runLines(session: DebugSession, lines: string[]): Promise<void> {
  for (const line of lines) {
    for (const done of await executeLine(session, line)) {
      if (done.internal) throw new FuzzCrash(`${line}: ${done.lines.join(' | ')}`);
    }
  }
}

/** Commands run on every dump mutant: the walkers, the reconstruction, structures, memory and disassembly. */
export const DUMP_COMMANDS = [
  'r', 'kv', 'kb', '!stackusage', 'dd esp L20', 'dps esp L10', 'ub eip L8', 'u eip', '!pcr', '!prcb', '!thread', 'lm',
  '.tss 28', '.tss 50', '.trap esp', '~1s', '!process 0 0', 'dt nt!_KTHREAD @$thread', '!idt', '.bugcheck', 'vertarget', '!analyze -v',
];

// ---- the dump opener with the command set -----------------------------------------------------------------

interface DumpInput { patches: { offset: number; value: number; width: 1 | 4 }[]; commands: string[]; malformed?: Uint8Array }

/** File offsets worth hitting: the header page and the pages of the structures the commands read. */
function hotOffsets(): number[] {
  const session = openSession(FIXTURE);
  try {
    const vm = session.dump.kernelVm;
    const vas = [session.dump.header.kdDebuggerDataBlock, session.regs.esp, session.regs.ebp, 0xf7737fe0, 0xf773a2e0, 0xffdff000,
      0xffdff120, session.currentThread ?? 0, session.currentProcess ?? 0, 0x809e3750, session.dump.header.psLoadedModuleList];
    const out: number[] = [];
    for (const va of vas) {
      const t = vm.translate(va >>> 0);
      if (!t.ok) continue;
      const run = session.dump.header.runs.find((r) => t.pa >= r.basePage * 0x1000 && t.pa < (r.basePage + r.pageCount) * 0x1000);
      if (run) out.push(run.fileOffset + (t.pa - run.basePage * 0x1000));
    }
    return out;
  } finally {
    session.dump.close();
  }
}

export function dumpTarget(): FuzzTarget & { close(): void } {
  const base = FileSource.open(FIXTURE);
  const hot = hotOffsets();
  const malformed = fs.readdirSync(MALFORMED_DIR).filter((f) => f.endsWith('.dmp')).map((f) => fs.readFileSync(path.join(MALFORMED_DIR, f)));
  return {
    name: 'dump',
    next(rng) {
      const commands = Array.from({ length: 1 + rng.below(3) }, () => rng.pick(DUMP_COMMANDS));
      if (rng.chance(0.15)) return { patches: [], commands, malformed: mutateBytes(rng, rng.pick(malformed), 6) } as DumpInput;
      const patches = Array.from({ length: 1 + rng.below(4) }, () => {
        const where = rng.below(10);
        const offset = where < 4 ? rng.below(0x1000) & ~3                                        // the header page
          : where < 9 ? ((rng.pick(hot) & ~0xfff) + (rng.below(0x1000) & ~3))                   // a structure's page
            : rng.below(base.size) & ~3;                                                          // anywhere
        const value = rng.chance(0.6) ? rng.pick(INTERESTING_U32) : rng.next();
        return { offset, value, width: (rng.chance(0.2) ? 1 : 4) as 1 | 4 };
      });
      return { patches, commands } as DumpInput;
    },
    async run(input) {
      const d = input as DumpInput;
      let src: ByteSource;
      if (d.malformed) src = new MemorySource(d.malformed, 'fuzz.dmp');
      else {
        const patches: BytePatch[] = d.patches.map((p) => {
          const b = Buffer.alloc(p.width);
          if (p.width === 4) b.writeUInt32LE(p.value >>> 0); else b[0] = p.value & 0xff;
          return { offset: p.offset, bytes: b };
        });
        src = new PatchedSource(base, patches, 'fuzz.dmp');
      }
      let session: DebugSession;
      try {
        const dump = openCrashDumpFrom(src, 'fuzz.dmp');
        session = new DebugSession(dump, createSymbolResolver(dump, { symbolPaths: [] }));
      } catch (e) {
        expectClean(e);
        return;
      }
      await runLines(session, d.commands);
    },
    describe(input) {
      const d = input as DumpInput;
      if (d.malformed) return `malformed mutant (${d.malformed.length} bytes, hex ${Buffer.from(d.malformed.subarray(0, 64)).toString('hex')}…); ${d.commands.join('; ')}`;
      return `${d.patches.map((p) => `${p.width === 4 ? 'dword' : 'byte'} @0x${p.offset.toString(16)}=0x${(p.value >>> 0).toString(16)}`).join(', ')}; ${d.commands.join('; ')}`;
    },
    close: () => base.close(),
  };
}

// ---- expressions and command lines on the fixture's session -----------------------------------------------

export const EXPR_SEEDS = [
  'esp', 'poi(esp)', 'eip-10', 'nt!KeBugCheckEx+17', '@$thread', 'dwo(@$csp+8)', '(1+2)*3', '0x10 mod 3', 'hi(eip) | low(esp)',
  'by(eip) == 8d', 'fs:0', '30:0', '-1 >> 4', '1 << 31', '0n10+0y101+0t7', 'f7737fe0', 'StackHog!ShBuildRequestPath+2c', 'not 0',
  'qwo(esp)', '[esp+4]', '$ip', '@eax + @ebx * 2', 'poi(poi(@$prcb+4))',
];

export const LINE_SEEDS = [
  'r', 'r eax', 'kv', 'kb 5', 'kf = ebp esp eip', 'dd esp', 'dd esp L8', 'db eip L?10', 'dps esp esp+40', 'dds esp L4', 'dq esp L2',
  'dd ffffff00 L-10', 'u eip', 'u eip L4', 'ub eip', 'uf nt!KeBugCheckEx', '? esp+4', '.formats 80000000', 'ln eip', 'x nt!Ke*',
  'dt nt!_KTHREAD', 'dt nt!_KPCR ffdff000', '!pcr', '!pcr 1', '!prcb 2', '!thread', '!process 0 0', '.tss 28', '.trap esp', '.cxr',
  '.thread', 'n 10', 'n 8', 'dg 28', '!idt', 'lm', 'lmv m nt', '!lmi nt', '~2s', '.bugcheck', 'vertarget', '.help', 'r; kv; dd esp L4',
];

export function exprTarget(session: () => DebugSession): FuzzTarget {
  return {
    name: 'expr',
    next: (rng) => (rng.chance(0.5) ? mutateText(rng, rng.pick(EXPR_SEEDS)) : mutateText(rng, `${rng.pick(EXPR_SEEDS)} ${rng.pick(['+', '*', '-', 'and'])} ${rng.pick(EXPR_SEEDS)}`, 10)),
    async run(input) {
      const text = input as string;
      try { parseExpression(text, 16); } catch (e) { expectClean(e); }
      try { session().evaluate(text); } catch (e) { expectClean(e); }
    },
    describe: (input) => JSON.stringify(input),
  };
}

export function lineTarget(session: () => DebugSession): FuzzTarget {
  return {
    name: 'command-line',
    next: (rng) => mutateText(rng, rng.pick(LINE_SEEDS), 5),
    run: (input) => runLines(session(), [input as string]),
    describe: (input) => JSON.stringify(input),
  };
}

// ---- the ISF loader ----------------------------------------------------------------------------------------

export function isfTarget(): FuzzTarget {
  const dir = path.join(ROOT, 'symbols', 'windows');
  const files = fs.readdirSync(dir).flatMap((pdb) => fs.readdirSync(path.join(dir, pdb)).map((f) => path.join(dir, pdb, f)))
    .filter((f) => f.endsWith('.json')).sort((a, b) => fs.statSync(a).size - fs.statSync(b).size).slice(0, 12);
  const seeds = files.map((f) => ({ frames: f.endsWith('.frames.json'), text: fs.readFileSync(f, 'utf8') }));
  return {
    name: 'isf',
    next(rng) {
      const s = rng.pick(seeds);
      const text = rng.chance(0.5) ? mutateText(rng, s.text, 8) : Buffer.from(mutateBytes(rng, Buffer.from(s.text), 8)).toString('latin1');
      return { frames: s.frames, text };
    },
    async run(input) {
      const { frames, text } = input as { frames: boolean; text: string };
      let json: unknown;
      try { json = JSON.parse(text); } catch { return; } // not JSON: readJsonFile's own one-line error
      try { if (frames) parseFrameData(json, 'fuzz.json'); else parseIsf(json, 'fuzz.json'); } catch (e) { expectClean(e); }
    },
    describe: (input) => JSON.stringify(input).slice(0, 400),
  };
}

// ---- simulate's arguments ----------------------------------------------------------------------------------

const SIM_WORDS = ['64M', '4G', '16M', '0x1000000', '1000', '12Q', '', '-', '0', '1', '0xffffffff', '0x100000000', '-3', '1e9', '4096K', 'NaN', ' 32M '];

/** parseSize, parseSeed and the output checks (never a write: the checks only look). */
export function simulateArgsTarget(): FuzzTarget {
  const sandbox = fs.mkdtempSync(path.join(os.tmpdir(), 'kdsim-fuzz-sim-'));
  fs.writeFileSync(path.join(sandbox, 'exists.dmp'), 'x');
  try { fs.symlinkSync(path.join(sandbox, 'exists.dmp'), path.join(sandbox, 'link.dmp')); } catch { /* no symlinks here */ }
  const names = ['exists.dmp', 'link.dmp', 'new.dmp', '', '-', '.', '..', 'no/dir/x.dmp', '/dev/null', '/dev/full', 'exists.dmp/x', 'a\u0000b'];
  return {
    name: 'simulate-args',
    next: (rng) => ({
      ram: mutateText(rng, rng.pick(SIM_WORDS), 3), seed: mutateText(rng, rng.pick(SIM_WORDS), 3),
      out: rng.chance(0.7) ? rng.pick(names) : mutateText(rng, rng.pick(names), 3), truth: rng.pick(names), force: rng.chance(0.5),
    }),
    async run(input) {
      const a = input as { ram: string; seed: string; out: string; truth: string; force: boolean };
      try { parseSize(a.ram); } catch (e) { expectClean(e); }
      try { parseSeed(a.seed); } catch (e) { expectClean(e); }
      const abs = (p: string) => (p.startsWith('/') || p === '' || p === '-' ? p : path.join(sandbox, p));
      try {
        const out = checkOutputTarget(abs(a.out), a.force, '-o');
        checkDistinct(out, checkOutputTarget(abs(a.truth), a.force, '--truth'), '--truth');
      } catch (e) { expectClean(e); }
    },
    describe: (input) => JSON.stringify(input),
    dispose: () => fs.rmSync(sandbox, { recursive: true, force: true }),
  };
}
