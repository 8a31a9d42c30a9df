import { join } from 'path';
import { KdsimError } from '../common/errors';
import { buildByLabel } from './builds';
import type { IsfFile } from './isf';
import { readJsonFile } from './isfLoader';
import { paeLayouts } from './paePageTables';
import { DEFAULT_SYMBOLS_DIR } from './symbolStore';

export type KernelTypes = Pick<IsfFile, 'base_types' | 'user_types' | 'enums'>;

/** The shipped store of real kernel layouts: symbols/layouts/<label>.json.gz (made by `npm run layouts`). */
export const LAYOUTS_DIR = join(DEFAULT_SYMBOLS_DIR, 'layouts');

export const layoutsPath = (label: string): string => join(LAYOUTS_DIR, `${label}.json.gz`);

const cache = new Map<string, KernelTypes>();

/**
 * The kernel types of one build (a label of src/symbols/builds.ts), read once from the store and shared by every
 * caller: treat them as read-only (freezing or copying 600 types would cost start-up 20–100 ms). `pae` selects the PAE kernel's page-table types
 * (ntkrnlpa/ntkrpamp; derived by paePageTables.ts where the store holds the non-PAE kernel's).
 */
export function kernelTypes(label: string, opts: { pae: boolean }): KernelTypes {
  const key = `${label}/${opts.pae ? 'pae' : 'nopae'}`;
  let types = cache.get(key);
  if (!types) {
    if (!buildByLabel(label)) throw new KdsimError('E_SYMBOLS', `Unknown kernel build '${label}'.`);
    // The shipped files are validated by the tests (kernelLayouts.test.ts loads every build through parseIsf);
    // start-up skips that walk.
    const isf = readJsonFile(layoutsPath(label)) as IsfFile;
    const base: KernelTypes = { base_types: isf.base_types, user_types: isf.user_types, enums: isf.enums };
    if (opts.pae) {
      types = paeLayouts(base);
    } else {
      if (isf.user_types._MMPTE?.size === 8) {
        throw new KdsimError('E_SYMBOLS', `The ${label} layouts are from a PAE kernel; its non-PAE page tables are not known.`);
      }
      types = base;
    }
    cache.set(key, types);
  }
  return types;
}
