/**
 * Scenario `got-stack`: the machine of the NTDebugging blog's "Got Stack? No." posts — Server 2003 SP2 PAE MP,
 * four processors, thread 87d68438 of StackHog.exe overflows its 12 KB kernel stack in the StackHog drivers and
 * CPU 3 double-faults (BugCheck 0x7F, Arg1 8). The default seed reproduces every value the blog prints.
 */
import { hex8 } from '../../../common/hex';
import type { X86Registers } from '../../../common/x86Registers';
import { KERNEL_STACK_SIZE } from '../../kit/box';
import { dumpSpec } from '../../kit/dumpSpec';
import type { Scenario, SimulatedDump } from '../../kit/scenario';
import { regsJson } from '../../kit/truthJson';
import * as P from './plan';
import { buildGotStackMachine } from './story';

export const GOT_STACK_DEFAULT_SEED = 1;

export const gotStack: Scenario = {
  name: 'got-stack',
  summary: 'Server 2003 SP2 x86 PAE, 4 CPUs: StackHog drivers overflow a 12 KB kernel stack, BugCheck 0x7F/8 on CPU 3 (the NTDebugging blog)',
  defaultSeed: GOT_STACK_DEFAULT_SEED,
  defaultRamBytes: 32 << 20,
  minRamBytes: 16 << 20,
  flags: [{
    name: 'blog-values',
    describe: 'the blog\'s exact values (innermost ESP b8ae6058); on by default for seed 1',
    defaultFor: (seed) => seed === GOT_STACK_DEFAULT_SEED,
  }],
  build({ seed, ramBytes, flags, mechanics }): SimulatedDump {
    const m = buildGotStackMachine({ seed, ramBytes, blogValues: flags['blog-values'], mechanics });
    const o = m.stack;
    const { contextFlags, ...ctxRegs } = m.processors.bugcheckContext;
    const spec = dumpSpec(m);
    const last = o.frames[o.frames.length - 1];
    const truth = {
      scenario: 'got-stack',
      seed,
      ramBytes,
      bugcheck: { code: hex8(m.bugcheck.code), args: m.bugcheck.args.map(hex8), processor: P.CRASH_CPU },
      thread: {
        ethread: hex8(P.THREAD), eprocess: hex8(P.PROCESS), imageName: 'StackHog.exe', teb: hex8(P.TEB),
        stackBase: hex8(P.STACK_BASE), stackLimit: hex8(P.STACK_BASE - KERNEL_STACK_SIZE), initialStack: hex8(o.initialStack),
        guardPage: hex8(P.STACK_BASE - KERNEL_STACK_SIZE - 0x1000),
      },
      firstFault: {
        eip: hex8(o.firstFault.eip), esp: hex8(o.firstFault.esp), ebp: hex8(o.firstFault.ebp), faultAddress: hex8(o.firstFault.address),
        errorCode: hex8(o.firstFault.errorCode), kCommand: `kf = ${hex8(o.firstFault.ebp)} ${hex8(o.firstFault.esp)} ${hex8(o.firstFault.eip)}`,
      },
      faultingInstruction: { address: hex8(m.tss28.eip), symbol: o.frames[0].symbol, bytes: '89550c', text: 'mov dword ptr [ebp+0Ch],edx', target: hex8(m.tss28.ebp + 0xc) },
      cr2: hex8(o.cr2),
      exceptionList: hex8(o.exceptionList),
      // The part of the first page fault's KTRAP_FRAME that is in the stack (the rest is in the guard page).
      trapFrame: {
        address: hex8(P.STACK_BASE - KERNEL_STACK_SIZE), size: o.firstFault.esp - (P.STACK_BASE - KERNEL_STACK_SIZE),
        ktrapFrame: hex8(o.trapFrame), ktrapFrameBytes: o.firstFault.esp - o.trapFrame,
      },
      registers: {
        tss28: regsJson(m.tss28),
        tss50: regsJson(m.processors.tss50),
        bugcheckContext: regsJson(ctxRegs as X86Registers),
      },
      regions: {
        trapResidue: { start: hex8(P.STACK_BASE - KERNEL_STACK_SIZE), end: hex8(o.firstFault.esp), bytes: o.firstFault.esp - (P.STACK_BASE - KERNEL_STACK_SIZE) },
        callFrames: { start: hex8(o.firstFault.esp), end: hex8(o.initialStack), bytes: o.initialStack - o.firstFault.esp },
        npx: { start: hex8(o.initialStack), end: hex8(P.STACK_BASE), bytes: P.STACK_BASE - o.initialStack },
      },
      npxBytes: P.STACK_BASE - o.initialStack,
      frames: o.frames,
      outermostFrame: last.symbol,
      modules: o.modules,
      culprit: { module: o.modules[0].module, image: `${o.modules[0].module}.sys` },
      allocaBytes: o.allocaBytes,
      staleReturnAddresses: o.staleReturnAddresses.map((s) => ({ at: hex8(s.at), value: hex8(s.value), symbol: m.symbolize(s.value).text })),
    };
    return { spec, truth, modules: m.modules };
  },
};
