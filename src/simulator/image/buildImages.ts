/**
 * Lays out every module (code, import address tables, SEH scope tables, debug records), resolves calls across
 * modules, and writes the images into simulated memory with valid MZ/PE headers and checksums.
 */
import { Asm, type Resolve } from '../code/asm';
import { emitFunctions, type FunctionSpec } from '../code/emitter';
import { functionSpec, importSlot } from '../code/frameFunction';
import type { VirtualSpace } from '../memory/virtualSpace';
import { PAGE_SIZE } from '../../common/hex';
import { finishImage, SCN_CODE, SCN_DATA, SCN_RDATA } from './peImage';
import { versionInfo, versionResourceSection } from './versionResource';
import { isFnDef, type BuiltModule, type ModuleDef } from './modules';

/** Where the kernel's own image sits physically: VA − 0x80000000 (the loader's identity-style placement). */
const KSEG0 = 0x80000000;
/** Symbols of SEH scope tables: `__scopetable_<function>` (kept out of the ISF files). */
export const SCOPETABLE_PREFIX = '__scopetable_';

export function buildImages(defs: ModuleDef[], mem: VirtualSpace): Map<string, BuiltModule> {
  // 1. Import slots and scope tables: fixed places in .rdata, known before any code is placed.
  const rdataSymbols = new Map<string, number>();
  const rdataLayout = new Map<string, { va: number; bytes: Uint8Array }[]>();
  const resources = new Map<string, { rva: number; size: number }>();
  for (const def of defs) {
    let at = def.base + def.rdataRva;
    const parts: { va: number; bytes: Uint8Array }[] = [];
    for (const imp of def.imports) {
      rdataSymbols.set(importSlot(def.name, imp), at);
      rdataSymbols.set(`${def.name}!__imp_${imp.split('!')[1]}`, at);
      at += 4;
    }
    at = align(at + 4, 16);
    rdataSymbols.set(`${def.name}!debug`, at);
    at += 0x80;
    for (const c of def.code) {
      if (isFnDef(c) && c.kind === 'seh') {
        rdataSymbols.set(`${c.name}:scopetable`, at);
        parts.push({ va: at, bytes: Uint8Array.of(0xff, 0xff, 0xff, 0xff) });
        at += 12;
      }
    }
    if (def.version) {
      at = align(at, 16);
      const rsrc = versionResourceSection(at - def.base, versionInfo(def.version, def.kind));
      parts.push({ va: at, bytes: new Uint8Array(rsrc) });
      resources.set(def.name, { rva: at - def.base, size: rsrc.length });
      at += rsrc.length;
    }
    if (at > def.base + def.dataRva) throw new Error(`${def.name}: .rdata overflows into .data`);
    rdataLayout.set(def.name, parts);
  }

  // 2. Code, module by module; a call outside the module goes through a symbol of another module.
  const functionVa = new Map<string, number>();
  const emitted = new Map<string, ReturnType<typeof emitFunctions>>();
  for (const def of defs) {
    const specs: FunctionSpec[] = def.code.map((c) => (isFnDef(c) ? functionSpec(c) : c));
    const external: Resolve = (name) => {
      const v = rdataSymbols.get(name) ?? functionVa.get(`${def.name}!${name}`);
      if (v === undefined) throw new Error(`${def.name}: unresolved symbol ${name}`);
      return v;
    };
    const code = emitFunctions(specs, def.base + def.textRva, external, () => new Asm());
    for (const f of code.functions) functionVa.set(`${def.name}!${f.name}`, f.va);
    emitted.set(def.name, code);
  }

  // 3. Images: headers, code, filled import slots, then into memory.
  const built = new Map<string, BuiltModule>();
  for (const def of defs) {
    const image = new Uint8Array(def.sizeOfImage);
    const code = emitted.get(def.name)!;
    for (const ch of code.chunks) image.set(ch.bytes, ch.va - def.base);
    const symbols = new Map<string, number>();
    for (const f of code.functions) symbols.set(f.name, f.va);
    for (const imp of def.imports) {
      const slot = rdataSymbols.get(importSlot(def.name, imp))!;
      const target = functionVa.get(imp);
      if (target === undefined) throw new Error(`${def.name}: import ${imp} has no such function`);
      new DataView(image.buffer).setUint32(slot - def.base, target, true);
      symbols.set(`__imp_${imp.split('!')[1]}`, slot);
    }
    for (const p of rdataLayout.get(def.name)!) image.set(p.bytes, p.va - def.base);
    for (const c of def.code) {
      if (isFnDef(c) && c.kind === 'seh') symbols.set(`${SCOPETABLE_PREFIX}${c.name}`, rdataSymbols.get(`${c.name}:scopetable`)!);
    }
    const entryPoint = functionVa.get(`${def.name}!${def.entry}`)!;
    const checkSum = finishImage(image, {
      base: def.base, sizeOfImage: def.sizeOfImage, timeDateStamp: def.timeDateStamp, entryRva: entryPoint - def.base,
      kind: def.kind, pdb: def.pdb, debugRva: rdataSymbols.get(`${def.name}!debug`)! - def.base, resource: resources.get(def.name),
      sections: [
        { name: '.text', rva: def.textRva, size: def.rdataRva - def.textRva, characteristics: SCN_CODE },
        { name: '.rdata', rva: def.rdataRva, size: def.dataRva - def.rdataRva, characteristics: SCN_RDATA },
        { name: '.data', rva: def.dataRva, size: def.sizeOfImage - def.dataRva, characteristics: SCN_DATA },
      ],
    });
    writeImage(mem, def, image);
    built.set(def.name, { def, functions: code.functions, symbols, checkSum, entryPoint });
  }
  return built;
}

function writeImage(mem: VirtualSpace, def: ModuleDef, image: Uint8Array): void {
  for (let off = 0; off < image.length; off += PAGE_SIZE) {
    const va = def.base + off;
    if (def.kind === 'kernel' || def.base >>> 0 < 0xa0000000) mem.mapAt(va, (va - KSEG0) / PAGE_SIZE);
    else mem.ensureMapped(va, PAGE_SIZE);
    const page = image.subarray(off, off + PAGE_SIZE);
    if (page.some((b) => b !== 0)) mem.write(va, page);
  }
}

const align = (v: number, a: number): number => Math.ceil(v / a) * a;
