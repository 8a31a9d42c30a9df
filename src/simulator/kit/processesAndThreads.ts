/**
 * The box's processes and threads: Idle (KiInitialProcess) with one idle thread per processor, System with its
 * first thread, and the story's process with the crashing thread (running on the crash processor, its kernel stack
 * the story's). The process's PAE top-level frame is reserved here; its address space is filled last.
 */
import { PoolAllocator } from '../kernel/pool';
import { writeProcess, writeThread } from '../kernel/processes';
import type { StructWriter } from '../kernel/structWriter';
import type { PhysicalMemory } from '../memory/physicalMemory';
import * as B from './box';
import type { Death } from './death';
import type { CrashStory, CrashedStack } from './machine';
import type { NtData } from './ntData';

export interface ProcessesInput {
  w: StructWriter;
  phys: PhysicalMemory;
  sym: (name: string) => number;
  ntData: NtData;
  blocks: B.CpuBlock[];
  systemDtb: number;
  story: CrashStory<CrashedStack>;
  death: Death;
}

export function writeProcessesAndThreads(p: ProcessesInput): { paeTopPfn: number; pool: PoolAllocator } {
  const { w, phys, sym, ntData, blocks, story, death } = p;
  const limit = story.stackBase - B.KERNEL_STACK_SIZE;
  const pool = new PoolAllocator(B.POOL.start, B.POOL.end);
  const active = ntData.PsActiveProcessHead;
  w.fill('_LIST_ENTRY', active, { Flink: active, Blink: active });
  writeProcess(w, { eprocess: ntData.KiInitialProcess, pid: 0, parentPid: 0, imageName: 'Idle', dtb: p.systemDtb, paeTop: 0, peb: 0, createTime: 0n, affinity: 0xf }, undefined);
  const bootTime = B.SYSTEM_TIME - B.UP_TIME;
  writeProcess(w, { eprocess: B.SYSTEM_PROCESS, pid: 4, parentPid: 0, imageName: 'System', dtb: p.systemDtb, paeTop: 0, peb: 0, createTime: 0n, affinity: 0xf }, active);
  const paeTopPfn = phys.allocate();                   // the story process's PAE top level (PDPT)
  const paeTop = 0xc0600000 + 0x3000;
  const sp = story.process;
  writeProcess(w, { eprocess: sp.eprocess, pid: sp.pid, parentPid: sp.parentPid, imageName: sp.imageName, dtb: 0, paeTop, peb: sp.peb, createTime: sp.createTime, affinity: 0xf }, active);
  const threadBase = { state: 5, processor: 0, teb: 0, trapFrame: 0, priority: 16, startAddress: sym('KiIdleLoop'), win32StartAddress: 0, kernelTime: 0x2f1, userTime: 0, contextSwitches: 0x1c2, waitTime: 0x1a6d3f0, systemThread: true, createTime: bootTime };
  writeThread(w, { ...threadBase, ethread: B.SYSTEM_THREAD, process: B.SYSTEM_PROCESS, tid: 8, pid: 4, initialStack: 0xf78a0000 - 0x210, stackBase: 0xf78a0000, stackLimit: 0xf789d000, kernelStack: 0xf789fcc8 });
  for (const b of blocks) {
    const base = B.IDLE_STACK_BASE(b.number);
    w.mem.ensureMapped(base - B.KERNEL_STACK_SIZE, B.KERNEL_STACK_SIZE);
    writeThread(w, {
      ...threadBase, ethread: b.idleThread, process: ntData.KiInitialProcess, tid: 0, pid: 0, state: b.number === story.crashCpu ? 1 : 2,
      processor: b.number, priority: 0, initialStack: base - 0x210, stackBase: base, stackLimit: base - B.KERNEL_STACK_SIZE, kernelStack: base - 0x23c,
    });
  }
  const st = story.thread;
  writeThread(w, {
    ...threadBase, ethread: st.ethread, process: sp.eprocess, tid: st.tid, pid: sp.pid, state: 2, processor: story.crashCpu, teb: st.teb,
    trapFrame: death.initialStack - w.sizeof('_KTRAP_FRAME'), priority: st.priority, startAddress: st.startAddress, win32StartAddress: st.win32StartAddress,
    kernelTime: st.kernelTime, userTime: st.userTime, contextSwitches: st.contextSwitches, waitTime: st.waitTime, systemThread: false, createTime: st.createTime,
    initialStack: death.initialStack, stackBase: story.stackBase, stackLimit: limit, kernelStack: death.initialStack - st.kernelStackBelowInitial,
  });

  return { paeTopPfn, pool };
}
