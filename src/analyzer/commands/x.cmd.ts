import { KdsimError } from '../../common/errors';
import type { CommandSpec } from './types';
import { moduleSymbols } from '../symbols/symbolList';
import { wildcard } from '../model/dtArgs';
import { renderX } from '../render/x';

export const commands: CommandSpec[] = [
  {
    name: 'x',
    summary: 'x [module!]pattern — symbols matching a wildcard pattern (module may be a wildcard too)',
    run(session, args) {
      const spec = args.trim().split(/\s+/).filter((t) => !t.startsWith('/'))[0];
      if (!spec) throw new KdsimError('E_COMMAND', 'Usage: x [module!]pattern');
      const bang = spec.indexOf('!');
      const modPattern = bang < 0 ? '*' : spec.slice(0, bang) || '*';
      const symPattern = bang < 0 ? spec : spec.slice(bang + 1) || '*';
      const re = wildcard(modPattern);
      const mods = session.symbols.modules().filter((m) => re.test(m.name) || (m.typeModuleName !== undefined && re.test(m.typeModuleName)));
      const found = mods.flatMap((m) => moduleSymbols(session.symbols, m.name, symPattern));
      return { model: found, lines: renderX(found) };
    },
  },
];
