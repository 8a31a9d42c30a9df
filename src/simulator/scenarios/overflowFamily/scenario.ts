/**
 * An overflow scenario from its definition: the kit's machine (Server 2003 SP2 PAE, 4 CPUs) with the scenario's
 * drivers, one user thread sending an IOCTL down its device stack until the 12 KB kernel stack meets the guard page
 * on the crash CPU (BugCheck 0x7F, Arg1 8), and the ground truth in got-stack's schema (docs/simulator.md
 * "Ground truth"), so the same comparison helpers check every scenario of the family.
 */
import { hex8 } from '../../../common/hex';
import type { X86Registers } from '../../../common/x86Registers';
import { DEMAND_ZERO_PTE, type PaeAddressSpace } from '../../memory/paeMapper';
import type { ModuleDef } from '../../image/modules';
import { KERNEL_STACK_SIZE, SYSTEM_TIME } from '../../kit/box';
import { dumpSpec } from '../../kit/dumpSpec';
import { buildMachine, type Machine, type StackContext } from '../../kit/machine';
import type { Scenario, SimulatedDump } from '../../kit/scenario';
import { regsJson } from '../../kit/truthJson';
import { buildOverflowStack, type OverflowPlan, type OverflowResult } from './overflowStack';

export interface OverflowScenarioDef {
  name: string;
  summary: string;
  defaultSeed: number;
  plan: OverflowPlan;
  drivers: () => ModuleDef[];
  crashCpu: number;
  process: { eprocess: number; pid: number; parentPid: number; imageName: string; peb: number };
  thread: { tid: number; teb: number; win32StartAddress: number };
}

export type OverflowMachine = Machine<OverflowResult>;

/** First-fault ESP: seeded in [limit + 0x44, limit + 0x64], a dword apart (as got-stack's non-blog seeds). */
const ESP_ABOVE_LIMIT: [number, number] = [0x44, 0x64];

export function buildOverflowMachine(def: OverflowScenarioDef, seed: number, ramBytes: number): OverflowMachine {
  const { plan } = def;
  const limit = plan.stackBase - KERNEL_STACK_SIZE;
  return buildMachine({
    seed, ramBytes, drivers: def.drivers(), crashCpu: def.crashCpu,
    process: { ...def.process, createTime: SYSTEM_TIME - 0x00000002540be400n },
    thread: {
      ethread: plan.thread, tid: def.thread.tid, teb: def.thread.teb, priority: 9, startAddress: 0x7c8106e9,
      win32StartAddress: def.thread.win32StartAddress, kernelTime: 0x31, userTime: 0x0c, contextSwitches: 0x5e2,
      waitTime: 0x1a6d3e9, createTime: SYSTEM_TIME - 0x0000000253c0b0e0n, kernelStackBelowInitial: 0x2a8,
    },
    stackBase: plan.stackBase,
    buildStack: (ctx: StackContext) => buildOverflowStack({
      ...ctx, plan,
      firstFaultEsp: limit + ESP_ABOVE_LIMIT[0] + 4 * ctx.rng.fork('esp').int(0, (ESP_ABOVE_LIMIT[1] - ESP_ABOVE_LIMIT[0]) / 4),
      sehHandler: ctx.sym('_except_handler3'),
      ntDeviceIoControlFile: ctx.sym('NtDeviceIoControlFile'),
      kiFastCallReturn: ctx.sym('KiFastCallEntry:r0'),
    }),
    userSpace: (proc: PaeAddressSpace) => { proc.setPte(plan.userBuffer, DEMAND_ZERO_PTE); },
  });
}

export function overflowScenario(def: OverflowScenarioDef): Scenario {
  return {
    name: def.name,
    summary: def.summary,
    defaultSeed: def.defaultSeed,
    defaultRamBytes: 16 << 20,
    minRamBytes: 16 << 20,
    flags: [],
    build({ seed, ramBytes }): SimulatedDump {
      const m = buildOverflowMachine(def, seed, ramBytes);
      const o = m.stack;
      const { plan } = def;
      const limit = plan.stackBase - KERNEL_STACK_SIZE;
      const { contextFlags, ...ctxRegs } = m.processors.bugcheckContext;
      const last = o.frames[o.frames.length - 1];
      const truth = {
        scenario: def.name,
        seed,
        ramBytes,
        bugcheck: { code: hex8(m.bugcheck.code), args: m.bugcheck.args.map(hex8), processor: def.crashCpu },
        thread: {
          ethread: hex8(plan.thread), eprocess: hex8(def.process.eprocess), imageName: def.process.imageName, teb: hex8(def.thread.teb),
          stackBase: hex8(plan.stackBase), stackLimit: hex8(limit), initialStack: hex8(o.initialStack), guardPage: hex8(limit - 0x1000),
        },
        firstFault: {
          eip: hex8(o.firstFault.eip), esp: hex8(o.firstFault.esp), ebp: hex8(o.firstFault.ebp), faultAddress: hex8(o.firstFault.address),
          errorCode: hex8(o.firstFault.errorCode), kCommand: `kf = ${hex8(o.firstFault.ebp)} ${hex8(o.firstFault.esp)} ${hex8(o.firstFault.eip)}`,
        },
        faultingInstruction: { address: hex8(m.tss28.eip), symbol: o.frames[0].symbol, bytes: '89550c', text: 'mov dword ptr [ebp+0Ch],edx', target: hex8(m.tss28.ebp + 0xc) },
        cr2: hex8(o.cr2),
        exceptionList: hex8(o.exceptionList),
        trapFrame: {
          address: hex8(limit), size: o.firstFault.esp - limit,
          ktrapFrame: hex8(o.trapFrame), ktrapFrameBytes: o.firstFault.esp - o.trapFrame,
        },
        registers: {
          tss28: regsJson(m.tss28),
          tss50: regsJson(m.processors.tss50),
          bugcheckContext: regsJson(ctxRegs as X86Registers),
        },
        regions: {
          trapResidue: { start: hex8(limit), end: hex8(o.firstFault.esp), bytes: o.firstFault.esp - limit },
          callFrames: { start: hex8(o.firstFault.esp), end: hex8(o.initialStack), bytes: o.initialStack - o.firstFault.esp },
          npx: { start: hex8(o.initialStack), end: hex8(plan.stackBase), bytes: plan.stackBase - o.initialStack },
        },
        npxBytes: plan.stackBase - o.initialStack,
        frames: o.frames,
        outermostFrame: last.symbol,
        modules: o.modules,
        culprit: { module: o.modules[0].module, image: `${o.modules[0].module}.sys` },
        allocaBytes: o.allocaBytes,
        staleReturnAddresses: o.staleReturnAddresses.map((s) => ({ at: hex8(s.at), value: hex8(s.value), symbol: m.symbolize(s.value).text })),
      };
      return { spec: dumpSpec(m), truth, modules: m.modules };
    },
  };
}
