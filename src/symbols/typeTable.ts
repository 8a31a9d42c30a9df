import { KdsimError } from '../common/errors';
import type { IsfBaseType, IsfFile, IsfTypeDescriptor, IsfUserType } from './isf';
import type { FieldInfo, TypeTableApi } from './typeTable.api';

type IsfTypes = Pick<IsfFile, 'base_types' | 'user_types' | 'enums'>;

const symbolError = (module: string, what: string): never => {
  throw new KdsimError('E_SYMBOLS', `Symbol ${module}!${what} not found.`);
};

/** dt's spelling of an integer/char base type ('Uint4B', 'UChar', 'Int8B', 'Wchar'). */
function dtBaseName(name: string, t: IsfBaseType | undefined): string {
  if (name === 'void' || t?.kind === 'void') return 'Void';
  if (name === 'wchar') return 'Wchar';
  if (!t) return name;
  if (t.kind === 'float') return t.size === 4 ? 'Float' : 'Double';
  if (t.kind === 'bool') return 'Bool';
  if (t.size === 1) return t.signed ? 'Char' : 'UChar';
  return `${t.signed ? 'Int' : 'Uint'}${t.size}B`;
}

/** Layout queries over one module's ISF types; every structure offset in kdsim is read through one of these. */
export class TypeTable implements TypeTableApi {
  private readonly sortedFields = new Map<string, FieldInfo[]>();

  constructor(private readonly isf: IsfTypes, readonly moduleName: string) {}

  hasType(name: string): boolean {
    return name in this.isf.user_types || name in this.isf.enums || name in this.isf.base_types;
  }

  typeNames(): string[] {
    return Object.keys(this.isf.user_types).sort();
  }

  /** The raw ISF user type (for `dt` listings that need the struct/union kind). */
  userType(name: string): IsfUserType {
    return this.isf.user_types[name] ?? symbolError(this.moduleName, name);
  }

  sizeof(typeName: string): number {
    const u = this.isf.user_types[typeName];
    if (u) return u.size;
    const e = this.isf.enums[typeName];
    if (e) return e.size;
    const b = this.isf.base_types[typeName];
    if (b) return b.size;
    return symbolError(this.moduleName, typeName);
  }

  fields(typeName: string): FieldInfo[] {
    let list = this.sortedFields.get(typeName);
    if (!list) {
      const u = this.userType(typeName);
      // By offset, bitfields sharing storage by bit position (generated ISF files list fields alphabetically, so
      // declaration order is not the PDB's); otherwise stable: equal offsets keep ISF order.
      list = Object.entries(u.fields)
        .map(([name, f]) => this.info(name, f.offset, f.type))
        .sort((a, b) => a.offset - b.offset || (a.bitPosition ?? -1) - (b.bitPosition ?? -1));
      this.sortedFields.set(typeName, list);
    }
    return list;
  }

  /**
   * Dotted path through nested structs/unions, with optional array indexes: 'PrcbData.CurrentThread',
   * 'HighWord.Bits.Type', 'PrcbData.DpcData[1].DpcListHead', 'IoMaps.IoMap' (an array of structs without an
   * index means element 0, as dt does).
   */
  field(typeName: string, path: string): FieldInfo {
    let owner = typeName;
    let offset = 0;
    let found: FieldInfo | undefined;
    for (const step of path.split('.')) {
      const m = step.match(/^(\w+)((?:\[\d+\])*)$/);
      if (!m) throw new KdsimError('E_SYMBOLS', `Bad field path '${path}' for ${this.moduleName}!${typeName}.`);
      const u = this.userType(owner);
      const f = u.fields[m[1]] ?? symbolError(this.moduleName, `${owner}.${m[1]}`);
      offset += f.offset;
      let type = f.type;
      for (const idx of m[2].match(/\d+/g) ?? []) {
        if (type.kind !== 'array') throw new KdsimError('E_SYMBOLS', `${owner}.${m[1]} is not an array.`);
        if (+idx >= type.count) {
          throw new KdsimError('E_SYMBOLS', `Index ${idx} is out of range for ${owner}.${m[1]} ([${type.count}]).`);
        }
        offset += +idx * this.sizeOfDescriptor(type.subtype);
        type = type.subtype;
      }
      found = this.info(m[1], offset, type);
      // Step into the next struct: through arrays of structs (element 0) too.
      let inner = type;
      while (inner.kind === 'array') inner = inner.subtype;
      owner = inner.kind === 'struct' || inner.kind === 'union' || inner.kind === 'class' ? inner.name : '';
    }
    return found as FieldInfo;
  }

  offsetof(typeName: string, path: string): number {
    return this.field(typeName, path).offset;
  }

  sizeOfDescriptor(t: IsfTypeDescriptor): number {
    switch (t.kind) {
      case 'base':
        return this.isf.base_types[t.name]?.size ?? symbolError(this.moduleName, t.name);
      case 'pointer':
        return this.pointerSize();
      case 'array':
        return t.count * this.sizeOfDescriptor(t.subtype);
      case 'struct':
      case 'union':
      case 'class':
      case 'enum':
        return this.sizeof(t.name);
      case 'bitfield':
        return this.sizeOfDescriptor(t.type);
      case 'function':
        return 0;
    }
  }

  describe(t: IsfTypeDescriptor): string {
    switch (t.kind) {
      case 'base':
        return dtBaseName(t.name, this.isf.base_types[t.name]);
      case 'pointer':
        return `Ptr${this.pointerSize() * 8} ${t.subtype.kind === 'function' ? 'Void' : this.describe(t.subtype)}`;
      case 'array':
        return `[${t.count}] ${this.describe(t.subtype)}`;
      case 'struct':
      case 'union':
      case 'class':
      case 'enum':
        // PDB unnamed unions/structs (pdbconv writes '__unnamed_xxxx'): dt prints them as '__unnamed'.
        return t.name.startsWith('__unnamed') ? '__unnamed' : t.name;
      case 'bitfield':
        return `Pos ${t.bit_position}, ${t.bit_length} Bit${t.bit_length === 1 ? '' : 's'}`;
      case 'function':
        return 'Void';
    }
  }

  private pointerSize(): number {
    return this.isf.base_types.pointer?.size ?? 4;
  }

  private info(name: string, offset: number, type: IsfTypeDescriptor): FieldInfo {
    return type.kind === 'bitfield'
      ? { name, offset, type, bitPosition: type.bit_position, bitLength: type.bit_length }
      : { name, offset, type };
  }
}
