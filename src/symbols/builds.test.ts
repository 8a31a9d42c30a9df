import { existsSync } from 'fs';
import { buildByLabel, byBuild, DEFAULT_BUILD, KERNEL_BUILDS, nearest, versionLine } from './builds';
import { layoutsPath } from './kernelLayouts';

describe('kernel build table', () => {
  it('has one entry per shipped layout file, in build order, labels unique', () => {
    const labels = KERNEL_BUILDS.map((k) => k.label);
    expect(new Set(labels).size).toBe(25);
    for (const l of labels) expect([l, existsSync(layoutsPath(l))]).toEqual([l, true]);
    const builds = KERNEL_BUILDS.map((k) => k.build);
    expect(builds).toEqual([...builds].sort((a, b) => a - b));
    expect(buildByLabel(DEFAULT_BUILD)).toMatchObject({ major: 5, minor: 2, build: 3790, servicePack: 2 });
  });

  it('marks exactly one preferred label per build number', () => {
    const preferred = KERNEL_BUILDS.filter((k) => k.preferred).map((k) => k.build);
    expect(new Set(preferred).size).toBe(preferred.length);
    expect(preferred.length).toBe(new Set(KERNEL_BUILDS.map((k) => k.build)).size);
  });

  it('resolves same-build variants to the plain label', () => {
    expect(byBuild(7601)?.label).toBe('win7_sp1_x86');
    expect(byBuild(9600)?.label).toBe('win8_sp1_x86');
    expect(buildByLabel('win7_sp1_x86_24000')).toMatchObject({ build: 7601, revision: 24000, preferred: false });
  });

  it('picks the service pack among builds that share a number', () => {
    expect(byBuild(2600, 2)?.label).toBe('xp_sp2_x86');
    expect(byBuild(2600)?.label).toBe('xp_sp3_x86');
    expect(byBuild(3790, 1)?.label).toBe('win2003_sp1_x86');
    expect(byBuild(3790, 0)?.label).toBe('win2003_sp0_x86');
    expect(byBuild(3790)?.label).toBe('win2003_sp2_x86');
    expect(byBuild(3790, 9)?.label).toBe('win2003_sp2_x86');
  });

  it('names the kernel images: four classic kernels up to Windows 7, one PAE kernel from Windows 8', () => {
    expect(buildByLabel('win2003_sp2_x86')!.kernels).toEqual(
      { up: 'ntoskrnl.exe', upPae: 'ntkrnlpa.exe', mp: 'ntkrnlmp.exe', mpPae: 'ntkrpamp.exe' });
    expect(buildByLabel('win7_sp1_x86')!.kernels.mpPae).toBe('ntkrpamp.exe');
    expect(new Set(Object.values(buildByLabel('win10_x86_19041')!.kernels))).toEqual(new Set(['ntoskrnl.exe']));
  });

  describe('nearest', () => {
    it('is exact for a known build', () => {
      expect(nearest(19041)).toEqual({ entry: buildByLabel('win10_x86_19041'), exact: true });
      expect(nearest(3790, 2).exact).toBe(true);
    });

    it('falls back to the closest preferred build, the older on a tie', () => {
      expect(nearest(19042)).toMatchObject({ entry: { label: 'win10_x86_19041' }, exact: false });
      expect(nearest(22000)).toMatchObject({ entry: { label: 'win10_x86_19041' }, exact: false });
      expect(nearest(7000)).toMatchObject({ entry: { label: 'win7_sp0_x86' }, exact: false });
      expect(nearest(3000).entry.label).toBe('xp_sp3_x86');
      expect(nearest(1).entry.label).toBe('xp_sp3_x86');
      expect(nearest(6800).entry.label).toBe('vista_sp2_x86'); // 6800 - 6002 = 798 < 7600 - 6800 = 800
      expect(nearest(8400).entry.label).toBe('win7_sp1_x86'); // 799 below vs 800 above
    });
  });

  describe('versionLine, as WinDbg prints it', () => {
    it.each([
      ['xp_sp3_x86', 2, 'Windows XP Kernel Version 2600 (Service Pack 3) MP (2 procs) Free x86 compatible'],
      ['win2003_sp2_x86', 4, 'Windows Server 2003 Kernel Version 3790 (Service Pack 2) MP (4 procs) Free x86 compatible'],
      ['win7_sp1_x86', 4, 'Windows 7 Kernel Version 7601 (Service Pack 1) MP (4 procs) Free x86 compatible'],
      ['win10_x86_19041', 4, 'Windows 10 Kernel Version 19041 MP (4 procs) Free x86 compatible'],
      ['xp_sp2_x86', 1, 'Windows XP Kernel Version 2600 (Service Pack 2) UP Free x86 compatible'],
    ])('%s with %d processors', (label, processors, line) => {
      expect(versionLine(buildByLabel(label)!, { processors: processors as number })).toBe(line);
    });

    it('says Checked for a checked kernel', () => {
      expect(versionLine(buildByLabel('win8_sp0_x86')!, { processors: 2, checked: true }))
        .toBe('Windows 8 Kernel Version 9200 MP (2 procs) Checked x86 compatible');
    });
  });
});
