import type { TypeTableApi } from '../../symbols/typeTable.api';
import type { FunctionFrameData } from '../../symbols/isf';

/** A loaded image as the debugger knows it (from the module list, or the kernel found without one). */
export interface ModuleInfo {
  /** WinDbg module name: 'nt' for the kernel, else the image name without extension ('StackHog'). */
  name: string;
  /** Image file name as in the module list ('ntkrpamp.exe', 'StackHog.sys'). */
  imageName: string;
  fullPath?: string;
  base: number;
  size: number;
  timeDateStamp?: number;
  checkSum?: number;
  /** From the image's RSDS debug record, when readable. */
  pdb?: { name: string; guid: string; age: number };
  /** 'loaded' when an ISF file matched the RSDS record, 'none' (WinDbg's "no symbols"), 'mismatch', 'unreadable'
   *  (no RSDS record readable), 'corrupt' (the matching file is bad JSON or the wrong schema: ignored). */
  symbolStatus: 'loaded' | 'none' | 'mismatch' | 'unreadable' | 'corrupt';
  /** The symbol file in use ('loaded') or rejected ('corrupt'), as a full path. */
  symbolFile?: string;
  /** Why a 'corrupt' file was ignored (one line). */
  symbolNote?: string;
  /** The PDB name WinDbg uses for types, e.g. 'ntkrpamp' (so `dt ntkrpamp!_KPCR` and `dt nt!_KPCR` both work). */
  typeModuleName?: string;
}

export interface SymbolHit {
  module: ModuleInfo;
  /** Undefined when the module has no symbols or the address is before the first symbol. */
  symbol?: { name: string; address: number; frame?: FunctionFrameData };
  /** Offset from the symbol, or from the module base when there is no symbol. */
  offset: number;
}

/** Address ↔ name over the loaded modules; 'nt' aliases the kernel's own name. */
export interface SymbolResolverApi {
  modules(): ModuleInfo[];
  moduleByName(name: string): ModuleInfo | undefined;
  moduleAt(addr: number): ModuleInfo | undefined;
  lookup(addr: number): SymbolHit | undefined;
  /** WinDbg text: 'nt!_KiTrap0E+0x5c', 'nt!_KiTrap08', 'StackHog+0x10e2', or undefined outside any module. */
  format(addr: number): string | undefined;
  /** 'nt!KiTrap0E', 'KiTrap0E', 'StackHog!Fn' → address; undefined when unknown. */
  resolve(name: string): number | undefined;
  /** Wildcard listing for `x` (pattern 'nt!Ki*'). */
  search(pattern: string): { name: string; address: number }[];
  /** Types for `dt`: by module name ('nt', 'ntkrpamp', 'StackHog'). */
  typesFor(moduleName: string): TypeTableApi | undefined;
  /** Frame data of the function containing addr (FPO/EBP/TRAP/TSS), for the walkers. */
  frameDataAt(addr: number): FunctionFrameData | undefined;
}
