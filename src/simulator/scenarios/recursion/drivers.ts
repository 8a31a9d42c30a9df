/**
 * DirWalk.sys, a directory-tree walker: DwWalkDirectory descends into each subdirectory by calling itself with a
 * 0x118-byte entry buffer on its stack, and nothing bounds the depth — a deep enough tree eats the 12 KB stack.
 */
import type { FnDef } from '../../code/frameFunction';
import type { ModuleDef } from '../../image/modules';
import { driverModules, fn, lockUserBuffer } from '../overflowFamily/modules';

export const DIRWALK_FUNCTIONS: FnDef[] = [
  fn({ module: 'DirWalk', name: 'DwDispatchDeviceControl', kind: 'ebp', localsBytes: 0x28, saves: ['ebx', 'esi', 'edi'], paramBytes: 8,
    calls: [{ target: 'DirWalk!DwWalkDirectory', via: 'direct', args: [{ param: 1 }, { local: -0x28 }, { imm: 0 }] }] }),
  fn({ module: 'DirWalk', name: 'DwWalkDirectory', kind: 'ebp', localsBytes: 0x118, saves: ['esi', 'edi'], paramBytes: 0xc, initializedLocals: 0x10,
    calls: [
      { target: 'DirWalk!DwWalkDirectory', via: 'direct', args: [{ param: 0 }, { local: -0x118 }, { param: 2 }] },
      { target: 'DirWalk!DwReadEntries', via: 'direct', args: [{ param: 0 }, { reg: 'esi' }, { param: 2 }] },
    ] }),
  fn({ module: 'DirWalk', name: 'DwReadEntries', kind: 'ebp', localsBytes: 0x40, saves: ['ebx', 'esi', 'edi'], paramBytes: 0xc, alloca: true,
    calls: [{ target: 'DirWalk!DwLockUserBuffer', via: 'direct', args: [{ param: 0 }, { reg: 'esi' }, { param: 2 }] }] }),
  lockUserBuffer('DirWalk', 'DwLockUserBuffer'),
];

export const dirWalkModules = (): ModuleDef[] => driverModules(
  [['DirWalk', 'DirWalk.sys', 0xba6b0000, 0x6000, 0x4b1e27a3, 'Directory Tree Walker']],
  DIRWALK_FUNCTIONS,
  { CompanyName: 'Treeline Systems', ProductName: 'Treeline Indexer', FileVersion: '2.0.1.88', LegalCopyright: 'Copyright (C) 2009 Treeline Systems' },
);
