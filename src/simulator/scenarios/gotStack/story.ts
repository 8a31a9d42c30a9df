/**
 * The got-stack story on the kit's machine: StackHog.exe's thread 87d68438 sends IOCTL 0x222003 down the StackHog
 * product's device stack, the drivers recurse through each other with big locals, and the thread runs its 12 KB
 * stack into the guard page on CPU 3 (a double fault). With `blogValues` the first fault's ESP is the blog's
 * b8ae6058; otherwise the seed chooses it.
 */
import type { PaeAddressSpace } from '../../memory/paeMapper';
import { DEMAND_ZERO_PTE } from '../../memory/paeMapper';
import { buildMachine, type Machine, type StackContext } from '../../kit/machine';
import { buildOverflowStack, type OverflowResult } from './overflowStack';
import * as P from './plan';
import { productModules } from './productModules';
import { SYSTEM_TIME } from '../../kit/box';
import type { BuildMechanics } from '../../kit/buildMechanics';

export interface GotStackOptions {
  seed: number;
  ramBytes: number;
  /** The blog's exact values (its innermost ESP b8ae6058); otherwise the seed picks the ESP too. */
  blogValues: boolean;
  /** The build the box runs (Server 2003 SP2, the blog's, when unset). */
  mechanics?: BuildMechanics;
}

export type GotStackMachine = Machine<OverflowResult>;

export function buildGotStackMachine(opt: GotStackOptions): GotStackMachine {
  return buildMachine({
    seed: opt.seed,
    ramBytes: opt.ramBytes,
    ...(opt.mechanics ? { mechanics: opt.mechanics } : {}),
    drivers: productModules(),
    crashCpu: P.CRASH_CPU,
    process: { eprocess: P.PROCESS, pid: 0xa4c, parentPid: 0x5f0, imageName: 'StackHog.exe', peb: P.PEB, createTime: SYSTEM_TIME - 0x00000002540be400n },
    thread: {
      ethread: P.THREAD, tid: 0xd18, teb: P.TEB, priority: 10, startAddress: 0x7c8106e9, win32StartAddress: 0x00401c2e,
      kernelTime: 0x4b, userTime: 0x12, contextSwitches: 0x9d3, waitTime: 0x1a6d3e9, createTime: SYSTEM_TIME - 0x0000000253c0b0e0n,
      kernelStackBelowInitial: 0x2a8,
    },
    stackBase: P.STACK_BASE,
    buildStack: (ctx: StackContext) => buildOverflowStack({
      ...ctx,
      firstFaultEsp: opt.blogValues ? P.BLOG_FIRST_FAULT_ESP : P.FIRST_FAULT_ESP_RANGE[0] + 4 * ctx.rng.fork('esp').int(0, (P.FIRST_FAULT_ESP_RANGE[1] - P.FIRST_FAULT_ESP_RANGE[0]) / 4),
      sehHandler: ctx.sym('_except_handler3'),
      ntDeviceIoControlFile: ctx.sym('NtDeviceIoControlFile'),
      kiFastCallReturn: ctx.sym('KiFastCallEntry:r0'),
    }),
    userSpace: (proc: PaeAddressSpace) => { proc.setPte(P.USER_BUFFER, DEMAND_ZERO_PTE); },
  });
}
