/**
 * Scenario `filter-pileup`: a write from FileSync.exe passes down seven file-system filters (antivirus,
 * encryption, backup, quota, DLP, archive, replication), each using 1–2 KB of the 12 KB kernel stack, until the
 * lowest one's buffer probe faults in the guard page (BugCheck 0x7F, Arg1 8): the classic real-world 0x7F/8 with
 * no single big consumer. The seed picks which filters run their pre-operation callbacks; the truth's culprit is
 * the filter that used the most, and the lesson is the per-module table, not one frame.
 */
import { overflowScenario } from '../overflowFamily/scenario';
import { dispatchOf, filterModules, LOWEST } from './drivers';

const MODULES = ['AvScanF', 'EncFlt', 'BkpFlt', 'QuotaF', 'DlpFlt', 'ArchFlt', LOWEST];

export const filterPileup = overflowScenario({
  name: 'filter-pileup',
  summary: 'Server 2003 SP2 x86 PAE, 4 CPUs: seven file-system filters, each 1-2 KB, pile up on one write until the 12 KB stack is gone, 0x7F/8 (no single big consumer)',
  defaultSeed: 1,
  crashCpu: 3,
  drivers: filterModules,
  process: { eprocess: 0x8772c020, pid: 0x6e8, parentPid: 0x26c, imageName: 'FileSync.exe', peb: 0x7ffd7000 },
  thread: { tid: 0x71c, teb: 0x7ffdc000, win32StartAddress: 0x00403b90 },
  plan: {
    stackBase: 0xb8f3d000, thread: 0x8772a6b8, irp: 0x87698e70, mdl: 0x876a2b18, ioctl: 0x00222013,
    userBuffer: 0x02140000, userEsp: 0x0211fc80, userEbp: 0x0211fcc8,
    devices: Object.fromEntries(MODULES.map((m, i) => [m, { device: 0x87e10030 + i * 0x2000, driver: 0x87e11200 + i * 0x2000 }])),
    firstCallee: dispatchOf('AvScanF'),
    tailEntry: dispatchOf(LOWEST), tailCall: 0,
    allocaFunction: 'ReplFlt!ReplCaptureWrite', lockFunction: 'ReplFlt!ReplLockUserBuffer', allocaRange: [0x20, 0x200],
    staleText: '\\Device\\HarddiskVolume2\\Shares\\Engineering\\sync\\~$design-review.docx',
  },
});
