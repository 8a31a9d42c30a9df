import * as path from 'path';
import { openCrashDump } from '../memory/openCrashDump';
import { renderDumpDebug } from './dumpDebug';

const GEN_GUARD = path.resolve(__dirname, '..', '..', '..', '..', 'shared', 'interop', 'gen-guard.dmp');

describe('renderDumpDebug', () => {
  it("prints the header and the Physical Memory Description as dbgeng's .dumpdebug does", () => {
    const d = openCrashDump(GEN_GUARD);
    const lines = renderDumpDebug({ header: d.header, processorBlock: { address: 0x8089be40, entries: [0xffdff120, null] } });
    d.close();
    expect(lines).toEqual([
      '----- 32 bit Kernel Full Dump Analysis',
      '',
      'DUMP_HEADER32:',
      'MajorVersion        0000000f',
      'MinorVersion        00000ece',
      'DirectoryTableBase  00030000',
      'PfnDataBase         81000000',
      'PsLoadedModuleList  8089ffa8',
      'PsActiveProcessHead 808a0f38',
      'MachineImageType    0000014c',
      'NumberProcessors    00000002',
      'BugCheckCode        0000007f',
      'BugCheckParameter1  00000008',
      'BugCheckParameter2  80042000',
      'BugCheckParameter3  00000000',
      'BugCheckParameter4  00000000',
      'PaeEnabled          00000001',
      'KdDebuggerDataBlock 8088ae78',
      "Comment             'mkdump32: independent test dump'",
      'ProductType         00000003',
      'SuiteMask           00000112',
      'WriterStatus        00000000',
      '',
      'Physical Memory Description:',
      'Number of runs: 4',
      '          FileOffset  Start Address  Length',
      '           00001000     00030000     00008000',
      '           00009000     00800000     00016000',
      '           0001f000     04000000     00200000',
      '           0021f000     110000000     00019000',
      'Last Page: 00237000     110018000',
      '',
      'KiProcessorBlock at 8089be40',
      '  2 KiProcessorBlock entries:',
      '  ffdff120 ????????',
    ]);
  });

  it('shows VersionUser and SecondaryDataState once written, and leaves out the KiProcessorBlock part without KDBG', () => {
    const d = openCrashDump(GEN_GUARD);
    const header = { ...d.header, versionUser: 'srv03', secondaryDataState: 0, comment: '' };
    d.close();
    const lines = renderDumpDebug({ header });
    expect(lines).toContain("VersionUser         'srv03'");
    expect(lines).toContain('SecondaryDataState  00000000');
    expect(lines.some((l) => l.startsWith('Comment'))).toBe(false);
    expect(lines[lines.length - 1]).toBe('Last Page: 00237000     110018000');
  });
});

describe('renderDumpDebug of summary and bitmap dumps', () => {
  const DAMAGED = path.resolve(__dirname, '..', '..', '..', 'fixtures', 'damaged');
  const tail = (file: string) => {
    const d = openCrashDump(path.join(DAMAGED, file));
    try {
      const lines = renderDumpDebug({ header: d.header });
      return { first: lines[0], bitmap: lines.slice(lines.findIndex((l) => l.startsWith('SUMMARY_DUMP'))) };
    } finally {
      d.close();
    }
  };

  it('prints the SUMMARY_DUMP32 header of a kernel summary dump instead of the runs', () => {
    expect(tail('summary-cut-short.dmp')).toEqual({
      first: '----- 32 bit Kernel Summary Dump Analysis',
      bitmap: ['SUMMARY_DUMP32:', 'DumpOptions         00000001', 'HeaderSize          00002000', 'BitmapSize          00000200',
        'Pages               00000003', 'Bitmap.SizeOfBitMap 00000200'],
    });
  });

  it('prints the bitmap header of a bitmap dump', () => {
    expect(tail('bitmap-cut-short.dmp')).toEqual({
      first: '----- 32 bit Kernel Bitmap Dump Analysis - Full address space is available',
      bitmap: ['SUMMARY_DUMP:', 'DumpOptions         00000000', 'HeaderSize          00002000', 'BitmapSize          00000200',
        'Pages               00000003', 'Bitmap.SizeOfBitMap 00000200'],
    });
  });
});
