import { commandRegistry } from './registry';
import { commands as lm } from './lm.cmd';
import { commands as lmi } from './lmi.cmd';
import { blogSession, STACKHOG } from '../../testing/fakeKernel';
import { parseLmOptions } from '../model/lmModel';

const le32 = (v: number) => [v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, v >>> 24];
const le16 = (v: number) => [v & 0xff, v >>> 8];
const wstr = (s: string) => [...s].flatMap((c) => le16(c.charCodeAt(0))).concat([0, 0]);
const pad4 = (b: number[]) => { while (b.length % 4) b.push(0); return b; };

/** One VS_VERSIONINFO-style node: header, key, aligned value, aligned children. */
function node(key: string, value: number[], type: number, children: number[][] = [], valueLength = value.length): number[] {
  const body = wstr(key);
  const head = [0, 0, ...le16(valueLength), ...le16(type)];
  const b = pad4([...head, ...body]);
  b.push(...value);
  pad4(b);
  for (const c of children) b.push(...pad4([...c]));
  b.splice(0, 2, ...le16(b.length));
  return b;
}
const str = (k: string, v: string) => node(k, wstr(v), 1, [], v.length + 1);

function versionResource(): number[] {
  const fixed = [0xfeef04bd, 0x10000, 0x10000, 0x1, 0x10000, 0x1, 0x3f, 0, 0x40004, 3, 6, 0, 0].flatMap(le32);
  const strings = node('StringFileInfo', [], 1, [node('040904b0', [], 1, [
    str('CompanyName', 'Contoso Stack Tools'), str('ProductName', 'StackHog Suite'), str('FileVersion', '1.0.0.1'),
  ])]);
  const vars = node('VarFileInfo', [], 1, [node('Translation', [...le16(0x409), ...le16(0x4b0)], 0)]);
  return node('VS_VERSION_INFO', fixed, 0, [strings, vars]);
}

/** A minimal PE image: headers, a CodeView debug entry and a resource tree holding the version resource. */
function mapImage(s: ReturnType<typeof blogSession>, base: number) {
  const vm = s.fake;
  vm.fill(base, 0x3000);
  vm.write(base, [0x4d, 0x5a]).writeU32(base + 0x3c, 0x80);
  const nt = base + 0x80;
  vm.writeU32(nt, 0x4550).writeU16(nt + 4, 0x14c).writeU32(nt + 8, 0x4b0bfe37).writeU16(nt + 0x16, 0x102);
  vm.writeU32(nt + 0x18 + 56, 0xb000).writeU32(nt + 0x18 + 64, 0xb2c4).writeU32(nt + 0x18 + 92, 16);
  vm.writeU32(nt + 0x18 + 96 + 8 * 2, 0x2000, 0x400).writeU32(nt + 0x18 + 96 + 8 * 6, 0x1000, 28);
  vm.writeU32(base + 0x1000 + 12, 2, 0x25, 0x1100, 0x900);
  vm.write(base + 0x1100, [...le32(0x53445352), ...Array(16).fill(0x11), ...le32(1), ...Buffer.from('StackHog.pdb'), 0]);
  const root = base + 0x2000;
  vm.writeU16(root + 14, 1).writeU32(root + 16, 16, 0x80000018);
  vm.writeU16(root + 0x18 + 14, 1).writeU32(root + 0x18 + 16, 1, 0x80000030);
  vm.writeU16(root + 0x30 + 14, 1).writeU32(root + 0x30 + 16, 0x409, 0x48);
  const res = versionResource();
  vm.writeU32(root + 0x48, 0x2100, res.length).write(base + 0x2100, res);
}

const run = (c: typeof lm, args: string, s = blogSession()) => (c[0].run(s, args, c[0].name, commandRegistry()) as { lines: string[] }).lines;

describe('lm', () => {
  it('parses grouped and spaced option letters', () => {
    expect(parseLmOptions('kv m StackHog')).toMatchObject({ verbose: true, kernelOnly: true, pattern: 'StackHog' });
    expect(parseLmOptions('vm nt')).toMatchObject({ verbose: true, pattern: 'nt' });
  });

  it('lists modules with their symbol status', () => {
    expect(run(lm, '')).toEqual([
      'start    end        module name',
      '80800000 80a50000   nt         (pdb symbols)          \\WINDOWS\\system32\\ntkrpamp.exe',
      'f7b1f000 f7b2a000   StackHog   (no symbols)           ',
    ]);
  });

  it('prints the verbose block with version resources (walkthrough step 29)', () => {
    const s = blogSession();
    mapImage(s, STACKHOG.base);
    expect(run(lm, 'kv m stackhog', s)).toEqual([
      'start    end        module name',
      'f7b1f000 f7b2a000   StackHog   (no symbols)           ',
      '    Loaded symbol image file: StackHog.sys',
      '    Image path: \\SystemRoot\\system32\\drivers\\StackHog.sys',
      '    Image name: StackHog.sys',
      '    Timestamp:        Tue Nov 24 15:39:35 2009 (4B0BFE37)',
      '    CheckSum:         0000B2C4',
      '    ImageSize:        0000B000',
      '    File version:     1.0.0.1',
      '    Product version:  1.0.0.1',
      '    File flags:       0 (Mask 3F)',
      '    File OS:          40004 NT Win32',
      '    File type:        3.6 Driver',
      '    File date:        00000000.00000000',
      '    Translations:     0409.04b0',
      '    CompanyName:      Contoso Stack Tools',
      '    ProductName:      StackHog Suite',
      '    FileVersion:      1.0.0.1',
    ]);
  });
});

describe('!lmi', () => {
  it('summarises the image header and its CodeView record (walkthrough step 30)', () => {
    const s = blogSession();
    mapImage(s, STACKHOG.base);
    expect(run(lmi, 'StackHog', s)).toEqual([
      'Loaded Module Info: [StackHog] ',
      '         Module: StackHog',
      '   Base Address: f7b1f000',
      '     Image Name: StackHog.sys',
      '   Machine Type: 332 (I386)',
      '     Time Stamp: 4b0bfe37 Tue Nov 24 15:39:35 2009',
      '           Size: b000',
      '       CheckSum: b2c4',
      'Characteristics: 102',
      'Debug Data Dirs: Type  Size     VA  Pointer',
      '             CODEVIEW    25,  1100,     900 RSDS - GUID: {11111111-1111-1111-1111-111111111111}',
      '               Age: 1, Pdb: StackHog.pdb',
      '     Image Type: MEMORY   - Image read successfully from loaded memory.',
      '    Symbol Type: NONE     - PDB not found.',
      '    Load Report: no symbols loaded',
    ]);
  });

  it('says so when the header is not in the dump', () => {
    expect(run(lmi, 'f7b1f000')).toContain('Unable to read image header for StackHog.sys at f7b1f000');
  });
});
