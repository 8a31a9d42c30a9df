/**
 * `!pte va` and `!vtop dirbase va`: the PAE walk of one virtual address, as kdexts and dbgeng print it.
 * PAE's self-map puts the PTEs at C0000000 (8 bytes per 4 KiB page) and the PDEs at C0600000 (8 bytes per 2 MiB),
 * so `!pte` names each entry by its virtual address; kdsim reads the entries by physical address through the
 * current DTB (the self-map's pages need not be in the dump for the walk to succeed).
 */
import { hex8, hexPad } from '../../common/hex';
import { KdsimError } from '../../common/errors';
import { CaretError } from '../session/errors';
import type { CommandSpec } from './types';
import type { SessionApi } from '../session/types';

const PTE_BASE = 0xc0000000;
const PDE_BASE = 0xc0600000;

interface PaeEntry { level: 'PDPE' | 'PDE' | 'PTE'; pa: number; value: bigint }

function readEntry(session: SessionApi, pa: number): bigint | null {
  const b = session.dump.phys.read(pa, 8);
  return b ? Buffer.from(b).readBigUInt64LE(0) : null;
}

const frameOf = (e: bigint) => Number(e & 0x000ffffffffff000n);

/** The PAE entries met walking `va` from `dirbase`, and the physical address when the walk ends in a page. */
function paeWalk(session: SessionApi, dirbase: number, va: number): { entries: PaeEntry[]; pa?: number; large?: boolean } {
  const entries: PaeEntry[] = [];
  const read = (level: PaeEntry['level'], pa: number) => {
    const value = readEntry(session, pa);
    if (value === null) throw new KdsimError('E_MEMORY', `Physical memory read at ${pa.toString(16)} failed`);
    entries.push({ level, pa, value });
    return value;
  };
  const pdpe = read('PDPE', (dirbase & 0xffffffe0) + ((va >>> 30) & 3) * 8);
  if (!(pdpe & 1n)) return { entries };
  const pde = read('PDE', frameOf(pdpe) + ((va >>> 21) & 0x1ff) * 8);
  if (!(pde & 1n)) return { entries };
  if (pde & 0x80n) return { entries, pa: frameOf(pde) - (frameOf(pde) % 0x200000) + (va % 0x200000), large: true };
  const pte = read('PTE', frameOf(pde) + ((va >>> 12) & 0x1ff) * 8);
  if (!(pte & 1n)) return { entries };
  return { entries, pa: frameOf(pte) + (va & 0xfff) };
}

/** kdexts' flag letters, left to right: Copy-on-write G(lobal) L(arge) D(irty) A(ccessed) N(o cache)
 *  T(write-through) U/K W/R E(xecutable: NX clear) V(alid); `-` for a clear bit. */
export function pteFlags(e: bigint): string {
  const bit = (n: number) => (e & (1n << BigInt(n))) !== 0n;
  return [
    bit(9) ? 'C' : '-', bit(8) ? 'G' : '-', bit(7) ? 'L' : '-', bit(6) ? 'D' : '-', bit(5) ? 'A' : '-',
    bit(4) ? 'N' : '-', bit(3) ? 'T' : '-', bit(2) ? 'U' : 'K', bit(1) ? 'W' : 'R', (e >> 63n) & 1n ? '-' : 'E', bit(0) ? 'V' : '-',
  ].join('');
}

const pfnText = (e: bigint) => (e & 1n ? `pfn ${(frameOf(e) / 0x1000).toString(16)} ${pteFlags(e)}` : 'not valid');

function requirePae(session: SessionApi): void {
  if (!session.vm.pae) throw new KdsimError('E_COMMAND', 'kdsim reads !pte/!vtop for PAE targets only (this dump is non-PAE)');
}

export const commands: CommandSpec[] = [
  {
    name: '!pte',
    summary: '!pte <va> — the PDE and PTE mapping a virtual address (PAE), their contents and flags',
    run(session, args) {
      if (!args.trim()) throw new CaretError('Syntax error');
      requirePae(session);
      const va = session.evaluate(args.trim()) >>> 0;
      const walk = paeWalk(session, session.vm.dtb, va);
      const pde = walk.entries.find((e) => e.level === 'PDE');
      const pte = walk.entries.find((e) => e.level === 'PTE');
      const pdeVa = (PDE_BASE + Math.floor(va / 0x200000) * 8) >>> 0;
      const pteVa = (PTE_BASE + Math.floor(va / 0x1000) * 8) >>> 0;
      const contains = (e?: PaeEntry) => (e ? hexPad(e.value, 16).toUpperCase() : '????????????????');
      const lines = [
        `               VA ${hex8(va)}`,
        `PDE at ${hex8(pdeVa).toUpperCase()}            PTE at ${hex8(pteVa).toUpperCase()}`,
        `contains ${contains(pde)}  contains ${walk.large ? '' : contains(pte)}`.trimEnd(),
      ];
      if (pde && walk.large) lines.push(`${pfnText(pde.value).padEnd(27)}LARGE PAGE pfn ${Math.floor(walk.pa! / 0x1000).toString(16)}`);
      else lines.push(`${(pde ? pfnText(pde.value) : '').padEnd(27)}${pte ? pfnText(pte.value) : ''}`.trimEnd());
      return { model: { va, pdeVa, pteVa, pde: pde?.value, pte: pte?.value, pa: walk.pa, large: !!walk.large }, lines };
    },
  },
  {
    name: '!vtop',
    summary: '!vtop <dirbase> <va> — translate a virtual address through a page directory (0: the current one)',
    run(session, args) {
      const parts = args.trim().split(/\s+/).filter(Boolean);
      if (parts.length !== 2) throw new CaretError('Syntax error');
      requirePae(session);
      const given = session.evaluate(parts[0]) >>> 0;
      const dirbase = given === 0 ? session.vm.dtb : given;
      const va = session.evaluate(parts[1]) >>> 0;
      const walk = paeWalk(session, dirbase, va);
      const lines = [`X86VtoP: Virt ${hex8(va)}, pagedir ${hex8(dirbase)}`];
      for (const e of walk.entries) lines.push(`X86VtoP: PAE ${e.level} ${hex8(e.pa)} - ${hexPad(e.value, 16)}`);
      if (walk.pa === undefined) {
        lines.push(`X86VtoP: PAE zero ${walk.entries[walk.entries.length - 1].level}`, `Virtual address ${hex8(va)} translation fails, error 0xD0000147.`);
      } else {
        if (walk.large) lines.push(`X86VtoP: PAE Large page mapped phys ${hex8(walk.pa)}`);
        else lines.push(`X86VtoP: PAE Mapped phys ${hex8(walk.pa)}`);
        lines.push(`Virtual address ${hex8(va)} translates to physical address ${walk.pa.toString(16)}.`);
      }
      return { model: { va, dirbase, entries: walk.entries, pa: walk.pa ?? null }, lines };
    },
  },
];
