/**
 * The x86 kernel builds kdsim has real layouts for (symbols/layouts/<label>.json.gz, imported from the shared
 * volatility3 ISF files), with what a debugger knows about each: NT version, build number, service pack, the kernel
 * image names and WinDbg's version line. Shared by the analyzer (build detection, the banner) and the simulator
 * (`simulate --build`).
 *
 * Several labels can share a build number (Windows 7 SP1 ×3, Windows 8.1 ×2): `nearest(build)` and `byBuild(build)`
 * answer with the label marked `preferred` — the plain label Volatility 2 shipped as that build's profile; the
 * other variants (a later revision of the same build, or a kernel known only by its PDB GUID) are chosen by label
 * or, once a symbol file identifies the kernel exactly, by its RSDS GUID.
 */

export type BuildLabel =
  | 'xp_sp2_x86' | 'xp_sp3_x86'
  | 'win2003_sp0_x86' | 'win2003_sp1_x86' | 'win2003_sp2_x86'
  | 'vista_sp0_x86' | 'vista_sp1_x86' | 'vista_sp2_x86'
  | 'win7_sp0_x86' | 'win7_sp1_x86' | 'win7_sp1_x86_24000' | 'win7_sp1_x86_BBA98F40'
  | 'win8_sp0_x86' | 'win8_sp1_x86' | 'win81_u1_x86'
  | 'win10_x86' | 'win10_x86_10240_17770' | 'win10_x86_44B89EEA' | 'win10_x86_9619274A' | 'win10_x86_15063'
  | 'win10_x86_16299' | 'win10_x86_17134' | 'win10_x86_17763' | 'win10_x86_18362' | 'win10_x86_19041';

export interface KernelBuild {
  label: BuildLabel;
  /** NT version as the kernel reports it (NtMajorVersion.NtMinorVersion): 5.2 for Server 2003, 10.0 for Windows 10. */
  major: number;
  minor: number;
  /** NtBuildNumber without the free/checked flag bits; a crash dump header's MinorVersion. */
  build: number;
  /** File-version revision the layouts were taken from, when the label names one (7601.24000, 10240.17770). */
  revision?: number;
  /** 0 when the release has no service pack. */
  servicePack: number;
  /** The product name WinDbg prints before "Kernel Version". */
  product: string;
  /** One label per build number is the default for that build (see the file comment). */
  preferred: boolean;
  /** Kernel image names: uniprocessor, UP PAE, multiprocessor, MP PAE (the installed file is ntoskrnl/ntkrnlpa). */
  kernels: { up: string; upPae: string; mp: string; mpPae: string };
}

const CLASSIC = { up: 'ntoskrnl.exe', upPae: 'ntkrnlpa.exe', mp: 'ntkrnlmp.exe', mpPae: 'ntkrpamp.exe' };
/** From Windows 8 on, x86 ships one kernel, multiprocessor and PAE (PAE is required); its PDB is ntkrpamp.pdb. */
const PAE_ONLY = { up: 'ntoskrnl.exe', upPae: 'ntoskrnl.exe', mp: 'ntoskrnl.exe', mpPae: 'ntoskrnl.exe' };

const b = (label: BuildLabel, v: [number, number, number], servicePack: number, product: string,
  extra: { preferred?: boolean; revision?: number } = {}): KernelBuild => ({
  label, major: v[0], minor: v[1], build: v[2], servicePack, product, preferred: extra.preferred ?? true,
  ...(extra.revision !== undefined ? { revision: extra.revision } : {}),
  kernels: v[0] > 6 || (v[0] === 6 && v[1] >= 2) ? PAE_ONLY : CLASSIC,
});

/** In build order. Windows 10 labels named by GUID are Volatility 2's 10586 and 14393 kernels; the unnamed one is 9841. */
export const KERNEL_BUILDS: readonly KernelBuild[] = [
  b('xp_sp2_x86', [5, 1, 2600], 2, 'Windows XP', { preferred: false }),
  b('xp_sp3_x86', [5, 1, 2600], 3, 'Windows XP'),
  b('win2003_sp0_x86', [5, 2, 3790], 0, 'Windows Server 2003', { preferred: false }),
  b('win2003_sp1_x86', [5, 2, 3790], 1, 'Windows Server 2003', { preferred: false }),
  b('win2003_sp2_x86', [5, 2, 3790], 2, 'Windows Server 2003'),
  b('vista_sp0_x86', [6, 0, 6000], 0, 'Windows Vista'),
  b('vista_sp1_x86', [6, 0, 6001], 1, 'Windows Vista'),
  b('vista_sp2_x86', [6, 0, 6002], 2, 'Windows Vista'),
  b('win7_sp0_x86', [6, 1, 7600], 0, 'Windows 7'),
  b('win7_sp1_x86', [6, 1, 7601], 1, 'Windows 7'),
  b('win7_sp1_x86_24000', [6, 1, 7601], 1, 'Windows 7', { preferred: false, revision: 24000 }),
  b('win7_sp1_x86_BBA98F40', [6, 1, 7601], 1, 'Windows 7', { preferred: false }),
  b('win8_sp0_x86', [6, 2, 9200], 0, 'Windows 8'),
  b('win8_sp1_x86', [6, 3, 9600], 0, 'Windows 8.1'),
  b('win81_u1_x86', [6, 3, 9600], 0, 'Windows 8.1', { preferred: false }),
  b('win10_x86', [10, 0, 9841], 0, 'Windows 10'),
  b('win10_x86_10240_17770', [10, 0, 10240], 0, 'Windows 10', { revision: 17770 }),
  b('win10_x86_44B89EEA', [10, 0, 10586], 0, 'Windows 10'),
  b('win10_x86_9619274A', [10, 0, 14393], 0, 'Windows 10'),
  b('win10_x86_15063', [10, 0, 15063], 0, 'Windows 10'),
  b('win10_x86_16299', [10, 0, 16299], 0, 'Windows 10'),
  b('win10_x86_17134', [10, 0, 17134], 0, 'Windows 10'),
  b('win10_x86_17763', [10, 0, 17763], 0, 'Windows 10'),
  b('win10_x86_18362', [10, 0, 18362], 0, 'Windows 10'),
  b('win10_x86_19041', [10, 0, 19041], 0, 'Windows 10'),
];

/** The build the walkthrough's dump comes from, and `simulate`'s default. */
export const DEFAULT_BUILD: BuildLabel = 'win2003_sp2_x86';

export function buildByLabel(label: string): KernelBuild | undefined {
  return KERNEL_BUILDS.find((k) => k.label === label);
}

/**
 * The preferred label of a build number and service pack. Builds before Vista share one number across service
 * packs (2600, 3790), so the service pack picks among them; without one, the preferred (latest) label answers.
 */
export function byBuild(build: number, servicePack?: number): KernelBuild | undefined {
  const same = KERNEL_BUILDS.filter((k) => k.build === build);
  return (servicePack !== undefined ? same.find((k) => k.servicePack === servicePack && k.preferred)
      ?? same.find((k) => k.servicePack === servicePack) : undefined)
    ?? same.find((k) => k.preferred);
}

/**
 * The known build closest to an unknown one: exact matches first (as `byBuild`), else the preferred label whose
 * build number is nearest (a tie goes to the older build). `exact` says which, so the caller can warn.
 */
export function nearest(build: number, servicePack?: number): { entry: KernelBuild; exact: boolean } {
  const hit = byBuild(build, servicePack);
  if (hit) return { entry: hit, exact: true };
  let best = KERNEL_BUILDS.find((k) => k.preferred)!;
  for (const k of KERNEL_BUILDS) {
    if (k.preferred && Math.abs(k.build - build) < Math.abs(best.build - build)) best = k;
  }
  return { entry: best, exact: false };
}

/**
 * WinDbg's version line: `Windows 7 Kernel Version 7601 (Service Pack 1) MP (4 procs) Free x86 compatible`.
 * No service pack drops the parenthesis; one processor prints `UP` without a count; a checked kernel `Checked`.
 */
export function versionLine(k: KernelBuild, opts: { processors: number; checked?: boolean }): string {
  const sp = k.servicePack > 0 ? ` (Service Pack ${k.servicePack})` : '';
  const mp = opts.processors > 1 ? `MP (${opts.processors} procs)` : 'UP';
  return `${k.product} Kernel Version ${k.build}${sp} ${mp} ${opts.checked ? 'Checked' : 'Free'} x86 compatible`;
}
