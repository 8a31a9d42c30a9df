import type { CommandSpec } from './types';
import { buildProcessModel } from '../model/processModel';
import { renderProcess } from '../render/process';

export const commands: CommandSpec[] = [
  {
    name: '!process',
    summary: '!process [EPROCESS|0|-1] [flags] [image] — processes (0 0: every process, brief)',
    run(session, args) {
      const model = buildProcessModel(session, args);
      return { model, lines: renderProcess(model) };
    },
  },
];
