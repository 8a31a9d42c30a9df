/**
 * The Windows Server 2003 SP2 (build 3790) PAE MP kernel and the images every such box loads at boot. Names,
 * sizes and timestamps are chosen to look like SP2 (docs/scenario-got-stack.md); the PDB GUIDs are derived from
 * them, so every run of every seed produces the same images and the shipped ISF files stay valid.
 */
import { Asm, Code, Register } from '../code/asm';
import type { FunctionSpec } from '../code/emitter';
import type { FnDef } from '../code/frameFunction';
import { bugCheckPath, idleLoop, miscKernel, ntIoPath, sehHelpers } from '../nt/kernelFunctions';
import { commonDispatchException, kiFastCallEntry, kiTrap08, kiTrap0E, trapHandlers } from '../nt/trapHandlers';
import { buildMechanics, type BuildMechanics } from '../kit/buildMechanics';
import { pdbFor, type ModuleDef } from './modules';

export const NT_BASE = 0x80800000;
export const HAL_BASE = 0x80a50000;
const SYSTEM32 = '\\WINDOWS\\system32\\';
const DRIVERS = '\\WINDOWS\\system32\\drivers\\';

const leaf = (name: string, at?: number, body?: (a: Asm) => void): FunctionSpec => ({
  name, at, frame: { kind: 'fpo', localsBytes: 0, savedRegs: 0, paramBytes: 0 },
  body: body ?? ((a) => { a.label('prolog'); a.xorRR(Register.EAX, Register.EAX).ret(); }),
});

export function ntCode(): (FunctionSpec | FnDef)[] {
  const [iofCallDriver, mmProbe, iopXxx, ntDeviceIoControlFile] = ntIoPath();
  const traps = trapHandlers();
  return [
    iofCallDriver,
    ...sehHelpers(0x80827a40),
    ...bugCheckPath(0x8082f46c),
    leaf('RtlpBreakWithStatusInstruction', undefined, (a) => { a.op(Code.Int3).ret(); }),
    leaf('KiCallUserMode'),
    mmProbe,
    ...miscKernel(),
    kiFastCallEntry(0x80888900),
    ...idleLoop(),
    commonDispatchException(),
    ...traps.before08,
    kiTrap08(),
    ...traps.between,
    kiTrap0E(),
    ...traps.after0E,
    iopXxx,
    ntDeviceIoControlFile,
  ];
}

/** The boot images of a box running `mech`'s build (nt's name, stamp, PDB identity and layouts follow the build). */
export function kernelModules(mech: BuildMechanics = buildMechanics()): ModuleDef[] {
  const stamp = mech.kernelTimeDateStamp;
  const nt: ModuleDef = {
    name: 'nt', imageName: mech.kernelImage, fullPath: `${SYSTEM32}${mech.kernelImage}`, base: NT_BASE, sizeOfImage: 0x250000,
    timeDateStamp: stamp, kind: 'kernel', pdb: pdbFor('ntkrpamp.pdb', stamp, 1), kernelBuild: mech.build.label,
    textRva: 0x1000, rdataRva: 0x1d0000, dataRva: 0x1e0000, code: ntCode(), imports: ['hal!HalProcessorIdle'],
    entry: 'KiIdleLoop',
    version: { CompanyName: 'Microsoft Corporation', ProductName: 'Microsoft® Windows® Operating System', FileVersion: mech.kernelFileVersion, FileDescription: 'NT Kernel & System' },
  };
  const hal: ModuleDef = {
    // The loader loads the ACPI multiprocessor HAL under the name hal.dll; its PDB keeps the build's name.
    name: 'hal', imageName: 'hal.dll', fullPath: `${SYSTEM32}hal.dll`, base: HAL_BASE, sizeOfImage: 0x2d000,
    timeDateStamp: 0x45d6cc2a, kind: 'dll', pdb: pdbFor('halmacpi.pdb', 0x45d6cc2a), textRva: 0x1000, rdataRva: 0x20000, dataRva: 0x24000,
    code: [
      leaf('HalInitializeProcessor'),
      leaf('KfRaiseIrql'),
      leaf('KfLowerIrql'),
      leaf('HalRequestIpi'),
      { name: 'HalProcessorIdle', frame: { kind: 'fpo', localsBytes: 0, savedRegs: 0, paramBytes: 0 },
        body: (a) => { a.label('prolog').op(Code.Sti).op(Code.Hlt).label('halted').ret(); } },
    ],
    imports: [], entry: 'HalInitializeProcessor',
    version: { CompanyName: 'Microsoft Corporation', FileDescription: 'Hardware Abstraction Layer DLL', FileVersion: '5.2.3790.3959' },
  };
  const kdcom: ModuleDef = smallImage('kdcom', 'kdcom.dll', `${SYSTEM32}kdcom.dll`, 0xf7b8f000, 0x4000, 0x3e800051, 'dll',
    ['KdDebuggerInitialize0', 'KdSendPacket', 'KdReceivePacket']);
  const boot: [string, string, number, number, number][] = [
    ['BOOTVID', 'BOOTVID.dll', 0xf7a67000, 0x4000, 0x3e80004b],
    ['ACPI', 'ACPI.sys', 0xf7382000, 0x2e000, 0x45d69b3e],
    ['WMILIB', 'WMILIB.SYS', 0xf7b95000, 0x4000, 0x3e800123],
    ['pci', 'pci.sys', 0xf74a9000, 0x10000, 0x45d69b47],
    ['isapnp', 'isapnp.sys', 0xf74b9000, 0xa000, 0x3e800055],
    ['intelide', 'intelide.sys', 0xf7b99000, 0x4000, 0x45d69b41],
    ['PCIIDEX', 'PCIIDEX.SYS', 0xf7a6b000, 0x8000, 0x45d69b42],
    ['MountMgr', 'MountMgr.sys', 0xf74c3000, 0xb000, 0x45d69b3f],
    ['ftdisk', 'ftdisk.sys', 0xf7354000, 0x1f000, 0x45d69b44],
    ['PartMgr', 'PartMgr.sys', 0xf74ce000, 0x8000, 0x45d69b46],
    ['VolSnap', 'VolSnap.sys', 0xf74d6000, 0xd000, 0x45d69b51],
    ['atapi', 'atapi.sys', 0xf733c000, 0x18000, 0x45d69b40],
    ['disk', 'disk.sys', 0xf74e3000, 0x9000, 0x45d69b43],
    ['CLASSPNP', 'CLASSPNP.SYS', 0xf74ec000, 0xd000, 0x45d69b48],
    ['Ntfs', 'Ntfs.sys', 0xf72b0000, 0x8c000, 0x45d69bb0],
    ['KSecDD', 'KSecDD.sys', 0xf7299000, 0x17000, 0x45d69b55],
  ];
  return [nt, hal, kdcom, ...boot.map(([n, img, base, size, ts]) =>
    smallImage(n, img, `${n === 'BOOTVID' ? SYSTEM32 : DRIVERS}${img}`, base, size, ts, n === 'BOOTVID' ? 'dll' : 'driver', ['DriverEntry']))];
}

/** An image whose code is a few entry points: enough for headers, symbols and the module list. */
function smallImage(name: string, imageName: string, fullPath: string, base: number, size: number, ts: number, kind: 'dll' | 'driver', fns: string[]): ModuleDef {
  const rdata = Math.max(0x2000, size - 0x2000);
  return {
    name, imageName, fullPath, base, sizeOfImage: size, timeDateStamp: ts, kind,
    pdb: pdbFor(`${imageName.replace(/\.[^.]+$/, '').toLowerCase()}.pdb`, ts),
    textRva: 0x1000, rdataRva: rdata, dataRva: rdata + 0x1000, code: fns.map((f) => leaf(f)), imports: [], entry: fns[0],
    version: { CompanyName: 'Microsoft Corporation', FileVersion: '5.2.3790.3959' },
  };
}
