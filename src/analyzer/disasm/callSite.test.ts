import { loadCallSiteDecoder, type CallSiteDecoder } from './callSite';
import type { SparseBytes } from '../memory/types';

/** Code bytes placed at `base`; everything else is a gap. */
function codeAt(base: number, bytes: number[]) {
  return {
    readSparse(va: number, length: number): SparseBytes {
      const out = new Uint8Array(length);
      const readable = new Uint8Array(length);
      for (let i = 0; i < length; i++) {
        const off = va + i - base;
        if (off >= 0 && off < bytes.length) { out[i] = bytes[off]; readable[i] = 1; }
      }
      return { bytes: out, readable };
    },
  };
}

describe('call-site decoder', () => {
  let dec: CallSiteDecoder;
  beforeAll(async () => { dec = await loadCallSiteDecoder(); });

  it('finds a direct call rel32 ending at ra and computes its target', () => {
    // 80001000: push eax; call 80001100 (e8 f6 00 00 00 at 80001001 → next ip 80001006)
    const vm = codeAt(0x80001000, [0x50, 0xe8, 0xfa, 0x00, 0x00, 0x00, 0x90]);
    const site = dec.callEndingAt(vm, 0x80001006);
    expect(site).toEqual({ ra: 0x80001006, start: 0x80001001, length: 5, kind: 'direct', target: 0x80001100, rank: 3 });
  });

  it('finds an import call through an absolute pointer slot', () => {
    // call dword ptr [f8a01234]
    const vm = codeAt(0xf8a00100, [0xff, 0x15, 0x34, 0x12, 0xa0, 0xf8]);
    expect(dec.callEndingAt(vm, 0xf8a00106)).toEqual({
      ra: 0xf8a00106, start: 0xf8a00100, length: 6, kind: 'indirect_mem', pointerSlot: 0xf8a01234, rank: 2,
    });
  });

  it('ranks a call through [ebp+8] as indirect without a slot', () => {
    const vm = codeAt(0x1000, [0x90, 0x90, 0x90, 0x90, 0xff, 0x55, 0x08]);
    expect(dec.callEndingAt(vm, 0x1007)).toMatchObject({ kind: 'indirect_mem', length: 3, rank: 2 });
    expect(dec.callEndingAt(vm, 0x1007)?.pointerSlot).toBeUndefined();
  });

  it('ranks the two-byte register form lowest', () => {
    const vm = codeAt(0x2000, [0x90, 0x90, 0x90, 0x90, 0x90, 0xff, 0xd0]); // call eax
    expect(dec.callEndingAt(vm, 0x2007)).toMatchObject({ kind: 'indirect_reg', length: 2, rank: 1 });
  });

  it('prefers a direct call over a shorter register form that also ends at ra', () => {
    // e8 00 00 ff d0: as a whole, call rel32 (target = ra + 0xd0ff0000); its tail ff d0 is also `call eax`
    const vm = codeAt(0x3000, [0x90, 0x90, 0xe8, 0x00, 0x00, 0xff, 0xd0]);
    expect(dec.callEndingAt(vm, 0x3007)).toMatchObject({ kind: 'direct', rank: 3, start: 0x3002 });
  });

  it('rejects a word whose preceding bytes hold no call', () => {
    const vm = codeAt(0x4000, [0x8b, 0xff, 0x55, 0x8b, 0xec, 0x83, 0xec, 0x10]); // mov edi,edi; push ebp; mov ebp,esp; sub esp,10
    expect(dec.callEndingAt(vm, 0x4007)).toBeUndefined();
  });

  it('rejects a call that ends before ra (length must land exactly on ra)', () => {
    const vm = codeAt(0x5000, [0xe8, 0x00, 0x00, 0x00, 0x00, 0x90, 0x90]);
    expect(dec.callEndingAt(vm, 0x5007)).toBeUndefined();
    expect(dec.callEndingAt(vm, 0x5005)).toMatchObject({ kind: 'direct', target: 0x5005 });
  });

  it('says nothing when the code bytes are unreadable', () => {
    const vm = codeAt(0x6000, []);
    expect(dec.callEndingAt(vm, 0x6007)).toBeUndefined();
  });

  it('still finds a short call when only its own bytes are readable', () => {
    const vm = codeAt(0x7005, [0xff, 0xd6]); // call esi, preceded by a gap
    expect(dec.callEndingAt(vm, 0x7007)).toMatchObject({ kind: 'indirect_reg', start: 0x7005 });
  });
});

describe('call-site decoder agrees with iced-x86', () => {
  // The reference: iced-x86 decodes the bytes; a near CALL of exactly `len` bytes with no prefix must be found
  // by the hand decoder with the same kind, target and pointer slot, and nothing else may be found.
  const iced = require('iced-x86') as typeof import('iced-x86');
  const fc = require('fast-check') as typeof import('fast-check');
  const { callAt } = require('./callSite') as typeof import('./callSite');

  function icedCall(bytes: Uint8Array, ra: number) {
    const decoder = new iced.Decoder(32, bytes, iced.DecoderOptions.None);
    decoder.ip = BigInt(ra - bytes.length);
    const ins = decoder.decode();
    try {
      if (ins.length !== bytes.length || (!ins.isCallNear && !ins.isCallNearIndirect)) return undefined;
      if (bytes[0] !== 0xe8 && bytes[0] !== 0xff) return undefined; // prefixed forms: compilers do not emit them
      if (ins.isCallNear) return { kind: 'direct', target: Number(ins.nearBranch32) >>> 0 };
      if (ins.op0Kind === iced.OpKind.Register) return { kind: 'indirect_reg' };
      const absolute = ins.memoryBase === iced.Register.None && ins.memoryIndex === iced.Register.None;
      return absolute ? { kind: 'indirect_mem', pointerSlot: Number(ins.memoryDisplacement) >>> 0 } : { kind: 'indirect_mem' };
    } finally {
      ins.free();
      decoder.free();
    }
  }

  const strip = (s: ReturnType<typeof callAt>) => s && {
    kind: s.kind, ...(s.target !== undefined ? { target: s.target } : {}), ...(s.pointerSlot !== undefined ? { pointerSlot: s.pointerSlot } : {}),
  };

  it('on random call-like byte strings of every length', () => {
    const callish = fc.tuple(
      fc.integer({ min: 2, max: 7 }),
      fc.constantFrom(0xe8, 0xff),
      fc.integer({ min: 0, max: 255 }),
      fc.uint8Array({ minLength: 6, maxLength: 6 }),
      fc.integer({ min: 0x1000, max: 0xfffff000 }),
      fc.boolean(),
    ).map(([len, op, modrm, rest, ra, forceCall]) => {
      const bytes = new Uint8Array(len);
      bytes[0] = op;
      bytes[1] = forceCall && op === 0xff ? (modrm & 0xc7) | 0x10 : modrm;
      bytes.set(rest.subarray(0, len - 2), 2);
      return { bytes, ra };
    });
    fc.assert(fc.property(callish, ({ bytes, ra }) => {
      expect(strip(callAt(bytes, 0, ra))).toEqual(icedCall(bytes, ra));
    }), { numRuns: 20000 });
  });
});
