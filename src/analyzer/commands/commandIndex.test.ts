import * as fs from 'fs';
import * as path from 'path';
import { COMMAND_MODULES } from './commandIndex';

function commandFiles(dir: string, rel = ''): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? commandFiles(path.join(dir, e.name), `${rel}${e.name}/`)
      : /\.cmd\.ts$/.test(e.name) ? [`${rel}${e.name.replace(/\.ts$/, '')}`] : []);
}

describe('command index', () => {
  it('lists every *.cmd.ts file (add a missing family to commandIndex.ts)', () => {
    expect(Object.keys(COMMAND_MODULES).sort()).toEqual(commandFiles(__dirname).sort());
  });

  it('every family exports a non-empty commands array with names and summaries', () => {
    for (const [name, load] of Object.entries(COMMAND_MODULES)) {
      const specs = load().commands;
      expect({ name, count: specs.length > 0 }).toEqual({ name, count: true });
      for (const s of specs) expect(s.name.length > 0 && s.summary.length > 0).toBe(true);
    }
  });
});
