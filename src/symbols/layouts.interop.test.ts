/**
 * The shipped layout store against its source, ../shared/layouts/windows-x86 (beside the clone; the tests say
 * when they skip): the importer is deterministic, every checked-in store file is exactly what `npm run layouts`
 * makes from the shared file, and the 2003 SP2 fields the simulator and analyzer use sit at the offsets the shared
 * file gives — resolved here from the raw JSON, not through kdsim's TypeTable.
 */
import { existsSync, readFileSync } from 'fs';
import * as path from 'path';
import { gunzipSync } from 'zlib';
import { KERNEL_BUILDS } from './builds';
import { kernelTypes, layoutsPath } from './kernelLayouts';
import { ntkrpampTypes } from './layouts/ntkrpamp';
import { importLayout, SHARED_LAYOUTS_DIR, storeBytes } from './tools/importLayouts';
import { TypeTable } from './typeTable';
import { usedKernelFields } from '../testing/usedKernelFields';

const ROOT = path.resolve(__dirname, '..', '..');
const have = existsSync(SHARED_LAYOUTS_DIR);
if (!have) console.warn(`skipping layout store interop: ${SHARED_LAYOUTS_DIR} not found`);
const shared = (label: string): Buffer => readFileSync(path.join(SHARED_LAYOUTS_DIR, `${label}.json.gz`));

type Raw = { user_types: Record<string, { size: number; fields: Record<string, { offset: number; type: any }> }>;
  enums: Record<string, { size: number }>; base_types: Record<string, { size: number }> };

/** Byte offset of a dotted path (with [i] indexes) in the raw ISF, independently of TypeTable. */
function rawOffset(raw: Raw, type: string, fieldPath: string): number {
  const sizeOf = (t: any): number => t.kind === 'array' ? t.count * sizeOf(t.subtype) : t.kind === 'pointer' ? 4
    : t.kind === 'enum' ? raw.enums[t.name].size : t.kind === 'base' ? raw.base_types[t.name].size
      : t.kind === 'bitfield' ? sizeOf(t.type) : raw.user_types[t.name].size;
  let owner = type;
  let offset = 0;
  for (const step of fieldPath.split('.')) {
    const [, name, idx] = step.match(/^(\w+)((?:\[\d+\])*)$/)!;
    const f = raw.user_types[owner].fields[name];
    offset += f.offset;
    let t = f.type;
    for (const i of idx.match(/\d+/g) ?? []) { offset += Number(i) * sizeOf(t.subtype); t = t.subtype; }
    while (t.kind === 'array') t = t.subtype;
    owner = t.name;
  }
  return offset;
}

(have ? describe : describe.skip)('layout store vs ../shared/layouts/windows-x86', () => {
  it('imports deterministically', () => {
    const a = storeBytes(importLayout('win2003_sp2_x86', shared('win2003_sp2_x86')));
    const b = storeBytes(importLayout('win2003_sp2_x86', shared('win2003_sp2_x86')));
    expect(a.equals(b)).toBe(true);
  });

  it.each(KERNEL_BUILDS.map((k) => k.label))('%s: the checked-in store file is what the importer makes', (label) => {
    const expected = JSON.stringify(importLayout(label, shared(label)));
    expect(gunzipSync(readFileSync(layoutsPath(label))).toString('utf8') === expected).toBe(true);
  });

  const attempt = (f: () => number | undefined): number | 'absent' => { try { return f() ?? 'absent'; } catch { return 'absent'; } };

  it('2003 SP2: every field the simulator and analyzer use is at the shared file\'s offset', async () => {
    const raw = JSON.parse(gunzipSync(shared('win2003_sp2_x86')).toString('utf8')) as Raw;
    const nt = new TypeTable(ntkrpampTypes(), 'nt');
    const widened = new Set(Object.keys(kernelTypes('win2003_sp2_x86', { pae: false }).user_types)
      .filter((n) => nt.sizeof(n) !== raw.user_types[n].size));
    expect([...widened].every((n) => /PTE|^__unnamed/.test(n))).toBe(true);
    const used = await usedKernelFields(ROOT);
    expect(used.length).toBeGreaterThan(60);
    for (const u of used) {
      if (u.path === '') {
        if (!widened.has(u.type)) expect([u.type, nt.sizeof(u.type)]).toEqual([u.type, raw.user_types[u.type].size]);
      } else {
        // A field only other builds have (probed with has(), written where present) must be absent from both.
        const ours = attempt(() => nt.offsetof(u.type, u.path));
        const theirs = attempt(() => rawOffset(raw, u.type, u.path));
        expect([u.type, u.path, ours]).toEqual([u.type, u.path, theirs]);
      }
    }
  });
});
