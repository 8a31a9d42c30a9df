/**
 * Driver images for the overflow scenarios: each a third-party .sys loaded after boot from system32\drivers, with a
 * DriverEntry and its described functions, and a buffer-lock routine that holds the IRP in EDX across the probe of
 * the caller's METHOD_NEITHER buffer (where every overflow scenario's first page fault happens).
 */
import { Register } from '../../code/asm';
import { fpoParamOffset, type FnDef } from '../../code/frameFunction';
import { pdbFor, type ModuleDef } from '../../image/modules';

/** One image: name, file name, base, SizeOfImage, TimeDateStamp, file description. */
export type ImageRow = [string, string, number, number, number, string];

export interface Vendor { CompanyName: string; ProductName: string; FileVersion: string; LegalCopyright: string }

/** A described function with the defaults compiled C has here (8 bytes of initialized locals). */
export const fn = (def: Omit<FnDef, 'initializedLocals'> & { initializedLocals?: number }): FnDef => ({ initializedLocals: 8, ...def });

const LOCK_SHAPE = { localsBytes: 0xc, saves: ['esi', 'edi'] } as FnDef;

/** `<module>!<name>(Irp, Buffer, Length)`: takes the MDL from Irp->MdlAddress (+4) and probes the user buffer. */
export function lockUserBuffer(module: string, name: string): FnDef {
  return fn({
    module, name, kind: 'fpo', localsBytes: 0xc, saves: ['esi', 'edi'], paramBytes: 0xc, initializedLocals: 0,
    special: (a) => {
      a.movRM(Register.EDX, { base: Register.ESP, disp: fpoParamOffset(LOCK_SHAPE, 0) });
      a.movRM(Register.ESI, { base: Register.EDX, disp: 4 });
    },
    calls: [{ target: 'nt!MmProbeAndLockPages', via: 'import', args: [{ reg: 'esi' }, { imm: 0 }, { imm: 1 }] }],
  });
}

export function driverModules(rows: ImageRow[], functions: FnDef[], vendor: Vendor): ModuleDef[] {
  return rows.map(([name, imageName, base, size, ts, description]) => {
    const fns = functions.filter((f) => f.module === name);
    const imports = [...new Set(fns.flatMap((f) => f.calls.filter((c) => c.via === 'import').map((c) => c.target)))].sort();
    const entry: FnDef = {
      module: name, name: 'DriverEntry', kind: 'ebp', localsBytes: 8, saves: ['esi'], paramBytes: 8, initializedLocals: 8, calls: [],
      special: (a) => { a.xorRR(Register.EAX, Register.EAX); },
    };
    const { LegalCopyright, ...rest } = vendor;
    return {
      name, imageName, fullPath: `\\SystemRoot\\system32\\drivers\\${imageName}`, base, sizeOfImage: size, timeDateStamp: ts,
      kind: 'driver' as const, pdb: pdbFor(`${name.toLowerCase()}.pdb`, ts), textRva: 0x1000, rdataRva: size - 0x2000, dataRva: size - 0x1000,
      code: [entry, ...fns], imports, entry: 'DriverEntry',
      version: { ...rest, FileDescription: description, InternalName: name, OriginalFilename: imageName, LegalCopyright },
    };
  });
}
