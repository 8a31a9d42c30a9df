/**
 * What differs between the Windows families the simulator can stage, as data (docs/builds.md): the strings and
 * numbers the kernel reports about itself, and where the boot processor's KPCR lives. Everything else — every
 * structure offset and size — comes from the build's real layouts (src/symbols/kernelLayouts.ts), so one table row
 * per family is all a new build needs.
 */
import { KdsimError } from '../../common/errors';
import { buildByLabel, DEFAULT_BUILD, type BuildLabel, type KernelBuild } from '../../symbols/builds';

export interface BuildMechanics {
  build: KernelBuild;
  /** nt!NtBuildLab as the free kernel of that release carries it. */
  ntBuildLab: string;
  /** nt!CmNtCSDVersion: the service pack in the high byte of the low word (0x200 = SP2). */
  csdVersion: number;
  /** nt!NtBuildNumber: 0xF0000000 (free build) | build. */
  ntBuildNumber: number;
  /** DUMP_HEADER32 ProductType and SuiteMask: a workstation (1, SingleUserTS) or a server (3, TerminalServer|SingleUserTS). */
  productType: number;
  suiteMask: number;
  /**
   * The boot processor's KPCR: NT 5 keeps it at the fixed VA ffdff000 (KIP0PCRADDRESS); from Vista on it is
   * nt!KiInitialPCR inside the kernel image's data, and fs:[1c] (SelfPcr) is the only way to find it.
   */
  bootKpcr: 'ffdff000' | 'KiInitialPCR';
  /** The kernel image name on a PAE MP box (ntkrpamp.exe up to Windows 7; ntoskrnl.exe from Windows 8 on). */
  kernelImage: string;
  /**
   * The simulated kernel image's TimeDateStamp: its PDB GUID is derived from it, so each build's nt has its own
   * RSDS identity and its own shipped ISF (with that build's layouts). 2003 SP2 keeps the blog box's stamp.
   */
  kernelTimeDateStamp: number;
  /** The version resource's FileVersion (`lm kv`). */
  kernelFileVersion: string;
}

interface Family { ntBuildLab: string; server: boolean; nt5: boolean; timeDateStamp: number; fileVersion: string }

/** One row per label the simulator knows how to stage; the NtBuildLab strings are those of the released kernels. */
const FAMILIES: Partial<Record<BuildLabel, Family>> = {
  xp_sp3_x86: { ntBuildLab: '2600.xpsp.080413-2111', server: false, nt5: true, timeDateStamp: 0x4802516a,
    fileVersion: '5.1.2600.5512 (xpsp.080413-2111)' },
  win2003_sp2_x86: { ntBuildLab: '3790.srv03_sp2_rtm.070216-1710', server: true, nt5: true, timeDateStamp: 0x45d70ad8,
    fileVersion: '5.2.3790.3959 (srv03_sp2_rtm.070216-1710)' },
  win7_sp1_x86: { ntBuildLab: '7601.17514.x86fre.win7sp1_rtm.101119-1850', server: false, nt5: false, timeDateStamp: 0x4ce78a09,
    fileVersion: '6.1.7601.17514 (win7sp1_rtm.101119-1850)' },
  win10_x86_19041: { ntBuildLab: '19041.1.x86fre.vb_release.191206-1406', server: false, nt5: false, timeDateStamp: 0x5dea8c3e,
    fileVersion: '10.0.19041.1 (WinBuild.160101.0800)' },
};

/** The labels `simulate --build` accepts, in build order. */
export const SIMULATED_BUILDS = Object.keys(FAMILIES) as BuildLabel[];

export function buildMechanics(label: string = DEFAULT_BUILD): BuildMechanics {
  const f = FAMILIES[label as BuildLabel];
  const build = buildByLabel(label);
  if (!f || !build) {
    throw new KdsimError('E_SIMULATE', `kdsim: unknown --build '${label}' (known: ${SIMULATED_BUILDS.join(', ')})`, 2);
  }
  return {
    build,
    ntBuildLab: f.ntBuildLab,
    csdVersion: build.servicePack << 8,
    ntBuildNumber: (0xf0000000 | build.build) >>> 0,
    productType: f.server ? 3 : 1,
    suiteMask: f.server ? 0x110 : 0x100,
    bootKpcr: f.nt5 ? 'ffdff000' : 'KiInitialPCR',
    kernelImage: build.kernels.mpPae,
    kernelTimeDateStamp: f.timeDateStamp,
    kernelFileVersion: f.fileVersion,
  };
}
