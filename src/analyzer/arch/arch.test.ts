import type { DumpHeaderModel } from '../dump/types';
import { PAE_PAGING, X86_PAGING } from '../memory/pagingModes';
import { UNWINDERS } from '../stackwalk/walker';
import { selectArch } from './select';
import { X86_PAE } from './x86';

const header = (h: Partial<DumpHeaderModel>) => ({ signature: 'PAGE', validDump: 'DUMP', paeEnabled: 1, ...h }) as DumpHeaderModel;

describe('arch: selection from the dump header', () => {
  it('reads a PAGEDUMP header as x86, PAE or not by PaeEnabled', () => {
    const pae = selectArch(header({ paeEnabled: 1 }));
    expect({ name: pae.name, pointerSize: pae.pointerSize, paging: pae.paging, bits: pae.disasmBitness, pc: pae.pc }).toEqual({ name: 'x86', pointerSize: 4, paging: PAE_PAGING, bits: 32, pc: 'eip' });
    expect(selectArch(header({ paeEnabled: 0 })).paging).toBe(X86_PAGING);
    expect(pae.unwinders).toBe(UNWINDERS);
  });

  it('names x64 (PAGEDU64) but does not read it yet, and rejects an --arch that contradicts the header', () => {
    expect(() => selectArch(header({ validDump: 'DU64' }))).toThrow('x64 (PAGEDU64) dumps are not supported yet');
    expect(() => selectArch(header({}), 'x64')).toThrow('--arch x64 does not match the dump (its header is PAGEDUMP)');
    expect(selectArch(header({}), 'x86').name).toBe('x86');
  });
});

describe('arch: x86 values and addresses', () => {
  it('prints 32-bit values (and their sign extensions) in 8 digits, wider ones in 64-bit form', () => {
    expect(X86_PAE.formatValue(0x80000000n)).toEqual({ decimal: '-2147483648', hex: '80000000' });
    expect(X86_PAE.formatValue(0xffffffff80000000n)).toEqual({ decimal: '-2147483648', hex: '80000000' });
    expect(X86_PAE.formatValue(0xffffffffffffffffn)).toEqual({ decimal: '-1', hex: 'ffffffff' });
    expect(X86_PAE.formatValue(0x100000000n)).toEqual({ decimal: '4294967296', hex: '00000001`00000000' });
  });

  it('turns a 64-bit value into a target address by its low 32 bits', () => {
    expect(X86_PAE.toVirtualAddress(0xffffffff8088ae78n)).toBe(0x8088ae78);
    expect(X86_PAE.formatAddress(0x8088ae78)).toBe('8088ae78');
  });
});
