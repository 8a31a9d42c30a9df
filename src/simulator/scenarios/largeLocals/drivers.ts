/**
 * RptDrv.sys builds an audit report with RdBuildReport, which keeps a 6 KB record buffer on the stack
 * (`UCHAR Record[0x1800]`); RptUtil.sys formats the record's fields through two functions that call each other,
 * ordinary 0xa0..0xc0-byte frames. One frame holds half the stack: the consumer a stack-usage table should name.
 */
import type { FnDef } from '../../code/frameFunction';
import type { ModuleDef } from '../../image/modules';
import { driverModules, fn, lockUserBuffer } from '../overflowFamily/modules';

export const REPORT_FUNCTIONS: FnDef[] = [
  fn({ module: 'RptDrv', name: 'RdDispatchDeviceControl', kind: 'ebp', localsBytes: 0x30, saves: ['ebx', 'esi', 'edi'], paramBytes: 8,
    calls: [{ target: 'RptDrv!RdHandleRequest', via: 'direct', args: [{ param: 1 }, { param: 0 }] }] }),
  fn({ module: 'RptDrv', name: 'RdHandleRequest', kind: 'ebp', localsBytes: 0x44, saves: ['esi', 'edi'], paramBytes: 8, initializedLocals: 0xc,
    calls: [{ target: 'RptDrv!RdBuildReport', via: 'direct', args: [{ param: 0 }, { local: -0x44 }, { imm: 0x1800 }] }] }),
  fn({ module: 'RptDrv', name: 'RdBuildReport', kind: 'ebp', localsBytes: 0x1800, saves: ['ebx', 'esi', 'edi'], paramBytes: 0xc, initializedLocals: 0x20,
    calls: [{ target: 'RptUtil!RuFormatField', via: 'import', args: [{ param: 0 }, { local: -0x1800 }, { param: 2 }] }] }),
  fn({ module: 'RptUtil', name: 'RuFormatField', kind: 'ebp', localsBytes: 0xa0, saves: ['esi', 'edi'], paramBytes: 0xc,
    calls: [{ target: 'RptUtil!RuAppendField', via: 'direct', args: [{ param: 0 }, { local: -0xa0 }, { param: 2 }] }] }),
  fn({ module: 'RptUtil', name: 'RuAppendField', kind: 'ebp', localsBytes: 0xc0, saves: ['ebx', 'esi', 'edi'], paramBytes: 0xc, initializedLocals: 0x10,
    calls: [
      { target: 'RptUtil!RuFormatField', via: 'direct', args: [{ param: 0 }, { local: -0xc0 }, { param: 2 }] },
      { target: 'RptUtil!RuCopyOut', via: 'direct', args: [{ param: 0 }, { reg: 'esi' }, { param: 2 }] },
    ] }),
  fn({ module: 'RptUtil', name: 'RuCopyOut', kind: 'ebp', localsBytes: 0x40, saves: ['ebx', 'esi', 'edi'], paramBytes: 0xc, alloca: true,
    calls: [{ target: 'RptUtil!RuLockUserBuffer', via: 'direct', args: [{ param: 0 }, { reg: 'esi' }, { param: 2 }] }] }),
  lockUserBuffer('RptUtil', 'RuLockUserBuffer'),
];

export const reportModules = (): ModuleDef[] => driverModules(
  [
    ['RptDrv', 'RptDrv.sys', 0xba6b0000, 0x6000, 0x4af0c3d1, 'Audit Report Driver'],
    ['RptUtil', 'RptUtil.sys', 0xba6c0000, 0x5000, 0x4af0c3c4, 'Audit Report Formatting Library'],
  ],
  REPORT_FUNCTIONS,
  { CompanyName: 'Ledgerline Software', ProductName: 'Ledgerline Audit', FileVersion: '5.2.0.1130', LegalCopyright: 'Copyright (C) 2004-2009 Ledgerline Software' },
);
