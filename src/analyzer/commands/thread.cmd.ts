import { KdsimError } from '../../common/errors';
import type { CommandSpec } from './types';
import type { SessionApi } from '../session/types';
import { buildThreadModel } from '../model/threadModel';
import { walkStackModel } from '../model/stackEnvironment';
import type { StackColumns } from '../model/stackModel';
import { DEFAULT_FRAME_COUNT } from '../stackwalk/walker';
import { renderStack } from '../render/stack';
import { renderThread } from '../render/thread';

/** `!thread` prints kv's columns under its header. */
const KV_COLUMNS: StackColumns = { args: true, fpo: true, numbers: false, memory: false, clean: false };

/** kv's frame lines without its context banner; empty when the walk fails, so the header block still prints. */
async function frameLines(session: SessionApi): Promise<string[]> {
  try {
    const model = await walkStackModel(session, session.regs, KV_COLUMNS, DEFAULT_FRAME_COUNT);
    return renderStack({ ...model, lastSetContext: false });
  } catch {
    return [];
  }
}

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
      const frames = thread === session.currentThread ? await frameLines(session) : [];
      return { model: { ...model, frames }, lines: [...renderThread(model), ...frames] };
    },
  },
];
