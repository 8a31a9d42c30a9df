/** `?` (evaluate), `.formats` (one value in every radix) and `n` (the default radix). */
import { hex8 } from '../../common/hex';
import { renderEvaluate, renderFormats } from '../render/evaluate';
import type { CommandSpec } from './types';

export const commands: CommandSpec[] = [
  {
    name: '?',
    summary: '? <expression> — evaluate a MASM expression (signed decimal and hex)',
    run(session, args) {
      const { decimal, hex } = session.arch.formatValue(session.evaluateFull(args.trim()).full);
      const model = { value: hex, decimal };
      return { model, lines: renderEvaluate(decimal, hex) };
    },
  },
  {
    name: '.formats',
    summary: '.formats <expression> — the value as hex, decimal, octal, binary, chars, time and float',
    run(session, args) {
      const value = session.evaluate(args.trim());
      return { model: { value: hex8(value) }, lines: renderFormats(value) };
    },
  },
  {
    name: 'n',
    summary: 'n [8|10|16] — show or set the default radix for expressions',
    run(session, args) {
      const a = args.trim();
      if (a) {
        if (!/^(8|10|16)$/.test(a)) return { model: { radix: session.radix }, lines: [`Radix must be 8, 10 or 16`] };
        session.setRadix(Number(a));
      }
      return { model: { radix: session.radix }, lines: [`base is ${session.radix}`] };
    },
  },
];
