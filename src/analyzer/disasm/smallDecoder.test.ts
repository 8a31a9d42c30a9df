import fc from 'fast-check';
import { decodeIced } from './instruction';
import { decodeSmall, masmNumber, type RawInstruction } from './smallDecoder';

/** What both decoders must agree on (branch operands carry the target; their text is the caller's). */
const view = (r: RawInstruction) => ({
  ...r, operands: r.operands.map((o) => (o.kind === 'branch' ? { kind: o.kind, target: o.target } : o)),
});

const COVERED = [0x01, 0x03, 0x09, 0x0b, 0x11, 0x13, 0x19, 0x1b, 0x21, 0x23, 0x29, 0x2b, 0x31, 0x33, 0x39, 0x3b,
  0x50, 0x55, 0x57, 0x58, 0x5d, 0x5f, 0x81, 0x83, 0x85, 0x89, 0x8b, 0x8d, 0x90, 0xb8, 0xbf, 0xc3, 0xc7, 0xcc,
  0xe8, 0xe9, 0xfa, 0xfb, 0x68, 0x6a, ...Array.from({ length: 16 }, (_, i) => 0x70 + i), 0xeb, 0xff];

describe('small decoder (the register display without WebAssembly)', () => {
  it('agrees with iced-x86 on every random encoding it accepts, and accepts most of its opcodes', () => {
    let accepted = 0;
    fc.assert(fc.property(
      fc.constantFrom(...COVERED), fc.uint8Array({ minLength: 0, maxLength: 14 }), fc.integer({ min: 0, max: 0xffffffff }),
      (op, tail, address) => {
        const code = Uint8Array.from([op, ...tail]);
        const small = decodeSmall(code, address);
        if (small === undefined) return;
        accepted++;
        const ref = decodeIced(code, address);
        expect(ref).toBeDefined();
        expect(view(small)).toEqual(view(ref!));
      },
    ), { numRuns: 20000, seed: 14 });
    expect(accepted).toBeGreaterThan(14000);
  });

  it('leaves prefixed, absolute-address and unknown encodings to iced', () => {
    expect(decodeSmall(Uint8Array.from([0x64, 0xa1, 0x24, 0x01, 0, 0]), 0)).toBeUndefined(); // mov eax,fs:[124h]
    expect(decodeSmall(Uint8Array.from([0xff, 0x15, 0x34, 0x12, 0, 0]), 0)).toBeUndefined(); // call [abs]
    expect(decodeSmall(Uint8Array.from([0xff, 0x1d, 0x34, 0x12, 0, 0]), 0)).toBeUndefined(); // call far
    expect(decodeSmall(Uint8Array.from([0x8b, 0x05, 0x34, 0x12, 0, 0]), 0)).toBeUndefined(); // mov eax,[abs]
    expect(decodeSmall(Uint8Array.from([0x0f, 0x0b]), 0)).toBeUndefined(); // ud2
    expect(decodeSmall(Uint8Array.from([0x89, 0x55]), 0)).toBeUndefined(); // truncated
  });

  it('writes numbers as the MASM formatter does', () => {
    expect([9, 10, 0xc, 0xbf800000, 0x20ac].map(masmNumber)).toEqual(['9', '0Ah', '0Ch', '0BF800000h', '20ACh']);
  });
});
