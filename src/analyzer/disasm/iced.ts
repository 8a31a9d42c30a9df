/**
 * The one door to iced-x86. Its wasm (~780 KB) compiles in tens of milliseconds, so it is required inside
 * `iced()` on first use: a session that never disassembles never loads it (src/bench/disasm.bench.ts proves
 * it). iced's JS glue instantiates the wasm synchronously, so callers stay synchronous.
 */
import type * as Iced from 'iced-x86';

export type IcedModule = typeof Iced;

let mod: IcedModule | undefined;
let masm: Iced.Formatter | undefined;

/** The iced-x86 module, loaded on first call. */
export function iced(): IcedModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  mod ??= require('iced-x86') as IcedModule;
  return mod;
}

/** True once something has disassembled in this process (for the bench and its test). */
export const icedLoaded = (): boolean => mod !== undefined;

/**
 * A MASM formatter set up as WinDbg prints: `dword ptr` always, no space after commas, no `short`, hex with
 * an `h` suffix and a leading 0 before a letter digit (`0BFh`), 0-9 in decimal (`[ebp-4]`).
 */
export function masmFormatter(): Iced.Formatter {
  if (masm) return masm;
  const ic = iced();
  const f = new ic.Formatter(ic.FormatterSyntax.Masm);
  f.memorySizeOptions = ic.MemorySizeOptions.Always;
  f.spaceAfterOperandSeparator = false;
  f.showBranchSize = false;
  f.uppercaseHex = true;
  f.hexSuffix = 'h';
  f.addLeadingZeroToHexNumbers = true;
  f.smallHexNumbersInDecimal = true;
  masm = f;
  return f;
}
