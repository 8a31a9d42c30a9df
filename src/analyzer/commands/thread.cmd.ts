import { KdsimError } from '../../common/errors';
import type { CommandSpec } from './types';
import { buildThreadModel } from './structures/threadModel';
import { threadStackLines } from './structures/threadStack';
import { renderThread } from '../render/thread';

export const commands: CommandSpec[] = [
  {
    name: '!thread',
    summary: '!thread [ETHREAD] — a thread: state, owning process, times, stack bounds and frames',
    async run(session, args) {
      const a = args.trim().split(/\s+/).filter(Boolean)[0];
      const thread = a && a !== '-1' ? session.evaluate(a) >>> 0 : session.currentThread;
      if (thread === undefined) throw new KdsimError('E_COMMAND', 'Unable to get current thread');
      const model = buildThreadModel(session, thread);
      // The walker follows the session's register context, which is this thread's only when it is current.
      const frames = thread === session.currentThread ? await threadStackLines(session) : [];
      return { model: { ...model, frames }, lines: [...renderThread(model), ...frames] };
    },
  },
];
