import { KdsimError } from '../../common/errors';
import type { CommandSpec } from './types';
import { readPeHeaders } from '../objects/peHeaders';
import { renderLmi, LmiModel } from '../render/lmi';

export const commands: CommandSpec[] = [
  {
    name: '!lmi',
    summary: '!lmi <module|base> — a module\'s image header summary (machine, timestamp, size, debug directories)',
    run(session, args) {
      const asTyped = args.trim();
      if (!asTyped) throw new KdsimError('E_COMMAND', 'Usage: !lmi <module name or base address>');
      let module = session.symbols.moduleByName(asTyped);
      if (!module) {
        let base: number | undefined;
        try { base = session.evaluate(asTyped) >>> 0; } catch { base = undefined; }
        module = base === undefined ? undefined : session.symbols.moduleAt(base);
      }
      if (!module) throw new KdsimError('E_COMMAND', `${asTyped} not found`);
      const model: LmiModel = { asTyped, module, headers: readPeHeaders(session.vm, module.base) };
      return { model, lines: renderLmi(model) };
    },
  },
];
