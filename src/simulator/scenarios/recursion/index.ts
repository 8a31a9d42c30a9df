/**
 * Scenario `recursion`: TreeIndex.exe asks DirWalk.sys to index a deep directory tree; DwWalkDirectory calls itself
 * once per level until the thread's 12 KB kernel stack runs into the guard page (BugCheck 0x7F, Arg1 8). One driver,
 * one function, repeated: the lesson is to count the repeated frames, not to look for one big one.
 */
import { overflowScenario } from '../overflowFamily/scenario';
import { dirWalkModules } from './drivers';

export const recursion = overflowScenario({
  name: 'recursion',
  summary: 'Server 2003 SP2 x86 PAE, 4 CPUs: DirWalk!DwWalkDirectory calls itself per directory level until the 12 KB stack is gone, 0x7F/8 (count the repeated frames)',
  defaultSeed: 1,
  crashCpu: 1,
  drivers: dirWalkModules,
  process: { eprocess: 0x8761a020, pid: 0x7c4, parentPid: 0x5f0, imageName: 'TreeIndex.exe', peb: 0x7ffdf000 },
  thread: { tid: 0x8a0, teb: 0x7ffde000, win32StartAddress: 0x00401a10 },
  plan: {
    stackBase: 0xb7c41000, thread: 0x87619b40, irp: 0x876e2e48, mdl: 0x8772a0c8, ioctl: 0x00222007,
    userBuffer: 0x00b20000, userEsp: 0x0012fd30, userEbp: 0x0012fd7c,
    devices: { DirWalk: { device: 0x8765c030, driver: 0x8765d2c8 } },
    firstCallee: 'DirWalk!DwDispatchDeviceControl',
    tailEntry: 'DirWalk!DwWalkDirectory', tailCall: 1,
    allocaFunction: 'DirWalk!DwReadEntries', lockFunction: 'DirWalk!DwLockUserBuffer', allocaRange: [0x20, 0x400],
    culprit: 'DirWalk',
    staleText: '\\Device\\HarddiskVolume2\\Archive\\2009\\Projects\\Build\\obj\\i386\\intermediate',
  },
});
