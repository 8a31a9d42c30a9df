/**
 * Seven file-system filter drivers from seven vendors stacked on one volume, each an ordinary citizen: a dispatch
 * routine with a 1 KB context on its stack, an optional pre-operation callback (0x1a0..0x300 bytes) and an FPO
 * pass-down stub that sends the IRP to the next device through nt!IofCallDriver. Each uses 1–2 KB; together they
 * use the whole 12 KB. The lowest filter, ReplFlt, copies the caller's buffer (an _alloca) and probes it.
 */
import type { FnDef } from '../../code/frameFunction';
import type { ModuleDef } from '../../image/modules';
import { driverModules, fn, lockUserBuffer, type ImageRow } from '../overflowFamily/modules';

/** The upper six, top first: module, prefix, dispatch locals, pre-operation locals. */
const UPPER: [string, string, number, number][] = [
  ['AvScanF', 'Av', 0x3f0, 0x2c0],
  ['EncFlt', 'Enc', 0x430, 0x1a0],
  ['BkpFlt', 'Bkp', 0x400, 0x260],
  ['QuotaF', 'Quo', 0x450, 0x1e0],
  ['DlpFlt', 'Dlp', 0x410, 0x280],
  ['ArchFlt', 'Arc', 0x3e0, 0x220],
];
export const LOWEST = 'ReplFlt';

export const dispatchOf = (module: string): string => {
  const u = UPPER.find(([m]) => m === module);
  return `${module}!${u ? u[1] : 'Repl'}DispatchDeviceControl`;
};

function upperFilter([module, p, dispatchLocals, preOpLocals]: [string, string, number, number], next: string): FnDef[] {
  return [
    fn({ module, name: `${p}DispatchDeviceControl`, kind: 'ebp', localsBytes: dispatchLocals, saves: ['ebx', 'esi', 'edi'], paramBytes: 8, initializedLocals: 0x10,
      calls: [
        { target: `${module}!${p}PreOperation`, via: 'direct', args: [{ param: 0 }, { param: 1 }] },
        { target: `${module}!${p}PassDown`, via: 'direct', args: [{ param: 0 }, { param: 1 }] },
      ] }),
    fn({ module, name: `${p}PreOperation`, kind: 'ebp', localsBytes: preOpLocals, saves: ['esi', 'edi'], paramBytes: 8,
      calls: [{ target: `${module}!${p}PassDown`, via: 'direct', args: [{ param: 0 }, { param: 1 }] }] }),
    fn({ module, name: `${p}PassDown`, kind: 'fpo', localsBytes: 0x8, saves: ['esi'], paramBytes: 8, initializedLocals: 0,
      calls: [{ target: 'nt!IofCallDriver', via: 'import', args: [], fastcall: [{ param: 0 }, { param: 1 }], dispatchTo: next }] }),
  ];
}

export const FILTER_FUNCTIONS: FnDef[] = [
  ...UPPER.flatMap((u, i) => upperFilter(u, i + 1 < UPPER.length ? dispatchOf(UPPER[i + 1][0]) : dispatchOf(LOWEST))),
  fn({ module: LOWEST, name: 'ReplDispatchDeviceControl', kind: 'ebp', localsBytes: 0x300, saves: ['ebx', 'esi', 'edi'], paramBytes: 8, initializedLocals: 0x10,
    calls: [{ target: 'ReplFlt!ReplCaptureWrite', via: 'direct', args: [{ param: 1 }, { reg: 'esi' }, { imm: 0x1000 }] }] }),
  fn({ module: LOWEST, name: 'ReplCaptureWrite', kind: 'ebp', localsBytes: 0x100, saves: ['ebx', 'esi', 'edi'], paramBytes: 0xc, alloca: true,
    calls: [{ target: 'ReplFlt!ReplLockUserBuffer', via: 'direct', args: [{ param: 0 }, { reg: 'esi' }, { param: 2 }] }] }),
  lockUserBuffer(LOWEST, 'ReplLockUserBuffer'),
];

const ROWS: ImageRow[] = [
  ['AvScanF', 'AvScanF.sys', 0xba6b0000, 0x5000, 0x4a9e1f02, 'Antivirus On-Access Filter'],
  ['EncFlt', 'EncFlt.sys', 0xba6c0000, 0x5000, 0x4ab3c711, 'File Encryption Filter'],
  ['BkpFlt', 'BkpFlt.sys', 0xba6d0000, 0x5000, 0x4a7c0e95, 'Continuous Backup Filter'],
  ['QuotaF', 'QuotaF.sys', 0xba6e0000, 0x5000, 0x4a51d3a0, 'Directory Quota Filter'],
  ['DlpFlt', 'DlpFlt.sys', 0xba6f0000, 0x5000, 0x4ac8b27c, 'Data Loss Prevention Filter'],
  ['ArchFlt', 'ArchFlt.sys', 0xba700000, 0x5000, 0x4a3f66e1, 'Archive Stub Filter'],
  ['ReplFlt', 'ReplFlt.sys', 0xba710000, 0x5000, 0x4ae0a94b, 'Volume Replication Filter'],
];

/** One image per vendor (each module's own version resource). */
export const filterModules = (): ModuleDef[] => ROWS.flatMap((row) => driverModules([row], FILTER_FUNCTIONS, {
  CompanyName: `${row[5].split(' ')[0]} Filter Vendor`, ProductName: row[5], FileVersion: '6.0.2.100', LegalCopyright: 'Copyright (C) 2009',
}));
