import { hex8 } from '../../common/hex';
import type { NamedAddress } from '../symbols/symbolList';

/** `x` lines: address, name, and WinDbg's note for symbols without type information. */
export function renderX(symbols: NamedAddress[]): string[] {
  return symbols.map((s) => `${hex8(s.address)} ${s.name} ${s.isFunction ? '(<no parameter info>)' : '= <no type information>'}`);
}
