/**
 * CmpFlt.sys, a compression filter built with frame-pointer omission (/Oy): only its dispatch routine and its
 * output writer keep EBP frames. CfEncodeBlock and CfMatchWindow call each other once per block, none of them
 * touching EBP, so the EBP chain skips them all: only the images' frame data (FPO records) and validated stack
 * scanning find these frames.
 */
import type { FnDef } from '../../code/frameFunction';
import type { ModuleDef } from '../../image/modules';
import { driverModules, fn, lockUserBuffer } from '../overflowFamily/modules';

export const CMPFLT_FUNCTIONS: FnDef[] = [
  fn({ module: 'CmpFlt', name: 'CfDispatchDeviceControl', kind: 'ebp', localsBytes: 0x30, saves: ['ebx', 'esi', 'edi'], paramBytes: 8,
    calls: [{ target: 'CmpFlt!CfCompressRequest', via: 'direct', args: [{ param: 0 }, { param: 1 }] }] }),
  fn({ module: 'CmpFlt', name: 'CfCompressRequest', kind: 'fpo', localsBytes: 0xc0, saves: ['ebx', 'esi', 'edi'], paramBytes: 8, initializedLocals: 0,
    calls: [{ target: 'CmpFlt!CfEncodeBlock', via: 'direct', args: [{ param: 1 }, { param: 0 }, { imm: 0x1000 }] }] }),
  fn({ module: 'CmpFlt', name: 'CfEncodeBlock', kind: 'fpo', localsBytes: 0xa0, saves: ['esi', 'edi'], paramBytes: 0xc, initializedLocals: 0,
    calls: [
      { target: 'CmpFlt!CfMatchWindow', via: 'direct', args: [{ param: 0 }, { param: 2 }] },
      { target: 'CmpFlt!CfEmitBlock', via: 'direct', args: [{ param: 0 }, { reg: 'esi' }, { param: 2 }] },
    ] }),
  fn({ module: 'CmpFlt', name: 'CfMatchWindow', kind: 'fpo', localsBytes: 0x84, saves: ['ebx', 'esi', 'edi'], paramBytes: 8, initializedLocals: 0,
    calls: [{ target: 'CmpFlt!CfEncodeBlock', via: 'direct', args: [{ param: 0 }, { reg: 'esi' }, { param: 1 }] }] }),
  fn({ module: 'CmpFlt', name: 'CfEmitBlock', kind: 'ebp', localsBytes: 0x40, saves: ['ebx', 'esi', 'edi'], paramBytes: 0xc, alloca: true,
    calls: [{ target: 'CmpFlt!CfLockUserBuffer', via: 'direct', args: [{ param: 0 }, { reg: 'esi' }, { param: 2 }] }] }),
  lockUserBuffer('CmpFlt', 'CfLockUserBuffer'),
];

export const cmpFltModules = (): ModuleDef[] => driverModules(
  [['CmpFlt', 'CmpFlt.sys', 0xba6b0000, 0x6000, 0x4b02d95e, 'Transparent Compression Filter']],
  CMPFLT_FUNCTIONS,
  { CompanyName: 'Packwell Storage', ProductName: 'Packwell Volume Compression', FileVersion: '1.4.2.310', LegalCopyright: 'Copyright (C) 2008-2009 Packwell Storage' },
);
