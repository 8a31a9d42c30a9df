import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { writeOutput } from './writeOutput';

describe('writeOutput', () => {
  let dir: string;
  beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kdsim-report-')); });
  afterEach(() => { fs.rmSync(dir, { recursive: true, force: true }); });

  it('writes a new file and leaves no temporary file beside it', () => {
    const out = path.join(dir, 'r.html');
    writeOutput(out, '<p>a</p>');
    expect(fs.readFileSync(out, 'utf8')).toBe('<p>a</p>');
    expect(fs.readdirSync(dir)).toEqual(['r.html']);
  });

  it('refuses to overwrite an existing file without force, and leaves it as it was', () => {
    const out = path.join(dir, 'r.html');
    fs.writeFileSync(out, 'mine');
    expect(() => writeOutput(out, 'new')).toThrow(expect.objectContaining({ code: 'E_EXISTS', message: `kdsim: ${out} exists (use --force to overwrite)` }));
    expect(fs.readFileSync(out, 'utf8')).toBe('mine');
    expect(fs.readdirSync(dir)).toEqual(['r.html']);
  });

  it('replaces the file in one step with force', () => {
    const out = path.join(dir, 'r.html');
    fs.writeFileSync(out, 'mine');
    writeOutput(out, 'new', { force: true });
    expect(fs.readFileSync(out, 'utf8')).toBe('new');
    expect(fs.readdirSync(dir)).toEqual(['r.html']);
  });

  it('writes to stdout for -', () => {
    const got: string[] = [];
    writeOutput('-', 'page', { stdout: (s) => got.push(s) });
    expect(got).toEqual(['page']);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('says why when the directory does not exist', () => {
    const out = path.join(dir, 'no', 'r.html');
    expect(() => writeOutput(out, 'x')).toThrow(`kdsim: cannot write ${out}: ENOENT`);
  });
});
