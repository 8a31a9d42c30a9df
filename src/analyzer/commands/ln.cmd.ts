import { KdsimError } from '../../common/errors';
import type { CommandSpec } from './types';
import { moduleSymbols } from '../symbols/symbolList';
import { renderLn, LnModel } from '../render/ln';

export const commands: CommandSpec[] = [
  {
    name: 'ln',
    summary: 'ln <address> — the nearest symbols below and above an address',
    run(session, args) {
      if (!args.trim()) throw new KdsimError('E_COMMAND', 'Usage: ln <address>');
      const address = session.evaluate(args.trim()) >>> 0;
      const hit = session.symbols.lookup(address);
      // Outside every module WinDbg's ln prints nothing.
      if (!hit) return { model: null, lines: [] };
      const mod = hit.module.name;
      const start = hit.symbol ? hit.symbol.address >>> 0 : hit.module.base;
      const text = session.symbols.format(address) ?? `${mod}+0x${(address - hit.module.base).toString(16)}`;
      const all = hit.symbol ? moduleSymbols(session.symbols, mod) : [];
      const next = all.find((s) => s.address > start);
      const model: LnModel = {
        address, start, text,
        ...(next ? { next: { address: next.address, name: next.name } } : {}),
        exact: start === address ? all.filter((s) => s.address === address).map(({ name, isFunction }) => ({ name, isFunction })) : [],
      };
      return { model, lines: renderLn(model) };
    },
  },
];
