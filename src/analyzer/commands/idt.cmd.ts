import { KdsimError } from '../../common/errors';
import { hex2, hex4, hex8 } from '../../common/hex';
import type { CommandSpec } from './types';
import { decodeGate, GateDescriptor } from './structures/descriptor';
import { descriptorTable } from './structures/descriptorTables';

interface IdtEntry { vector: number; gate: GateDescriptor; symbol?: string }

/** WinDbg's x86 `!idt`: `08:<TAB>Task Selector = 0x0050` for task gates, else handler and symbol. */
function renderIdt(base: number, entries: IdtEntry[]): string[] {
  return [
    `Dumping IDT: ${hex8(base)}`,
    '',
    ...entries.map(({ vector, gate, symbol }) => (gate.type === 5
      ? `${hex2(vector)}:\tTask Selector = 0x${hex4(gate.selector)}`
      : `${hex2(vector)}:\t${hex8(gate.offset)}${symbol ? ` ${symbol}` : ''}`)),
  ];
}

export const commands: CommandSpec[] = [
  {
    name: '!idt',
    summary: '!idt [-a] [vector] — interrupt descriptor table of the current processor',
    run(session, args) {
      const opts = args.trim().split(/\s+/).filter(Boolean);
      const only = opts.filter((o) => o !== '-a').map((o) => session.evaluate(o) & 0xff);
      const idt = descriptorTable(session, 'IDT');
      if (!idt) throw new KdsimError('E_MEMORY', 'Unable to read the IDT');
      const entries: IdtEntry[] = [];
      for (let v = 0; v < 256 && v * 8 + 7 <= idt.limit; v++) {
        if (only.length && !only.includes(v)) continue;
        const bytes = session.vm.read((idt.base + v * 8) >>> 0, 8);
        if (!bytes) continue;
        const gate = decodeGate(bytes);
        if (!gate.present) continue;
        entries.push({ vector: v, gate, ...(gate.type === 5 ? {} : { symbol: session.symbols.format(gate.offset) }) });
      }
      return { model: { base: hex8(idt.base), entries }, lines: renderIdt(idt.base, entries) };
    },
  },
];
