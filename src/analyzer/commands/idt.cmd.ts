import { KdsimError } from '../../common/errors';
import { hex2, hex4, hex8 } from '../../common/hex';
import type { CommandSpec } from './types';
import { readIdtEntry, IdtEntry } from '../objects/descriptors';
import { descriptorTable } from '../session/descriptorTables';
import { requireNtTypes } from '../session/processorBlock';

interface IdtRow { entry: IdtEntry; symbol?: string }

/** WinDbg's x86 `!idt`: `08:<TAB>Task Selector = 0x0050` for task gates, else handler and symbol. */
function renderIdt(base: number, rows: IdtRow[]): string[] {
  return [
    `Dumping IDT: ${hex8(base)}`,
    '',
    ...rows.map(({ entry: e, symbol }) => (e.gate === 'task'
      ? `${hex2(e.vector)}:\tTask Selector = 0x${hex4(e.selector)}`
      : `${hex2(e.vector)}:\t${hex8(e.offset)}${symbol ? ` ${symbol}` : ''}`)),
  ];
}

export const commands: CommandSpec[] = [
  {
    name: '!idt',
    summary: '!idt [-a] [vector] — interrupt descriptor table of the current processor',
    run(session, args) {
      const opts = args.trim().split(/\s+/).filter(Boolean);
      const all = opts.includes('-a');
      const only = opts.filter((o) => o !== '-a').map((o) => session.evaluate(o) & 0xff);
      const types = requireNtTypes(session);
      const idt = descriptorTable(session, 'IDT');
      if (!idt) throw new KdsimError('E_MEMORY', 'Unable to read the IDT');
      const rows: IdtRow[] = [];
      for (let v = 0; v < 256; v++) {
        if (only.length && !only.includes(v)) continue;
        const e = readIdtEntry(session.vm, types, idt.base, v, idt.limit);
        if (!e || !e.present) continue;
        const symbol = e.gate === 'task' ? undefined : session.symbols.format(e.offset);
        // Like WinDbg, vectors nobody connected (still on KiUnexpectedInterrupt*) show only with -a.
        if (!all && !only.length && symbol?.includes('!KiUnexpectedInterrupt')) continue;
        rows.push({ entry: e, ...(symbol ? { symbol } : {}) });
      }
      return { model: { base: hex8(idt.base), entries: rows }, lines: renderIdt(idt.base, rows) };
    },
  },
];
