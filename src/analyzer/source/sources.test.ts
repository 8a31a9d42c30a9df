import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { FileSource } from './fileSource';
import { MemorySource } from './memorySource';
import { PageCache } from './pageCache';
import type { ByteSource } from './types';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kdsim-src-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const content = Uint8Array.from({ length: 0x3100 }, (_, i) => (i * 7 + (i >> 12)) & 0xff);
const file = path.join(dir, 'bytes.bin');
fs.writeFileSync(file, content);

const matrix: [string, () => ByteSource][] = [
  ['FileSource', () => FileSource.open(file)],
  ['MemorySource', () => new MemorySource(content, 'bytes.bin')],
  ['PageCache over FileSource', () => new PageCache(FileSource.open(file), 2)],
];

describe.each(matrix)('%s', (_name, make) => {
  it('reads exactly the bytes at a position, across block boundaries', () => {
    const s = make();
    expect(s.size).toBe(0x3100);
    expect(Buffer.from(s.read(0xff0, 0x30)).equals(Buffer.from(content.subarray(0xff0, 0x1020)))).toBe(true);
    expect(Buffer.from(s.read(0x10, 4)).equals(Buffer.from(content.subarray(0x10, 0x14)))).toBe(true);
    s.close();
  });

  it('returns a short read at the end and nothing past it', () => {
    const s = make();
    expect(s.read(0x30f0, 0x100).length).toBe(0x10);
    expect(s.read(0x4000, 4).length).toBe(0);
    s.close();
  });
});

describe('PageCache', () => {
  it('holds at most `capacity` blocks and serves repeats from memory', () => {
    const c = new PageCache(new MemorySource(content), 2);
    c.read(0, 4); c.read(0x1000, 4); c.read(0, 4); c.read(0x2000, 4); c.read(0x1000, 4);
    expect(c.cachedBlocks).toBe(2);
    expect(c.hits).toBe(1);
    expect(c.misses).toBe(4); // 0x1000 was evicted (least recently used) by 0x2000
  });
});

describe('FileSource.open', () => {
  it('says which file and why when it cannot open it', () => {
    expect(() => FileSource.open(path.join(dir, 'nope.dmp'))).toThrow('kdsim: nope.dmp: cannot open the dump file: no such file or directory');
    expect(() => FileSource.open(dir)).toThrow(`kdsim: ${path.basename(dir)}: is a directory, not a dump file`);
  });
});
