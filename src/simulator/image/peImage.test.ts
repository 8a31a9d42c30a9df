import { finishImage, guidBytes, peChecksum, SCN_CODE, SCN_DATA, SCN_RDATA } from './peImage';
import { versionInfo } from './versionResource';

describe('PE image', () => {
  const image = (): Uint8Array => {
    const img = new Uint8Array(0x4000);
    finishImage(img, {
      base: 0xba6b0000, sizeOfImage: 0x4000, timeDateStamp: 0x4ad5f1c2, entryRva: 0x1000, kind: 'driver', debugRva: 0x2000,
      pdb: { name: 'stackhog.pdb', guid: '047E6BBB08B135F4C5756A66E04FF793', age: 1 },
      sections: [
        { name: '.text', rva: 0x1000, size: 0x1000, characteristics: SCN_CODE },
        { name: '.rdata', rva: 0x2000, size: 0x1000, characteristics: SCN_RDATA },
        { name: '.data', rva: 0x3000, size: 0x1000, characteristics: SCN_DATA },
      ],
    });
    return img;
  };

  it('stores the GUID as an RSDS record does (Data1..3 little-endian) and volatility3 reads it back in display form', () => {
    const b = Buffer.from(guidBytes('047E6BBB08B135F4C5756A66E04FF793'));
    const display = [3, 2, 1, 0, 5, 4, 7, 6, ...Array.from({ length: 8 }, (_, i) => 8 + i)].map((i) => b[i].toString(16).padStart(2, '0')).join('').toUpperCase();
    expect(display).toBe('047E6BBB08B135F4C5756A66E04FF793');
  });

  it('writes MZ/PE headers, the CODEVIEW directory and an RSDS record with PDB name and age', () => {
    const b = Buffer.from(image());
    expect(b.toString('latin1', 0, 2)).toBe('MZ');
    const pe = b.readUInt32LE(0x3c);
    expect(b.toString('latin1', pe, pe + 4)).toBe('PE\0\0');
    expect(b.readUInt16LE(pe + 4)).toBe(0x14c);
    expect(b.readUInt32LE(pe + 24 + 56)).toBe(0x4000);            // SizeOfImage
    const debugDir = b.readUInt32LE(pe + 24 + 96 + 6 * 8);
    expect(b.readUInt32LE(debugDir + 12)).toBe(2);                 // IMAGE_DEBUG_TYPE_CODEVIEW
    const rsds = b.readUInt32LE(debugDir + 20);
    expect(b.toString('latin1', rsds, rsds + 4)).toBe('RSDS');
    expect(b.readUInt32LE(rsds + 20)).toBe(1);
    expect(b.toString('latin1', rsds + 24, rsds + 36)).toBe('stackhog.pdb');
  });

  it('stores a checksum that imagehlp\'s algorithm reproduces', () => {
    const b = Buffer.from(image());
    const field = b.readUInt32LE(0x3c) + 24 + 64;
    expect(b.readUInt32LE(field)).toBe(peChecksum(b, field));
  });

  it('builds a VS_VERSIONINFO whose fixed part carries the file version', () => {
    const v = versionInfo({ CompanyName: 'StackHog Software, Inc.', FileVersion: '3.1.0.412' }, 'driver');
    expect(v.readUInt16LE(0)).toBe(v.length);
    const fixed = v.indexOf(Buffer.from([0xbd, 0x04, 0xef, 0xfe]));
    expect(v.readUInt32LE(fixed + 8)).toBe(0x00030001);
    expect(v.readUInt32LE(fixed + 12)).toBe(412);
    expect(v.includes(Buffer.from('StackHog Software, Inc.', 'utf16le'))).toBe(true);
  });
});
