import { KdsimError } from '../../common/errors';
import type { CommandSpec } from './types';
import { decodeSegment } from './structures/descriptor';
import { descriptorTable } from './structures/descriptorTables';
import { renderDg, DgRow } from '../render/dg';

/** Rows a single `dg` may print (a range like `dg 0 ffff` is clipped to the GDT anyway). */
const MAX_ROWS = 8192;

export const commands: CommandSpec[] = [
  {
    name: 'dg',
    summary: 'dg <sel> [<last sel>] — decode GDT descriptors (selectors, registers or expressions)',
    run(session, args) {
      const parts = args.trim().split(/\s+/).filter(Boolean);
      if (!parts.length || parts.length > 2) throw new KdsimError('E_COMMAND', 'Usage: dg <selector> [<selector>]');
      const first = session.evaluate(parts[0]) & 0xffff;
      const last = parts[1] === undefined ? first : session.evaluate(parts[1]) & 0xffff;
      const gdt = descriptorTable(session, 'GDT');
      const rows: DgRow[] = [];
      for (let sel = first; sel <= last && rows.length < MAX_ROWS; sel += 8) {
        const index = sel & ~7;
        // TI=1 selectors live in an LDT, which Windows x86 kernel threads do not have.
        const bytes = gdt && !(sel & 4) && index + 7 <= gdt.limit ? session.vm.read((gdt.base + index) >>> 0, 8) : null;
        rows.push({ selector: sel, descriptor: bytes ? decodeSegment(bytes) : null });
      }
      return { model: rows, lines: renderDg(rows) };
    },
  },
];
