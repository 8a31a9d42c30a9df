import { DEMAND_ZERO_PTE, PaeAddressSpace } from './paeMapper';
import { PhysicalMemory, pcRunsFor } from './physicalMemory';

const u64 = (phys: PhysicalMemory, pa: number): bigint =>
  new DataView(phys.readPage(Math.floor(pa / 0x1000))!.buffer).getBigUint64(pa % 0x1000, true);

describe('PaeAddressSpace', () => {
  const setup = () => {
    const phys = new PhysicalMemory(pcRunsFor(32 << 20), 0xb00);
    return { phys, sys: PaeAddressSpace.createSystem(phys, 0x39) };
  };

  it('puts the PDPT first and PD0..PD3 in the next four frames, PD3[0..3] mapping them (volatility3\'s self-map test)', () => {
    const { phys, sys } = setup();
    expect(sys.dtb).toBe(0x39000);
    for (let i = 0; i < 4; i++) {
      expect(u64(phys, 0x39000 + 8 * i)).toBe(BigInt(0x3a000 + 0x1000 * i) | 1n);
      expect(u64(phys, 0x3d000 + 8 * i) & ~0xfffn).toBe(BigInt(0x3a000 + 0x1000 * i));
    }
  });

  it('maps a page and reaches its PTE through the self-map at c0000000 + (va >> 12) * 8', () => {
    const { phys, sys } = setup();
    sys.mapPage(0xb8ae6000, 0x1234);
    expect(sys.translate(0xb8ae6abc)).toBe(0x1234abc);
    const pteVa = 0xc0000000 + (0xb8ae6000 >>> 12) * 8;
    expect(u64(phys, sys.translate(pteVa)!)).toBe(sys.pte(0xb8ae6000));
    const pdeVa = 0xc0600000 + (0xb8ae6000 >>> 21) * 8;
    expect(u64(phys, sys.translate(pdeVa)!) & 1n).toBe(1n);
  });

  it('leaves a guard page not present: PTE 0 (bit 0 and bit 11 clear)', () => {
    const { sys } = setup();
    sys.mapPage(0xb8ae6000, 0x1234);
    sys.setPte(0xb8ae5000, 0n);
    expect(sys.pte(0xb8ae5000)).toBe(0n);
    expect(sys.translate(0xb8ae5ff0)).toBeUndefined();
  });

  it('gives a process its own PDPT and self-map but the kernel\'s page tables', () => {
    const { phys, sys } = setup();
    sys.mapPage(0xf7737000, 0x2000);
    const proc = PaeAddressSpace.createProcess(phys, sys, phys.allocate(), 0x20);
    expect(proc.dtb % 0x1000).toBe(0x20);
    expect(proc.translate(0xf7737010)).toBe(0x2000010);
    proc.setPte(0x00a30000, DEMAND_ZERO_PTE);
    expect(proc.translate(0x00a30000)).toBeUndefined();
    expect(sys.pte(0x00a30000)).toBeUndefined();
  });
});
