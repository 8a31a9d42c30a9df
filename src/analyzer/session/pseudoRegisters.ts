/**
 * WinDbg's automatic pseudo-registers on an x86 kernel dump ($ip, $csp, $pcr, $thread, $bug_code...), plus the
 * user registers $t0-$t19 that `r $t0=...` sets. undefined = not available here (WinDbg: Bad register error).
 */
import type { SessionApi } from './types';
import { TypedView } from '../objects/typedView';
import { kpcrAddress, prcbAddress } from './processorBlock';

const attempt = <T>(f: () => T): T | undefined => { try { return f(); } catch { return undefined; } };

export function pseudoRegister(session: SessionApi, name: string, user: Map<string, number>): number | undefined {
  const h = session.dump.header;
  const bug = /^\$bug_param([1-4])$/.exec(name);
  if (bug) return h.bugCheckParameters[Number(bug[1]) - 1];
  if (/^\$t(1?[0-9])$/.test(name)) return user.get(name) ?? 0;
  switch (name) {
    case '$ip': return session.regs.eip;
    case '$csp': return session.regs.esp;
    case '$retreg': return session.regs.eax;
    case '$bug_code': return h.bugCheckCode;
    case '$ptrsize': return 4;
    case '$pagesize': return 0x1000;
    case '$pcr': return attempt(() => kpcrAddress(session, session.processor));
    case '$prcb': return attempt(() => prcbAddress(session, session.processor));
    case '$thread': return session.currentThread;
    case '$proc': return session.currentProcess;
    case '$teb': return threadField(session, 'Teb');
    case '$tid': return threadField(session, 'Cid.UniqueThread', '_ETHREAD');
    case '$tpid': return threadField(session, 'Cid.UniqueProcess', '_ETHREAD');
    case '$peb': {
      const p = session.currentProcess;
      if (!p || !session.ntTypes) return undefined;
      const types = session.ntTypes;
      return attempt(() => new TypedView(session.vm, types, '_EPROCESS', p).value('Peb')) ?? undefined;
    }
    default: return undefined;
  }
}

function threadField(session: SessionApi, path: string, type = '_KTHREAD'): number | undefined {
  const t = session.currentThread;
  if (!t || !session.ntTypes) return undefined;
  const types = session.ntTypes;
  return attempt(() => new TypedView(session.vm, types, type, t).value(path)) ?? undefined;
}
