import type { IsfFile, IsfPdbMetadata, IsfSymbol } from './isf';

/** ISF schema version kdsim writes (volatility3 accepts 6.x). */
export const ISF_FORMAT = '6.2.0';

/**
 * Assemble a whole ISF document from types (e.g. ntkrpampTypes()) plus a module's PDB identity and symbols
 * (addresses are RVAs). Keys are sorted so the written JSON is byte-stable.
 */
export function buildIsf(opts: {
  types: Pick<IsfFile, 'base_types' | 'user_types' | 'enums'>;
  pdb: IsfPdbMetadata;
  symbols?: Record<string, IsfSymbol>;
  producerVersion?: string;
}): IsfFile {
  const sorted = <T>(r: Record<string, T>): Record<string, T> =>
    Object.fromEntries(Object.keys(r).sort().map((k) => [k, r[k]]));
  return {
    metadata: {
      format: ISF_FORMAT,
      producer: { name: 'kdsim', version: opts.producerVersion ?? '0.1.0' },
      windows: { pdb: opts.pdb },
    },
    base_types: sorted(opts.types.base_types),
    user_types: sorted(opts.types.user_types),
    enums: sorted(opts.types.enums),
    symbols: sorted(opts.symbols ?? {}),
  };
}
