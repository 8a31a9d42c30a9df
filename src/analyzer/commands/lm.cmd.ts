import type { CommandSpec } from './types';
import { buildLmModel, parseLmOptions } from '../model/lmModel';
import { renderLm } from '../render/lm';

export const commands: CommandSpec[] = [
  {
    name: 'lm',
    summary: 'lm [k|u] [v] [l] [f] [m <pattern>] — loaded modules (lmv, lm kv m StackHog, lmvm nt)',
    run(session, args) {
      const opts = parseLmOptions(args);
      const entries = buildLmModel(session, opts);
      const model = entries.map(({ module, start, end, flag, status, path, version }) =>
        ({ name: module.name, image: module.imageName, start, end, flag, status, path, version }));
      return { model, lines: renderLm(entries, opts.verbose) };
    },
  },
];
