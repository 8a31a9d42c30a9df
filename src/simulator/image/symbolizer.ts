/**
 * Address → `module!function+0xoff` over the simulator's own images (for the ground truth; the analyzer has
 * its own resolver over ISF files).
 */
import { hexMin } from '../../common/hex';
import type { BuiltModule } from './modules';

export function makeSymbolizer(modules: BuiltModule[]): (va: number) => { module: string; text: string } {
  return (va: number) => {
    const m = modules.find((x) => va >= x.def.base && va < x.def.base + x.def.sizeOfImage);
    if (!m) return { module: '', text: hexMin(va >>> 0) };
    const f = m.functions.find((x) => va >= x.va && va < x.va + x.size);
    if (!f) return { module: m.def.name, text: `${m.def.name}+0x${hexMin(va - m.def.base)}` };
    return { module: m.def.name, text: va === f.va ? `${m.def.name}!${f.name}` : `${m.def.name}!${f.name}+0x${hexMin(va - f.va)}` };
  };
}
