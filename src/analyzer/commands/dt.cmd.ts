import type { CommandSpec } from './types';
import { parseDtArgs } from '../model/dtArgs';
import { buildDtModel } from '../model/dtModel';
import { renderDt } from '../render/dt';

export const commands: CommandSpec[] = [
  {
    name: 'dt',
    summary: 'dt [-r[n]] [-b] [module!]Type [Field[.Sub]...] [Address] — display a type, or an instance of it',
    run(session, args) {
      const model = buildDtModel(session, parseDtArgs(args));
      return { model, lines: renderDt(model) };
    },
  },
];
