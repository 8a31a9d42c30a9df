import type { X86Registers } from '../../common/x86Registers';
import { FakeMemory } from '../../testing/fakeMemory';
import { FakeSymbols } from '../../testing/fakeSymbols';
import { Label, StackBuilder } from '../../testing/stackBuilder';
import type { WalkEnvironment } from './frame';
import { walkStack } from './walker';

const symbols = new FakeSymbols([
  { name: 'nt', base: 0x80800000, size: 0x200000, functions: [
    { name: 'KeBugCheckEx', address: 0x80826c8e, size: 0x40, frame: { kind: 'ebp' } },
    { name: 'FpoHelper', address: 0x80830000, size: 0x100, frame: { kind: 'fpo', localsBytes: 8, savedRegs: 2, prologBytes: 5 } },
    { name: 'MmAccessFault', address: 0x80840000, size: 0x400, frame: { kind: 'ebp' } },
    { name: '_KiTrap08', address: 0x8088b702, size: 0x80, frame: { kind: 'tss' } },
    { name: '_KiTrap0E', address: 0x8088c6bc, size: 0x200, frame: { kind: 'trap' } },
  ] },
  { name: 'StackHog', base: 0xf7000000, size: 0x4000, functions: [
    { name: 'HogA', address: 0xf7001000, size: 0x100 },
    { name: 'HogB', address: 0xf7002000, size: 0x100 },
  ] },
]);
const STACK = { limit: 0xb8ae6000, base: 0xb8ae9000 };
const regs = (over: Partial<X86Registers>): X86Registers => ({
  eax: 0, ebx: 0, ecx: 0, edx: 0, esi: 0, edi: 0, eip: 0, esp: 0, ebp: 0, efl: 0,
  cs: 8, ss: 0x10, ds: 0x23, es: 0x23, fs: 0x30, gs: 0, ...over,
});
const env = (vm: FakeMemory, extra: Partial<WalkEnvironment> = {}): WalkEnvironment => ({ vm, symbols, stack: STACK, ...extra });
const names = (frames: { regs: X86Registers }[]) => frames.map((f) => symbols.format(f.regs.eip));

describe('walkStack: context and frame pointer', () => {
  it('follows a saved EBP chain and records trust per frame', () => {
    const f0 = new Label('f0'), f1 = new Label('f1'), f2 = new Label('f2');
    const s = new StackBuilder(0xb8ae7000);
    s.skip(0x10).mark(f0).d32(f1, 0xf7001020, 1, 2, 3)
      .skip(0x20).mark(f1).d32(f2, 0xf7002030)
      .skip(0x8).mark(f2).d32(0, 0x80826c9a);
    const frames = walkStack(env(s.build()), regs({ eip: 0x80840010, esp: 0xb8ae7000, ebp: f0.value }));
    expect(names(frames)).toEqual(['nt!MmAccessFault+0x10', 'StackHog!HogA+0x20', 'StackHog!HogB+0x30', 'nt!KeBugCheckEx+0xc']);
    expect(frames.map((f) => f.trust)).toEqual(['context', 'frame_pointer', 'frame_pointer', 'frame_pointer']);
    expect(frames[0]).toMatchObject({ childEbp: f0.value, retAddr: 0xf7001020, args: [1, 2, 3] });
  });

  it('rejects a frame pointer below the current one and falls back to scanning', () => {
    const f0 = new Label('f0');
    const s = new StackBuilder(0xb8ae7000);
    s.mark(f0).d32(0xb8ae6f00, 0xf7001020); // saved EBP points down the stack: garbage
    const frames = walkStack(env(s.build()), regs({ eip: 0x80840010, esp: 0xb8ae7000, ebp: f0.value }));
    expect(frames[1].trust).toBe('scan');
    expect(frames[1].regs.eip).toBe(0xf7001020);
  });

  it('stops at an unreadable slot', () => {
    const s = new StackBuilder(0xb8ae7000).gap(0x40);
    const frames = walkStack(env(s.build()), regs({ eip: 0x80840010, esp: 0xb8ae7000, ebp: 0xb8ae7000 }));
    expect(frames).toHaveLength(1);
    expect(frames[0]).toMatchObject({ retAddr: null, args: [null, null, null] });
  });

  it('stops when esp does not strictly increase', () => {
    // A trap frame whose saved esp lies below the handler's own: the caller would run on used stack.
    const lower = regs({ eip: 0x80840123, esp: 0xb8ae6f00, ebp: 0xb8ae7200 });
    const e = env(FakeMemory.bytewise(), { readTrapFrame: () => ({ regs: lower, edited: false }) });
    const frames = walkStack(e, regs({ eip: 0x8088c718, esp: 0xb8ae7000, ebp: 0xb8ae7000 }));
    expect(frames).toHaveLength(1);
    expect(frames[0].retAddr).toBe(0x80840123);
  });

  it('stops when esp leaves the thread\'s stack', () => {
    const above = regs({ eip: 0x80840123, esp: STACK.base + 0x10, ebp: 0 });
    const e = env(FakeMemory.bytewise(), { readTrapFrame: () => ({ regs: above, edited: false }) });
    expect(walkStack(e, regs({ eip: 0x8088c718, esp: 0xb8ae8ff0, ebp: 0xb8ae8ff0 }))).toHaveLength(1);
  });

  it('stops at the frame cap and still fills the last RetAddr', () => {
    const s = new StackBuilder(0xb8ae7000);
    const labels = Array.from({ length: 6 }, (_, i) => new Label(`f${i}`));
    labels.forEach((l, i) => s.mark(l).d32(labels[i + 1] ?? 0, 0xf7001020 + i).skip(8));
    const frames = walkStack(env(s.build()), regs({ eip: 0x80840010, esp: 0xb8ae6ff0, ebp: labels[0].value }), { maxFrames: 3 });
    expect(frames).toHaveLength(3);
    expect(frames[2].retAddr).toBe(0xf7001022);
  });

  it('reads the return address at [esp] at a function\'s first instruction', () => {
    const s = new StackBuilder(0xb8ae7000).d32(0xf7001020, 0, 0, 0);
    const frames = walkStack(env(s.build()), regs({ eip: 0x80840000, esp: 0xb8ae7000, ebp: 0xb8ae7100 }), { maxFrames: 2 });
    expect(frames[1].regs).toMatchObject({ eip: 0xf7001020, esp: 0xb8ae7004, ebp: 0xb8ae7100 });
  });
});

describe('walkStack: FPO data', () => {
  it('unwinds an FPO frame past its locals and saved registers', () => {
    const ra = new Label('ra');
    const s = new StackBuilder(0xb8ae7000);
    s.d32(0x11, 0x22, 0x33, 0x44).mark(ra).d32(0xf7002040, 7, 8, 9);
    const frames = walkStack(env(s.build()), regs({ eip: 0x80830020, esp: 0xb8ae7000, ebp: 0xb8ae8000 }), { maxFrames: 2 });
    expect(frames[1]).toMatchObject({ trust: 'fpo', regs: { eip: 0xf7002040, esp: ra.value + 4, ebp: 0xb8ae8000 } });
    expect(frames[0]).toMatchObject({ childEbp: ra.value - 4, args: [7, 8, 9] });
  });
});

describe('walkStack: trap frames and task gates', () => {
  const trapRegs = regs({ eip: 0x80840123, esp: 0xb8ae7100, ebp: 0xb8ae7200 });

  it('reads the interrupted context from a trap frame', () => {
    const e = env(FakeMemory.bytewise(), { readTrapFrame: (a) => (a === 0xb8ae7000 ? { regs: trapRegs, edited: false } : null) });
    const frames = walkStack(e, regs({ eip: 0x8088c718, esp: 0xb8ae7000, ebp: 0xb8ae7000 }), { maxFrames: 2 });
    expect(frames[0].note).toEqual({ kind: 'trap', address: 0xb8ae7000, edited: false });
    expect(frames[1]).toMatchObject({ trust: 'trap', regs: { eip: 0x80840123 } });
  });

  it('ends the walk with RetAddr 0 when the trap frame is partly unreadable, as the blog\'s kv shows', () => {
    const e = env(FakeMemory.bytewise(), { readTrapFrame: () => null });
    const frames = walkStack(e, regs({ eip: 0x8088c718, esp: 0xb8ae5fe4, ebp: 0xb8ae5fe4 }), { maxFrames: 0x200 });
    expect(frames).toHaveLength(1);
    expect(frames[0]).toMatchObject({ childEbp: 0xb8ae5fe4, retAddr: 0, args: [null, null, null] });
    expect(frames[0].note).toEqual({ kind: 'trap', address: null, edited: true });
  });

  it('follows the TSS backlink from the double-fault task to the interrupted one', () => {
    const tss28 = regs({ eip: 0x8088c718, esp: 0xb8ae5fe4, ebp: 0xb8ae5fe4 });
    const e = env(FakeMemory.bytewise(), {
      tasks: { backlink: (sel) => (sel === 0x50 ? 0x28 : 0), registers: (sel) => (sel === 0x28 ? tss28 : null) },
      readTrapFrame: () => null,
    });
    const frames = walkStack(e, regs({ eip: 0x8088b702, esp: 0xf773d3c0 }), { task: 0x50 });
    expect(names(frames)).toEqual(['nt!_KiTrap08', 'nt!_KiTrap0E+0x5c']);
    expect(frames[0]).toMatchObject({ note: { kind: 'tss', selector: 0x28 }, retAddr: 0x8088c718 });
    expect(frames[1]).toMatchObject({ trust: 'trap', task: 0x28 });
  });

  it('does not follow a backlink loop', () => {
    const e = env(FakeMemory.bytewise(), { tasks: { backlink: () => 0x50, registers: () => regs({ eip: 0x8088b702, esp: 0xf773d3c0 }) } });
    const frames = walkStack(e, regs({ eip: 0x8088b702, esp: 0xf773d3c0 }), { task: 0x50 });
    expect(frames).toHaveLength(1);
  });
});

describe('walkStack: scanning', () => {
  it('scans 160 dwords from the context frame', () => {
    const s = new StackBuilder(0xb8ae7000).skip(4 * 150).d32(0xf7001020);
    const frames = walkStack(env(s.build()), regs({ eip: 0x80840010, esp: 0xb8ae7000, ebp: 0 }), { maxFrames: 2 });
    expect(frames[1]).toMatchObject({ trust: 'scan', regs: { eip: 0xf7001020, esp: 0xb8ae7000 + 4 * 151 } });
  });

  it('scans only 40 dwords above later frames', () => {
    const s = new StackBuilder(0xb8ae7000).d32(0xf7001020).skip(4 * 50).d32(0xf7002020);
    const frames = walkStack(env(s.build()), regs({ eip: 0x80840010, esp: 0xb8ae7000, ebp: 0 }));
    expect(names(frames)).toEqual(['nt!MmAccessFault+0x10', 'StackHog!HogA+0x20']);
  });

  it('skips words no CALL ends at when a call-site check is available', () => {
    const s = new StackBuilder(0xb8ae7000).d32(0xf7001020, 0xf7002020);
    const frames = walkStack(env(s.build(), { isCallSite: (ra) => ra === 0xf7002020 }),
      regs({ eip: 0x80840010, esp: 0xb8ae7000, ebp: 0 }), { maxFrames: 2 });
    expect(frames[1]).toMatchObject({ trust: 'scan_callsite', regs: { eip: 0xf7002020 } });
  });

  it('rejects a return address outside every module', () => {
    const s = new StackBuilder(0xb8ae7000).d32(0x66616168, 0x12345678);
    expect(walkStack(env(s.build()), regs({ eip: 0x80840010, esp: 0xb8ae7000, ebp: 0 }))).toHaveLength(1);
  });
});
