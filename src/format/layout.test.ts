import { decode, encode } from './codec';
import { CONTEXT_X86, FLOATING_SAVE_AREA } from './x86Context';
import { DUMP_HEADER32, PHYSICAL_MEMORY_DESCRIPTOR32, pageFilledHeader } from './dumpHeader32';
import { EXCEPTION_RECORD32 } from './exceptionRecord32';
import { defineLayout, offsetOf, u32 } from './layout';
import { bugcheckName, trapName } from './bugchecks';
import { BITMAP_DUMP_HEADER, SUMMARY_DUMP32 } from './summaryDump32';
import { TRIAGE_DATA_BLOCK, TRIAGE_DUMP32 } from './triageDump32';

describe('layout table offsets (pinned to dump-format.md §1 and §3)', () => {
  it.each(([
    ['Signature', 0x000], ['ValidDump', 0x004], ['MajorVersion', 0x008], ['MinorVersion', 0x00c],
    ['DirectoryTableBase', 0x010], ['PfnDataBase', 0x014], ['PsLoadedModuleList', 0x018],
    ['PsActiveProcessHead', 0x01c], ['MachineImageType', 0x020], ['NumberProcessors', 0x024],
    ['BugCheckCode', 0x028], ['BugCheckParameter1', 0x02c], ['BugCheckParameter4', 0x038],
    ['VersionUser', 0x03c], ['PaeEnabled', 0x05c], ['KdSecondaryVersion', 0x05d], ['Spare3', 0x05e],
    ['KdDebuggerDataBlock', 0x060], ['PhysicalMemoryBlock', 0x064], ['ContextRecord', 0x320],
    ['Exception', 0x7d0], ['Comment', 0x820], ['Attributes', 0x8a0], ['BootId', 0x8a4],
    ['DumpType', 0xf88], ['MiniDumpFields', 0xf8c], ['SecondaryDataState', 0xf90], ['ProductType', 0xf94],
    ['SuiteMask', 0xf98], ['WriterStatus', 0xf9c], ['RequiredDumpSpace', 0xfa0], ['SystemUpTime', 0xfb8],
    ['SystemTime', 0xfc0], ['Reserved3', 0xfc8],
  ] as const).map(([f, o]) => [f, `0x${o.toString(16)}`, o] as const))('puts DUMP_HEADER32.%s at %s', (field, _hex, offset) => {
    expect(offsetOf(DUMP_HEADER32, field)).toBe(offset);
  });

  it('sizes the records as the SDK does', () => {
    expect(DUMP_HEADER32.size).toBe(0x1000);
    expect(PHYSICAL_MEMORY_DESCRIPTOR32.size).toBe(700);
    expect(CONTEXT_X86.size).toBe(0x2cc);
    expect(FLOATING_SAVE_AREA.size).toBe(0x70);
    expect(EXCEPTION_RECORD32.size).toBe(0x50);
  });

  it.each(([
    ['ContextFlags', 0x00], ['Dr7', 0x18], ['FloatSave', 0x1c], ['SegGs', 0x8c], ['Edi', 0x9c], ['Eax', 0xb0],
    ['Ebp', 0xb4], ['Eip', 0xb8], ['SegCs', 0xbc], ['EFlags', 0xc0], ['Esp', 0xc4], ['SegSs', 0xc8],
    ['ExtendedRegisters', 0xcc],
  ] as const).map(([f, o]) => [f, `0x${o.toString(16)}`, o] as const))('puts CONTEXT.%s at %s', (field, _hex, offset) => {
    expect(offsetOf(CONTEXT_X86, field)).toBe(offset);
  });

  it('puts EXCEPTION_RECORD32.ExceptionInformation at 0x14 and the runs at descriptor+8', () => {
    expect(offsetOf(EXCEPTION_RECORD32, 'ExceptionInformation')).toBe(0x14);
    expect(offsetOf(PHYSICAL_MEMORY_DESCRIPTOR32, 'Run')).toBe(8);
  });

  it('rejects a layout whose fields overlap or overrun the record', () => {
    expect(() => defineLayout('BAD', 8, { A: [0, u32], B: [2, u32] })).toThrow('B overlaps A');
    expect(() => defineLayout('BAD', 4, { A: [2, u32] })).toThrow('past the record size');
  });
});

describe('codec', () => {
  it('round-trips a header: encoded fields decode to the same values, unwritten fields keep the PAGE fill', () => {
    const buf = pageFilledHeader();
    encode(DUMP_HEADER32, {
      Signature: 0x45474150, ValidDump: 0x504d5544, DirectoryTableBase: 0x30000, PaeEnabled: 1,
      PhysicalMemoryBlock: { NumberOfRuns: 2, NumberOfPages: 0x30, Run: [{ BasePage: 1, PageCount: 0x10 }, { BasePage: 0x100, PageCount: 0x20 }] },
      ContextRecord: { ContextFlags: 0x1003f, Eip: 0x8088c0de, Esp: 0xf7737000, FloatSave: { ControlWord: 0x27f } },
      Exception: { ExceptionCode: 0x80000003, ExceptionInformation: [1, 2, 3] },
      Comment: 'hello', RequiredDumpSpace: 0x31000n, SystemTime: 0x01ca6d6b2f1e0000n,
    }, buf);
    const h = decode(DUMP_HEADER32, buf);
    expect(h.DirectoryTableBase).toBe(0x30000);
    expect(h.PaeEnabled).toBe(1);
    expect(h.KdSecondaryVersion).toBe(0x41); // 'A' of 'PAGE': never written
    expect(h.PhysicalMemoryBlock.Run.slice(0, 2)).toEqual([{ BasePage: 1, PageCount: 0x10 }, { BasePage: 0x100, PageCount: 0x20 }]);
    expect(h.ContextRecord.Eip).toBe(0x8088c0de);
    expect(h.ContextRecord.FloatSave.ControlWord).toBe(0x27f);
    expect(h.Exception.ExceptionInformation.slice(0, 4)).toEqual([1, 2, 3, 0x45474150]);
    expect(h.Comment).toBe('hello');
    expect(h.RequiredDumpSpace).toBe(0x31000n);
    expect(h.SystemTime).toBe(0x01ca6d6b2f1e0000n);
    expect(h.DumpType).toBe(0x45474150);
    expect(Buffer.from(buf.subarray(0x5ec, 0x5f0)).toString('latin1')).toBe('PAGE');
    const again = pageFilledHeader();
    encode(DUMP_HEADER32, h, again);
    expect(Buffer.from(again).equals(Buffer.from(buf))).toBe(true);
  });

  it('refuses values that do not fit their field', () => {
    const buf = new Uint8Array(0x50);
    expect(() => encode(EXCEPTION_RECORD32, { NumberParameters: 0x1_0000_0000 }, buf)).toThrow('does not fit');
    expect(() => encode(EXCEPTION_RECORD32, { ExceptionInformation: new Array(16).fill(0) }, buf)).toThrow('16 entries do not fit 15');
  });

  it('refuses to decode past the end of the buffer', () => {
    expect(() => decode(EXCEPTION_RECORD32, new Uint8Array(0x4f))).toThrow(RangeError);
  });
});

describe('bugcheck and trap names', () => {
  it('names 0x7F and its double-fault trap', () => {
    expect(bugcheckName(0x7f)).toBe('UNEXPECTED_KERNEL_MODE_TRAP');
    expect(trapName(8)).toBe('EXCEPTION_DOUBLE_FAULT');
    expect(trapName(0xd)).toBe('EXCEPTION_GP_FAULT');
    expect(bugcheckName(0x12345)).toBeUndefined();
  });
});

describe('page-bitmap and triage headers (dump-format.md §1.4–§1.6, mindumpdef.h, volatility3 crash_common.json)', () => {
  it('puts SUMMARY_DUMP32 fields where the WDK layout has them (0x20 bytes, bitmap at +0x20)', () => {
    expect(SUMMARY_DUMP32.size).toBe(0x20);
    expect([offsetOf(SUMMARY_DUMP32, 'DumpOptions'), offsetOf(SUMMARY_DUMP32, 'HeaderSize'), offsetOf(SUMMARY_DUMP32, 'BitmapSize'),
      offsetOf(SUMMARY_DUMP32, 'Pages'), offsetOf(SUMMARY_DUMP32, 'SizeOfBitMap')]).toEqual([0x8, 0xc, 0x10, 0x14, 0x18]);
  });

  it("puts the bitmap dump header's 64-bit counters where volatility3 and kdmp-parser read them", () => {
    expect([offsetOf(BITMAP_DUMP_HEADER, 'FirstPage'), offsetOf(BITMAP_DUMP_HEADER, 'TotalPresentPages'), offsetOf(BITMAP_DUMP_HEADER, 'BitmapSize')])
      .toEqual([0x20, 0x28, 0x30]);
    expect(BITMAP_DUMP_HEADER.size).toBe(0x38);
  });

  it('lays TRIAGE_DUMP32 out as 26 ULONGs and TRIAGE_DATA_BLOCK as {ULONG64, ULONG, ULONG}', () => {
    expect(TRIAGE_DUMP32.size).toBe(0x68);
    expect([offsetOf(TRIAGE_DUMP32, 'ContextOffset'), offsetOf(TRIAGE_DUMP32, 'CallStackOffset'), offsetOf(TRIAGE_DUMP32, 'TopOfStack'),
      offsetOf(TRIAGE_DUMP32, 'DataBlocksCount')]).toEqual([0xc, 0x28, 0x48, 0x64]);
    expect([offsetOf(TRIAGE_DATA_BLOCK, 'Offset'), offsetOf(TRIAGE_DATA_BLOCK, 'Size'), TRIAGE_DATA_BLOCK.size]).toEqual([0x8, 0xc, 0x10]);
  });
});
