/**
 * What the opening banner and `vertarget` say about the target: OS and build, service pack, MP/UP, free or
 * checked, product and suite, NtBuildLab, kernel base, PsLoadedModuleList, crash time and uptime. From the dump
 * header and the KDDEBUGGER_DATA64 block it points at (dump-format.md §4: 32-bit pointers in 64-bit slots).
 */
import { byBuild } from '../../symbols/builds';
import type { SessionApi } from './types';

const KDBG = { KernBase: 0x18, NtBuildLab: 0x208, CmNtCSDVersion: 0x268 };

export interface TargetInfo {
  osName: string;
  build: number;
  servicePack?: number;
  processors: number;
  checked: boolean;
  product: string;
  suites: string[];
  buildLab?: string;
  kernelBase?: number;
  psLoadedModuleList: number;
  /** FILETIME and 100 ns uptime, from the header. */
  systemTime: bigint;
  systemUpTime: bigint;
  dumpType: number;
}

/** The product WinDbg names for a build: the build table's (src/symbols/builds.ts), Windows 2000 before it, else plain Windows. */
const osNameOf = (build: number): string => byBuild(build)?.product ?? (build === 2195 ? 'Windows 2000' : 'Windows');
const PRODUCT: Record<number, string> = { 1: 'WinNt', 2: 'LanManNt', 3: 'Server' };
/** VER_SUITE_* bits in the order WinDbg lists them. */
const SUITES: [number, string][] = [
  [0x1, 'SmallBusiness'], [0x2, 'Enterprise'], [0x4, 'BackOffice'], [0x8, 'CommunicationServer'],
  [0x10, 'TerminalServer'], [0x20, 'SmallBusinessRestricted'], [0x40, 'EmbeddedNT'], [0x80, 'DataCenter'],
  [0x100, 'SingleUserTS'], [0x200, 'Personal'], [0x400, 'Blade'],
];

function readAnsi(session: SessionApi, va: number, max = 128): string | undefined {
  const out: number[] = [];
  for (let i = 0; i < max; i++) {
    const b = session.dump.kernelVm.readU8((va + i) >>> 0);
    if (b === null) return undefined;
    if (b === 0) break;
    out.push(b);
  }
  return String.fromCharCode(...out);
}

export function targetInfo(session: SessionApi): TargetInfo {
  const h = session.dump.header;
  const vm = session.dump.kernelVm;
  const kdbg = h.kdDebuggerDataBlock;
  const ptr = (off: number) => (kdbg ? vm.readU32((kdbg + off) >>> 0) ?? undefined : undefined);
  const labVa = ptr(KDBG.NtBuildLab);
  const csdVa = ptr(KDBG.CmNtCSDVersion);
  const csd = csdVa ? vm.readU32(csdVa) : null;
  const nt = session.symbols.moduleByName('nt');
  return {
    osName: osNameOf(h.minorVersion),
    build: h.minorVersion,
    servicePack: csd ? (csd >>> 8) & 0xff || undefined : undefined,
    processors: h.numberProcessors,
    checked: h.majorVersion === 0xc,
    product: PRODUCT[h.productType] ?? 'WinNt',
    suites: SUITES.filter(([bit]) => h.suiteMask & bit).map(([, n]) => n),
    buildLab: labVa ? readAnsi(session, labVa) : undefined,
    kernelBase: ptr(KDBG.KernBase) ?? nt?.base,
    psLoadedModuleList: h.psLoadedModuleList,
    systemTime: h.systemTime,
    systemUpTime: h.systemUpTime,
    dumpType: h.dumpType,
  };
}
