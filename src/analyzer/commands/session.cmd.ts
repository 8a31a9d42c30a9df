/** Session commands: `~Ns` (switch processor), `.help`, `q`, `vertarget`, `.bugcheck`. */
import { hex8 } from '../../common/hex';
import { renderTarget } from '../render/target';
import { CaretError } from '../session/errors';
import { targetInfo } from '../session/targetInfo';
import type { CommandSpec } from './types';

export const commands: CommandSpec[] = [
  {
    name: '~',
    summary: '~<n>s — make processor n current (its own register context; the prompt follows)',
    run(session, args) {
      const m = /^\s*([0-9a-fA-F]+)\s*s\s*$/.exec(args);
      if (!m) throw new CaretError('Syntax error');
      const n = parseInt(m[1], session.radix === 10 ? 10 : 16);
      if (n >= session.processorCount) throw new CaretError('Illegal thread error');
      session.setProcessor(n);
      return { model: { processor: n }, lines: [] };
    },
  },
  {
    name: '.help',
    summary: '.help — list the commands kdsim supports',
    run(_session, _args, _invokedAs, registry) {
      const specs = registry.all();
      const width = Math.max(...specs.map((s) => s.name.length));
      const lines = specs.map((s) => `${s.name.padEnd(width)}  ${s.summary}`);
      return { model: { commands: specs.map((s) => ({ name: s.name, summary: s.summary })) }, lines };
    },
  },
  {
    name: 'q',
    summary: 'q — end the session',
    run() { return { model: { quit: true }, lines: ['quit:'] }; },
  },
  {
    name: 'vertarget',
    summary: 'vertarget — the target OS, build, processors, kernel base, crash time and uptime',
    run(session) {
      const t = targetInfo(session);
      return { model: t, lines: renderTarget(t) };
    },
  },
  {
    name: '.bugcheck',
    summary: '.bugcheck — the bugcheck code and its four arguments',
    run(session) {
      const h = session.dump.header;
      const model = { code: hex8(h.bugCheckCode), arguments: h.bugCheckParameters.map(hex8) };
      return { model, lines: [`Bugcheck code ${hex8(h.bugCheckCode).toUpperCase()}`, `Arguments ${model.arguments.join(' ')}`] };
    },
  },
];
