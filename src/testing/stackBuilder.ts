/**
 * Label-built stacks for walker tests, after rust-minidump's test_assembler: a test writes the stack the way
 * one draws it (lowest address first), marks positions with labels, and refers to labels before they are
 * placed (a saved EBP that points at the caller's frame). `build()` resolves every label and gives a
 * VirtualMemory where only the written bytes (and any code added with `code()`) are readable.
 *
 *   const s = new StackBuilder(0xb8ae7000);
 *   const callerFrame = new Label();
 *   s.mark(frame0).d32(callerFrame).d32(0x80881234)   // saved EBP, return address
 *    .skip(0x20).mark(callerFrame).d32(0).d32(0);
 *   const mem = s.build();
 */
import { FakeMemory } from './fakeMemory';

/** A position in a stack, known once it is marked (or given a value outright). */
export class Label {
  private v: number | undefined;
  constructor(readonly name = 'label') {}
  get value(): number {
    if (this.v === undefined) throw new Error(`label ${this.name} was never placed`);
    return this.v;
  }
  get placed(): boolean { return this.v !== undefined; }
  set(v: number): void { this.v = v >>> 0; }
  /** A label at a fixed distance from this one, resolved lazily. */
  plus(delta: number): LabelExpr { return { label: this, delta }; }
}
interface LabelExpr { label: Label; delta: number }
type Dword = number | Label | LabelExpr | null;

/** Writes dwords upward from `start`; `null` dwords and `gap()` leave unreadable holes. */
export class StackBuilder {
  private readonly slots: { at: number; value: Dword }[] = [];
  private pos: number;
  constructor(readonly start: number) { this.pos = start >>> 0; }

  get here(): number { return this.pos; }
  /** Places `label` at the current position. */
  mark(label: Label): this { label.set(this.pos); return this; }
  d32(...values: Dword[]): this {
    for (const v of values) { this.slots.push({ at: this.pos, value: v }); this.pos = (this.pos + 4) >>> 0; }
    return this;
  }
  /** Readable zero-filled bytes (locals nobody looks at). */
  skip(bytes: number): this {
    for (let i = 0; i < bytes; i += 4) this.d32(0);
    return this;
  }
  /** Unreadable bytes (a guard page, a hole in the dump). */
  gap(bytes: number): this { this.pos = (this.pos + bytes) >>> 0; return this; }

  /** Resolves labels and returns the memory, plus any extra regions (code bytes). */
  build(into: FakeMemory = FakeMemory.bytewise()): FakeMemory {
    for (const { at, value } of this.slots) {
      if (value === null) continue;
      const n = typeof value === 'number' ? value : value instanceof Label ? value.value : value.label.value + value.delta;
      into.write(at, le32(n));
    }
    return into;
  }
}

const le32 = (v: number): Uint8Array => {
  const b = new Uint8Array(4);
  new DataView(b.buffer).setUint32(0, v >>> 0, true);
  return b;
};
