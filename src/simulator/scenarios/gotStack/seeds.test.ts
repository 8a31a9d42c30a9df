/**
 * Every seed double-faults coherently, and the ground truth describes the stack that is really in memory.
 */
import { Decoder } from 'iced-x86';
import { buildGotStackMachine, type GotStackMachine as Machine } from './story';

const u32 = (m: Machine, va: number): number => Buffer.from(m.memory.read(va, 4)).readUInt32LE(0);

/** True when some CALL instruction ends exactly at `ra` (the reconstructor's call-site test). */
function followsCall(m: Machine, ra: number): boolean {
  for (let len = 2; len <= 7; len++) {
    const bytes = m.memory.read(ra - len, len);
    const d = new Decoder(32, bytes, 0);
    d.ip = BigInt(ra - len);
    const i = d.decode();
    if (i.length === len && (i.isCallNear || i.isCallNearIndirect)) return true;
  }
  return false;
}

describe.each([1, 2, 3, 4, 5, 11, 12345, 0xdeadbeef])('got-stack seed %i', (seed) => {
  let m: Machine;
  beforeAll(() => { m = buildGotStackMachine({ seed, ramBytes: 32 << 20, blogValues: seed === 1 }); });

  it('overflows: KiTrap0E\'s frame ends below the limit, its store target is in the guard page, ESP left 0x44..0x64', () => {
    const o = m.stack;
    expect(o.firstFault.esp - 0xb8ae6000).toBeGreaterThanOrEqual(0x44);
    expect(o.firstFault.esp - 0xb8ae6000).toBeLessThanOrEqual(0x64);
    expect(o.trapFrame + 0xc).toBeLessThan(0xb8ae6000);
    expect(o.cr2).toBe(o.trapFrame - 4);
    expect(m.tss28.esp).toBe(o.trapFrame);
  });

  it('the truth\'s frames are the ones in memory: every return address follows a CALL and sits at childEbp+4', () => {
    const frames = m.stack.frames;
    for (let i = 1; i < frames.length; i++) {
      const f = frames[i];
      const ebp = parseInt(f.childEbp, 16);
      expect(u32(m, ebp + 4)).toBe(parseInt(f.retAddr, 16));
      if (i < frames.length - 1) expect(followsCall(m, parseInt(f.retAddr, 16))).toBe(true);
      expect(ebp).toBeGreaterThan(parseInt(frames[i - 1].childEbp, 16));
      expect(f.frameBytes).toBe(ebp - parseInt(frames[i - 1].childEbp, 16));
    }
  });

  it('EBP frames save an outer frame\'s EBP (or the IRP an FPO caller borrowed EBP for); the SEH chain ends at 0xffffffff', () => {
    const positions = new Set(m.stack.frames.map((f) => parseInt(f.childEbp, 16)));
    for (const f of m.stack.frames.slice(1, -1)) {
      if (f.kind !== 'ebp') continue;
      const saved = u32(m, parseInt(f.childEbp, 16));
      expect(positions.has(saved) || saved === 0x87758bd8).toBe(true);
    }
    let rec = m.stack.exceptionList;
    for (let n = 0; n < 64 && rec !== 0xffffffff; n++) rec = u32(m, rec);
    expect(rec).toBe(0xffffffff);
  });

  it('stack bytes per module cover the call-frame area exactly, StackHog using the most', () => {
    const total = m.stack.modules.reduce((n, x) => n + x.bytes, 0);
    expect(total).toBe(m.stack.initialStack - m.stack.firstFault.esp);
    expect(m.stack.modules[0].module).toBe('StackHog');
  });
});
