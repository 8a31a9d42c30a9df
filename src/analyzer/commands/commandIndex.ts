/**
 * Every command family, listed statically so that the bundled CLI (one file, no folder to read) and the compiled
 * tree find the same commands. `registry.test.ts` fails when a `*.cmd.ts` file is missing here.
 * Each entry is a thunk: a module loads when the registry is first built, not when this file is imported.
 */
import type { CommandSpec } from './types';

type CommandModule = { commands: CommandSpec[] };

/* eslint-disable @typescript-eslint/no-var-requires */
export const COMMAND_MODULES: Record<string, () => CommandModule> = {
  'analyze.cmd': () => require('./analyze.cmd'),
  'context.cmd': () => require('./context.cmd'),
  'cpuinfo.cmd': () => require('./cpuinfo.cmd'),
  'dg.cmd': () => require('./dg.cmd'),
  'disasm.cmd': () => require('./disasm.cmd'),
  'dt.cmd': () => require('./dt.cmd'),
  'dumpDebug.cmd': () => require('./dumpDebug.cmd'),
  'error.cmd': () => require('./error.cmd'),
  'evaluate.cmd': () => require('./evaluate.cmd'),
  'events.cmd': () => require('./events.cmd'),
  'idt.cmd': () => require('./idt.cmd'),
  'irql.cmd': () => require('./irql.cmd'),
  'lm.cmd': () => require('./lm.cmd'),
  'lmi.cmd': () => require('./lmi.cmd'),
  'ln.cmd': () => require('./ln.cmd'),
  'memory.cmd': () => require('./memory.cmd'),
  'pcr.cmd': () => require('./pcr.cmd'),
  'physical.cmd': () => require('./physical.cmd'),
  'prcb.cmd': () => require('./prcb.cmd'),
  'process.cmd': () => require('./process.cmd'),
  'pte.cmd': () => require('./pte.cmd'),
  'registers.cmd': () => require('./registers.cmd'),
  'session.cmd': () => require('./session.cmd'),
  'stack.cmd': () => require('./stack.cmd'),
  'stackusage.cmd': () => require('./stackusage.cmd'),
  'strings.cmd': () => require('./strings.cmd'),
  'thread.cmd': () => require('./thread.cmd'),
  'x.cmd': () => require('./x.cmd'),
};
