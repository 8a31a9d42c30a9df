/**
 * `npm run layouts`: turns the shared real x86 kernel layouts (../shared/layouts/windows-x86/<label>.json.gz,
 * volatility3 ISF made from Volatility 2's PDB-generated vtypes) into kdsim's shipped store,
 * symbols/layouts/<label>.json.gz — one gzip'd ISF per build, every type kept (a user's `dt` may ask for any),
 * keys sorted so the output is a function of the input, and the build identity of src/symbols/builds.ts in
 * `metadata.windows.pe`. PAE page-table types are not stored: they are derived on load (paePageTables.ts).
 *
 * Usage: node dist/symbols/tools/importLayouts.js [sourceDir] [outDir]
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'fs';
import { join, resolve } from 'path';
import { gunzipSync, gzipSync } from 'zlib';
import { KdsimError } from '../../common/errors';
import { buildByLabel, KERNEL_BUILDS } from '../builds';
import type { IsfFile, IsfTypeDescriptor } from '../isf';
import { ISF_FORMAT } from '../isfBuild';
import { parseIsf } from '../isfLoader';
import { LAYOUTS_DIR } from '../kernelLayouts';
import { DEFAULT_SYMBOLS_DIR } from '../symbolStore';

export const SHARED_LAYOUTS_DIR = resolve(DEFAULT_SYMBOLS_DIR, '..', '..', 'shared', 'layouts', 'windows-x86');
export const IMPORTER_VERSION = '1.0.0';

/** Recursively sorted keys: the same input always gives the same JSON text. */
function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v === null || typeof v !== 'object') return v;
  const o = v as Record<string, unknown>;
  return Object.fromEntries(Object.keys(o).sort().map((k) => [k, sortKeys(o[k])]));
}

type Descriptor = IsfTypeDescriptor;

/** Byte-sized negative array counts → element counts (see the file comment); any other bad count stays an error. */
function repairArrayCounts(src: IsfFile, source: string): void {
  const sizeOf = (t: Descriptor): number | undefined =>
    t.kind === 'enum' ? src.enums[t.name]?.size : t.kind === 'base' ? src.base_types[t.name]?.size
      : t.kind === 'pointer' ? src.base_types.pointer?.size
        : t.kind === 'struct' || t.kind === 'union' || t.kind === 'class' ? src.user_types[t.name]?.size : undefined;
  const fix = (t: Descriptor, where: string): void => {
    if (t.kind === 'array') {
      if (t.count < 0) {
        const each = sizeOf(t.subtype);
        if (!each || -t.count % each !== 0) throw new KdsimError('E_SYMBOLS', `${source}: ${where} has array count ${t.count}.`);
        t.count = -t.count / each;
      }
      fix(t.subtype, where);
    } else if (t.kind === 'pointer') fix(t.subtype, where);
    else if (t.kind === 'bitfield') fix(t.type, where);
  };
  for (const [name, u] of Object.entries(src.user_types ?? {})) {
    for (const [field, f] of Object.entries(u.fields ?? {})) if (f?.type) fix(f.type, `${name}.${field}`);
  }
}

/** One shared file (gzip'd ISF) → the store's ISF for that build. Validates the input as any ISF kdsim loads. */
export function importLayout(label: string, gz: Buffer): IsfFile {
  const build = buildByLabel(label);
  if (!build) throw new KdsimError('E_SYMBOLS', `No build table entry for layouts '${label}' (src/symbols/builds.ts).`);
  const raw = JSON.parse(gunzipSync(gz).toString('utf8')) as IsfFile;
  repairArrayCounts(raw, `${label}.json.gz`);
  const src = parseIsf(raw, `${label}.json.gz`);
  if (Object.keys(src.symbols).length) throw new KdsimError('E_SYMBOLS', `${label}.json.gz holds symbols; the store takes layouts only.`);
  if (src.base_types.pointer?.size !== 4) throw new KdsimError('E_SYMBOLS', `${label}.json.gz is not an x86 layout (pointer size).`);
  const isf: IsfFile = {
    metadata: {
      format: ISF_FORMAT,
      producer: { name: 'kdsim-importLayouts', version: IMPORTER_VERSION },
      windows: { pe: { major: build.major, minor: build.minor, revision: build.revision ?? 0, build: build.build } },
    },
    base_types: src.base_types,
    user_types: src.user_types,
    enums: src.enums,
    symbols: {},
  };
  return sortKeys(isf) as IsfFile;
}

/** The bytes of a store file: compact JSON, gzip level 9. */
export const storeBytes = (isf: IsfFile): Buffer => gzipSync(Buffer.from(JSON.stringify(isf), 'utf8'), { level: 9 });

/** Import every `<label>.json.gz` of `sourceDir` into `outDir`; returns label, input and output sizes. */
export function importAll(sourceDir = SHARED_LAYOUTS_DIR, outDir = LAYOUTS_DIR): { label: string; inBytes: number; outBytes: number }[] {
  const files = readdirSync(sourceDir).filter((f) => f.endsWith('.json.gz')).sort();
  const labels = files.map((f) => f.replace(/\.json\.gz$/, ''));
  const missing = KERNEL_BUILDS.map((k) => k.label).filter((l) => !labels.includes(l));
  if (missing.length) throw new KdsimError('E_SYMBOLS', `${sourceDir} lacks layouts for ${missing.join(', ')}.`);
  mkdirSync(outDir, { recursive: true });
  return files.map((f, i) => {
    const gz = readFileSync(join(sourceDir, f));
    const out = storeBytes(importLayout(labels[i], gz));
    writeFileSync(join(outDir, f), out);
    return { label: labels[i], inBytes: gz.length, outBytes: out.length };
  });
}

if (require.main === module) {
  try {
    const rows = importAll(process.argv[2] ? resolve(process.argv[2]) : undefined, process.argv[3] ? resolve(process.argv[3]) : undefined);
    for (const r of rows) console.log(`${r.label.padEnd(24)} ${String(r.inBytes).padStart(7)} -> ${String(r.outBytes).padStart(7)} bytes`);
    console.log(`${rows.length} builds, ${rows.reduce((s, r) => s + r.outBytes, 0)} bytes in ${LAYOUTS_DIR}`);
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    process.exitCode = 1;
  }
}
