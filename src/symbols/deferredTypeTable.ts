/**
 * A type table built on first use, as WinDbg's `(deferred)` symbols: the built-in kernel layouts (a 450 KB JSON)
 * are parsed only when a session really falls back to them, not at every start-up.
 */
import type { FieldInfo, TypeTableApi } from './typeTable.api';
import type { IsfTypeDescriptor } from './isf';

export class DeferredTypeTable implements TypeTableApi {
  private table?: TypeTableApi;

  constructor(readonly moduleName: string, private readonly make: () => TypeTableApi) {}

  /** True once something has asked a question (for the start-up test). */
  get loaded(): boolean { return this.table !== undefined; }

  private get t(): TypeTableApi { return (this.table ??= this.make()); }
  hasType(name: string): boolean { return this.t.hasType(name); }
  typeNames(): string[] { return this.t.typeNames(); }
  sizeof(typeName: string): number { return this.t.sizeof(typeName); }
  fields(typeName: string): FieldInfo[] { return this.t.fields(typeName); }
  field(typeName: string, path: string): FieldInfo { return this.t.field(typeName, path); }
  offsetof(typeName: string, path: string): number { return this.t.offsetof(typeName, path); }
  sizeOfDescriptor(t: IsfTypeDescriptor): number { return this.t.sizeOfDescriptor(t); }
  describe(t: IsfTypeDescriptor): string { return this.t.describe(t); }
  enumConstants(enumName: string): Record<string, number> | undefined { return this.t.enumConstants?.(enumName); }
}
