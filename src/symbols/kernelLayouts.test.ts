import * as path from 'path';
import { KERNEL_BUILDS } from './builds';
import type { IsfUserType } from './isf';
import { loadIsfFile } from './isfLoader';
import { kernelTypes, layoutsPath } from './kernelLayouts';
import { ntkrpampTypes } from './layouts/ntkrpamp';
import { paeNotDerived } from './paePageTables';
import { TypeTable } from './typeTable';
import { usedKernelFields } from '../testing/usedKernelFields';

const ROOT = path.resolve(__dirname, '..', '..');
/** A bitfield layout as `name@pos/len:storage`, for comparing page-table types. */
const shape = (u: IsfUserType): string[] => Object.entries(u.fields).map(([n, f]) => (f.type.kind === 'bitfield'
  ? `${n}@${f.offset}:${f.type.bit_position}/${f.type.bit_length}:${(f.type.type as { name: string }).name}`
  : `${n}@${f.offset}:${(f.type as { name?: string }).name ?? f.type.kind}`)).sort();

describe('the shipped kernel layout store', () => {
  it('loads every build, PAE and (where the store has it) non-PAE; each file is valid ISF', () => {
    for (const k of KERNEL_BUILDS) {
      expect(loadIsfFile(layoutsPath(k.label)).metadata.windows?.pe).toMatchObject({ major: k.major, minor: k.minor, build: k.build });
      const pae = new TypeTable(kernelTypes(k.label, { pae: true }), 'nt');
      expect([k.label, pae.sizeof('_MMPTE'), pae.sizeof('_HARDWARE_PTE')]).toEqual([k.label, 8, 8]);
      expect(pae.offsetof('_KPCR', 'NtTib')).toBe(0);
    }
    expect(new TypeTable(kernelTypes('xp_sp3_x86', { pae: false }), 'nt').sizeof('_MMPTE')).toBe(4);
  });

  it('has the real _KTHREAD sizes the issue names', () => {
    const kthread = (label: string) => new TypeTable(kernelTypes(label, { pae: true }), 'nt').sizeof('_KTHREAD');
    expect([kthread('win2003_sp2_x86'), kthread('win7_sp1_x86'), kthread('win10_x86_19041')]).toEqual([0x1b8, 0x200, 0x280]);
  });

  it('refuses non-PAE page tables for a build known only from its PAE kernel', () => {
    expect(() => kernelTypes('win8_sp0_x86', { pae: false })).toThrow(/PAE kernel/);
    expect(() => kernelTypes('win12_x86', { pae: true })).toThrow(/Unknown kernel build 'win12_x86'/);
  });
});

describe('derived PAE page tables', () => {
  // Windows 7 SP1 is in the store twice: win7_sp1_x86 from the non-PAE kernel, win7_sp1_x86_24000 from a PAE one.
  const derived = kernelTypes('win7_sp1_x86', { pae: true }).user_types;
  const real = kernelTypes('win7_sp1_x86_24000', { pae: true }).user_types;

  it.each(['_HARDWARE_PTE', '_MMPTE_HARDWARE', '_MMPTE_TRANSITION', '_MMPTE_LIST', '_MMPTE_TIMESTAMP'])(
    '%s equals the real PAE kernel\'s', (name) => {
      expect(derived[name].size).toBe(8);
      expect(shape(derived[name])).toEqual(shape(real[name]));
    });

  it('moves software PTE addresses and page-file offsets to the high dword as the real PAE kernel does', () => {
    const at = (u: IsfUserType, f: string) => u.fields[f] && (u.fields[f].type as { bit_position: number }).bit_position;
    expect(at(derived._MMPTE_SOFTWARE, 'PageFileHigh')).toBe(at(real._MMPTE_SOFTWARE, 'PageFileHigh'));
    expect(at(derived._MMPTE_PROTOTYPE, 'ProtoAddress')).toBe(at(real._MMPTE_PROTOTYPE, 'ProtoAddress'));
    expect(at(derived._MMPTE_SUBSECTION, 'SubsectionAddress')).toBe(at(real._MMPTE_SUBSECTION, 'SubsectionAddress'));
    for (const f of ['Valid', 'PageFileLow', 'Protection', 'Prototype', 'Transition']) {
      expect([f, shape(derived._MMPTE_SOFTWARE).find((s) => s.startsWith(`${f}@`))])
        .toEqual([f, shape(real._MMPTE_SOFTWARE).find((s) => s.startsWith(`${f}@`))]);
    }
  });

  it('widens _MMPTE and its union; lists the embedding structures it cannot re-lay', () => {
    const nt = new TypeTable(ntkrpampTypes(), 'nt');
    expect(nt.sizeof('_MMPTE')).toBe(8);
    expect(nt.sizeOfDescriptor(nt.field('_MMPTE', 'u.Long').type)).toBe(8);
    expect(nt.field('_MMPTE', 'u.Hard.PageFrameNumber')).toMatchObject({ bitPosition: 12, bitLength: 26 });
    expect(nt.field('_EPROCESS', 'PageDirectoryPte')).toMatchObject({ offset: 0x158 });
    const notDerived = paeNotDerived(kernelTypes('win2003_sp2_x86', { pae: false }));
    expect(notDerived).toEqual(expect.arrayContaining(['_MMPFN.OriginalPte']));
    expect(notDerived).not.toContain('_EPROCESS.PageDirectoryPte');
  });
});

describe('the simulated builds: what the simulator and analyzer use', () => {
  // Fields one family lacks are written only where the layout has them (docs/builds.md: GroupSetMember from
  // Windows 7, DpcData[].DpcList in 10, …): each must be in at least one simulated build's layouts, none a typo.
  it('every kernel type and field they ask for is in the generated layouts of some simulated build', async () => {
    const used = await usedKernelFields(ROOT);
    expect(used.length).toBeGreaterThan(60);
    const tables = ['xp_sp3_x86', 'win2003_sp2_x86', 'win7_sp1_x86', 'win10_x86_19041']
      .map((label) => new TypeTable(kernelTypes(label, { pae: true }), 'nt'));
    const known = (type: string, path: string): boolean => tables.some((nt) => {
      if (!nt.hasType(type)) return false;
      try { nt.field(type, path); return true; } catch { return false; }
    });
    for (const u of used) {
      if (u.path === '') expect([u.type, tables.some((nt) => nt.hasType(u.type))]).toEqual([u.type, true]);
      else expect([u.type, u.path, known(u.type, u.path)]).toEqual([u.type, u.path, true]);
    }
  });
});
