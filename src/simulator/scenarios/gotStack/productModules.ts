/**
 * The StackHog product's images: StackHog.sys, ShFilter.sys, ShCore.sys, ShScan.sys, all from one vendor, loaded
 * after boot from system32\drivers. Their code is fixed for every seed (drivers.ts).
 */
import { Register } from '../../code/asm';
import type { FnDef } from '../../code/frameFunction';
import { pdbFor, type ModuleDef } from '../../image/modules';
import { STACKHOG_FUNCTIONS } from './drivers';

const VENDOR = { CompanyName: 'StackHog Software, Inc.', ProductName: 'StackHog Real-Time Scanner', FileVersion: '3.1.0.412' };

const PRODUCT: [string, string, number, number, number, string][] = [
  ['StackHog', 'StackHog.sys', 0xba6b0000, 0x8000, 0x4ad5f1c2, 'StackHog Request Dispatcher'],
  ['ShFilter', 'ShFilter.sys', 0xba6c0000, 0x5000, 0x4ad5f1b7, 'StackHog Device Filter'],
  ['ShCore', 'ShCore.sys', 0xba6d0000, 0x6000, 0x4ad5f1a9, 'StackHog Core Library'],
  ['ShScan', 'ShScan.sys', 0xba6e0000, 0x6000, 0x4ad5f1bd, 'StackHog Scan Engine'],
];

export function productModules(): ModuleDef[] {
  return PRODUCT.map(([name, imageName, base, size, ts, description]) => {
    const fns = STACKHOG_FUNCTIONS.filter((f) => f.module === name);
    const imports = [...new Set(fns.flatMap((f) => f.calls.filter((c) => c.via === 'import').map((c) => c.target)))].sort();
    const entry: FnDef = {
      module: name, name: 'DriverEntry', kind: 'ebp', localsBytes: 8, saves: ['esi'], paramBytes: 8, initializedLocals: 8, calls: [],
      special: (a) => { a.xorRR(Register.EAX, Register.EAX); },
    };
    return {
      name, imageName, fullPath: `\\SystemRoot\\system32\\drivers\\${imageName}`, base, sizeOfImage: size, timeDateStamp: ts,
      kind: 'driver' as const, pdb: pdbFor(`${name.toLowerCase()}.pdb`, ts), textRva: 0x1000, rdataRva: size - 0x2000, dataRva: size - 0x1000,
      code: [entry, ...fns], imports, entry: 'DriverEntry',
      version: { ...VENDOR, FileDescription: description, InternalName: name, OriginalFilename: imageName, LegalCopyright: 'Copyright (C) 2006-2009 StackHog Software, Inc.' },
    };
  });
}
