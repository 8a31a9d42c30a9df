import type { IsfTypeDescriptor } from './isf';

/** A field of a user type; `offset` is from the start of the type asked about (nested paths add up). */
export interface FieldInfo {
  name: string;
  offset: number;
  type: IsfTypeDescriptor;
  bitPosition?: number;
  bitLength?: number;
}

/**
 * Layout queries over one module's ISF types (implemented by src/symbols/typeTable.ts).
 * Unknown types or fields throw KdsimError('E_SYMBOLS', ...) with WinDbg-like wording.
 */
export interface TypeTableApi {
  readonly moduleName: string;
  hasType(name: string): boolean;
  typeNames(): string[];
  sizeof(typeName: string): number;
  /** Direct fields in offset order (union members share an offset; ISF declaration order breaks ties). */
  fields(typeName: string): FieldInfo[];
  /** Dotted path, e.g. ('_KPCR', 'PrcbData.CurrentThread') → offset 0x124 from the _KPCR start. */
  field(typeName: string, path: string): FieldInfo;
  offsetof(typeName: string, path: string): number;
  sizeOfDescriptor(t: IsfTypeDescriptor): number;
  /** `dt` spelling of a type: 'Ptr32 _KTSS', 'Uint4B', 'UChar', '[14] Uint4B', '_NT_TIB', 'Pos 0, 1 Bit'. */
  describe(t: IsfTypeDescriptor): string;
  /** Constants of an enum type (name → value), for `dt`'s `0 ( NonPagedPool )`; undefined when unknown. Optional. */
  enumConstants?(enumName: string): Record<string, number> | undefined;
}
