/**
 * volatility3's Intermediate Symbol Format (schema 6.x), as TypeScript types. This is the single source
 * of kernel structure layouts and symbol addresses for both the simulator and the analyzer.
 * Symbol `address` values are RVAs (module base is added by the loader), as pdbconv writes them.
 */
export type IsfTypeDescriptor =
  | { kind: 'base'; name: string }
  | { kind: 'pointer'; subtype: IsfTypeDescriptor }
  | { kind: 'array'; count: number; subtype: IsfTypeDescriptor }
  | { kind: 'struct' | 'union' | 'class'; name: string }
  | { kind: 'enum'; name: string }
  | { kind: 'function' }
  | { kind: 'bitfield'; bit_position: number; bit_length: number; type: IsfTypeDescriptor };

export interface IsfBaseType { kind: 'void' | 'int' | 'float' | 'char' | 'bool'; size: number; signed: boolean; endian: 'little' | 'big' }
export interface IsfField { offset: number; type: IsfTypeDescriptor; anonymous?: boolean }
export interface IsfUserType { kind: 'struct' | 'union' | 'class'; size: number; fields: Record<string, IsfField> }
export interface IsfEnum { size: number; base: string; constants: Record<string, number> }
export interface IsfSymbol { address: number; linkage_name?: string; type?: IsfTypeDescriptor; constant_data?: string }

export interface IsfPdbMetadata { GUID: string; age: number; database: string; machine_type: number }
export interface IsfFile {
  metadata: {
    format: string;
    producer?: { name: string; version: string; datetime?: string };
    windows?: { pdb?: IsfPdbMetadata; pe?: { major: number; minor: number; revision: number; build?: number } };
  };
  base_types: Record<string, IsfBaseType>;
  user_types: Record<string, IsfUserType>;
  enums: Record<string, IsfEnum>;
  symbols: Record<string, IsfSymbol>;
}

/**
 * kdsim's sidecar to an ISF file (`<GUID>-<age>.frames.json` beside `<GUID>-<age>.json`): per-function
 * size and frame data, what a PDB's FPO/frame-data stream holds. It lives apart because the ISF schema
 * forbids extra properties. Keys are symbol names of the ISF file.
 */
export type FrameKind = 'fpo' | 'ebp' | 'trap' | 'tss';
export interface FunctionFrameData {
  /** RVA and byte length of the function's code. */
  rva: number;
  size: number;
  /** 'ebp': push ebp/mov ebp,esp frame. 'fpo': no frame pointer. 'trap'/'tss': trap handler frames (FRAME_TRAP / FRAME_TSS). */
  kind: FrameKind;
  /** Bytes of locals (FPO cdwLocals*4), saved registers count, parameter bytes (FPO cdwParams*4), prologue length. */
  localsBytes: number;
  savedRegs: number;
  paramBytes: number;
  prologBytes: number;
  /**
   * Optional (written by kdsim's simulator): the callee-saved registers the prologue pushes, in push order. For an
   * 'fpo' function that lists 'ebp', EBP is used as a general register (FPO fUseBP) and its caller's value sits in
   * the slot of that push.
   */
  savedRegisters?: ('ebx' | 'ebp' | 'esi' | 'edi')[];
}
export interface FrameDataFile { module: string; pdb: IsfPdbMetadata; functions: Record<string, FunctionFrameData> }
