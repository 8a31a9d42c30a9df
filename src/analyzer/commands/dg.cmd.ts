import { KdsimError } from '../../common/errors';
import type { CommandSpec } from './types';
import { readGdtEntry } from '../objects/descriptors';
import { descriptorTable } from '../session/descriptorTables';
import { requireNtTypes } from '../session/processorBlock';
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
      const types = requireNtTypes(session);
      const gdt = descriptorTable(session, 'GDT');
      const rows: DgRow[] = [];
      for (let sel = first; sel <= last && rows.length < MAX_ROWS; sel += 8) {
        // TI=1 selectors live in an LDT, which Windows x86 kernel threads do not have.
        const d = gdt && !(sel & 4) ? readGdtEntry(session.vm, types, gdt.base, sel, gdt.limit) : null;
        rows.push({ selector: sel, descriptor: d });
      }
      return { model: rows, lines: renderDg(rows) };
    },
  },
];
