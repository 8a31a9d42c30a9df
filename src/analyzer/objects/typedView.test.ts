import { ntkrpampTypes } from '../../symbols/layouts/ntkrpamp';
import { TypeTable } from '../../symbols/typeTable';
import { FakeMemory, writeFields } from '../../testing/fakeMemory';
import { walkList } from './listWalker';
import { containingRecord, TypedView } from './typedView';

const nt = new TypeTable(ntkrpampTypes(), 'ntkrpamp');

describe('TypedView', () => {
  it('reads fields at TypeTable offsets, signed types sign-extended, 8-byte fields as bigint', () => {
    const m = writeFields(new FakeMemory(), nt, '_KTHREAD', 0x87d68438, {
      StackBase: 0xb8ae9000, WaitStatus: -1,
    });
    const t = new TypedView(m, nt, '_KTHREAD', 0x87d68438);
    expect(t.get('StackBase')).toBe(0xb8ae9000);
    expect(t.get('WaitStatus')).toBe(-1);
    const p = writeFields(new FakeMemory(), nt, '_EPROCESS', 0x874c6800, { Filler: 0xffffffff00000001n });
    expect(new TypedView(p, nt, '_EPROCESS', 0x874c6800).get('Filler')).toBe(0xffffffff00000001n);
  });

  it('extracts bitfields, including those above bit 31 of a PAE PTE', () => {
    const m = writeFields(new FakeMemory(), nt, '_MMPTE', 0x1000, { 'u.Hard.Valid': 1, 'u.Hard.PageFrameNumber': 0x12345 });
    const pte = new TypedView(m, nt, '_MMPTE', 0x1000);
    expect(pte.get('u.Long')).toBe(0x12345001n);
    expect(pte.get('u.Hard.PageFrameNumber')).toBe(0x12345);
    expect(pte.get('u.Soft.PageFileHigh')).toBe(0);
  });

  it('returns null for unreadable fields, never 0', () => {
    const m = new FakeMemory().map(0x80000000, 0x10);
    const t = new TypedView(m, nt, '_KPCR', 0x80000ff0);
    expect(t.get('NtTib.ExceptionList')).toBe(0);
    expect(t.get('SelfPcr')).toBeNull();
    expect(t.bytes('KernelReserved')).toBeNull();
  });

  it('follows pointers and embedded structs', () => {
    const m = writeFields(new FakeMemory(), nt, '_KPCR', 0xffdff000, { TSS: 0x80042000, 'PrcbData.Number': 2 });
    writeFields(m, nt, '_KTSS', 0x80042000, { Backlink: 0x28 });
    const pcr = new TypedView(m, nt, '_KPCR', 0xffdff000);
    expect(pcr.deref('TSS')!.get('Backlink')).toBe(0x28);
    expect(pcr.sub('PrcbData').get('Number')).toBe(2);
    expect(pcr.deref('IDT')).toBeNull();
  });
});

describe('walkList', () => {
  const ring = (m: FakeMemory, nodes: number[]) => nodes.forEach((n, i) => m.writeU32(n, nodes[(i + 1) % nodes.length]));

  it('walks to the head and returns the entries in Flink order', () => {
    const m = new FakeMemory();
    ring(m, [0x1000, 0x2000, 0x3000]);
    expect(walkList(m, nt, 0x1000)).toEqual({ links: [0x2000, 0x3000], complete: true });
  });

  it('ends a cycle that misses the head with a warning instead of hanging', () => {
    const m = new FakeMemory().writeU32(0x1000, 0x2000);
    ring(m, [0x2000, 0x3000]);
    const w = walkList(m, nt, 0x1000, { what: 'PsActiveProcessHead' });
    expect(w.links).toEqual([0x2000, 0x3000]);
    expect(w.complete).toBe(false);
    expect(w.warning).toBe('PsActiveProcessHead: list is circular at 00002000 (does not return to head 00001000)');
  });

  it('stops at an unreadable or NULL link and at the cap', () => {
    const m = new FakeMemory().writeU32(0x1000, 0x2000).writeU32(0x2000, 0x9000);
    expect(walkList(m, nt, 0x1000).warning).toBe('list: unable to read list entry at 00009000');
    m.writeU32(0x2000, 0);
    expect(walkList(m, nt, 0x1000).warning).toBe('list: NULL Flink at 00002000');
    const long = new FakeMemory();
    ring(long, Array.from({ length: 50 }, (_, i) => 0x10000 + i * 8));
    const capped = walkList(long, nt, 0x10000, { cap: 10 });
    expect([capped.links.length, capped.warning]).toEqual([10, 'list: stopped after 10 entries']);
  });

  it('maps a link back to its record (CONTAINING_RECORD)', () => {
    const rec = containingRecord(new FakeMemory(), nt, '_EPROCESS', 'ActiveProcessLinks', 0x874c6898);
    expect(rec.address).toBe(0x874c6800);
  });
});
