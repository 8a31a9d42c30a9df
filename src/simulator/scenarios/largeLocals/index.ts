/**
 * Scenario `large-locals`: AuditSvc.exe asks RptDrv.sys for a report; RdBuildReport's 6 KB local record buffer takes
 * half the 12 KB kernel stack in one frame, and ordinary formatting frames below it finish the job (BugCheck 0x7F,
 * Arg1 8). The lesson: the innermost frames are not the consumer; the frame sizes are.
 */
import { overflowScenario } from '../overflowFamily/scenario';
import { reportModules } from './drivers';

export const largeLocals = overflowScenario({
  name: 'large-locals',
  summary: 'Server 2003 SP2 x86 PAE, 4 CPUs: RptDrv!RdBuildReport keeps a 6 KB buffer on the stack, ordinary frames below it overflow, 0x7F/8 (read the frame sizes)',
  defaultSeed: 1,
  crashCpu: 2,
  drivers: reportModules,
  process: { eprocess: 0x8758c788, pid: 0x3b8, parentPid: 0x26c, imageName: 'AuditSvc.exe', peb: 0x7ffd9000 },
  thread: { tid: 0x4f4, teb: 0x7ffdd000, win32StartAddress: 0x01003a2c },
  plan: {
    stackBase: 0xb86d5000, thread: 0x8758b5a8, irp: 0x876f0e30, mdl: 0x87714c60, ioctl: 0x0022200b,
    userBuffer: 0x00c40000, userEsp: 0x00aef95c, userEbp: 0x00aef9a4,
    devices: { RptDrv: { device: 0x87596a38, driver: 0x87597710 } },
    firstCallee: 'RptDrv!RdDispatchDeviceControl',
    tailEntry: 'RptUtil!RuAppendField', tailCall: 1,
    allocaFunction: 'RptUtil!RuCopyOut', lockFunction: 'RptUtil!RuLockUserBuffer', allocaRange: [0x20, 0x400],
    culprit: 'RptDrv',
    staleText: '\\Device\\HarddiskVolume1\\Ledgerline\\Reports\\2009-11\\audit-daily.rpt',
  },
});
