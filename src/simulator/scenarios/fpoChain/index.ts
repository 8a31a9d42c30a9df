/**
 * Scenario `fpo-chain`: BackupAgent.exe writes through CmpFlt.sys, whose block encoder and match finder call each
 * other per block without EBP frames until the 12 KB kernel stack is gone (BugCheck 0x7F, Arg1 8). `kb` from the
 * trap frame's EBP skips every FPO frame; the lesson is frame data and validated scanning.
 */
import { overflowScenario } from '../overflowFamily/scenario';
import { cmpFltModules } from './drivers';

export const fpoChain = overflowScenario({
  name: 'fpo-chain',
  summary: 'Server 2003 SP2 x86 PAE, 4 CPUs: CmpFlt.sys FPO functions call each other per block until the stack is gone, 0x7F/8 (the EBP chain skips them: frame data and scanning)',
  defaultSeed: 1,
  crashCpu: 0,
  drivers: cmpFltModules,
  process: { eprocess: 0x87a31d88, pid: 0x9d0, parentPid: 0x26c, imageName: 'BackupAgent.exe', peb: 0x7ffdb000 },
  thread: { tid: 0xb1c, teb: 0x7ffaf000, win32StartAddress: 0x00402f60 },
  plan: {
    stackBase: 0xb9012000, thread: 0x87a2f020, irp: 0x87640b58, mdl: 0x8769e3c0, ioctl: 0x0022200f,
    userBuffer: 0x01a50000, userEsp: 0x0197fe44, userEbp: 0x0197fe8c,
    devices: { CmpFlt: { device: 0x87a45b10, driver: 0x87a46e38 } },
    firstCallee: 'CmpFlt!CfDispatchDeviceControl',
    tailEntry: 'CmpFlt!CfEncodeBlock', tailCall: 1,
    allocaFunction: 'CmpFlt!CfEmitBlock', lockFunction: 'CmpFlt!CfLockUserBuffer', allocaRange: [0x20, 0x400],
    culprit: 'CmpFlt',
    staleText: '\\Device\\HarddiskVolume3\\Backups\\nightly\\catalog\\volume-0007.cat',
  },
});
