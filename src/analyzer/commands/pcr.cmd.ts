import type { CommandSpec } from './types';
import { buildPcrModel } from '../model/pcrModel';
import { processorArg } from '../session/processorBlock';
import { renderPcr } from '../render/pcr';

export const commands: CommandSpec[] = [
  {
    name: '!pcr',
    summary: '!pcr [processor] — the processor control region (KPCR) of the current or given processor',
    run(session, args) {
      const model = buildPcrModel(session, processorArg(session, args));
      return { model, lines: renderPcr(model) };
    },
  },
];
