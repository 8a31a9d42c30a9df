import { commandRegistry } from './registry';
import { commands } from './dt.cmd';
import { blogSession, KPCR } from '../../testing/fakeKernel';

const dt = (args: string, s = blogSession()) => commands[0].run(s, args, 'dt', commandRegistry()) as { lines: string[]; model: unknown };

describe('dt', () => {
  it('lists the kernel types a wildcard matches under the PDB name', () => {
    expect(dt('nt!*PCR*').lines).toEqual(['          ntkrpamp!_KPCR']);
  });

  it('prints one member of a type layout in WinDbg columns (walkthrough step 7)', () => {
    expect(dt('ntkrpamp!_KPCR TSS').lines).toEqual(['   +0x040 TSS              : Ptr32 _KTSS']);
    expect(dt('ntkrpamp!_KPCR SelfPcr').lines).toEqual(['   +0x01c SelfPcr          : Ptr32 _KPCR']);
  });

  it('reads a member of an instance (walkthrough step 9)', () => {
    expect(dt('nt!_KTSS f773a2e0 Backlink').lines).toEqual(['   +0x000 Backlink         : 0x28']);
  });

  it('names the type first when it was found without a module prefix', () => {
    expect(dt('_KTSS f773a2e0 Esp0').lines).toEqual(['ntkrpamp!_KTSS', '   +0x004 Esp0             : 0xf773d3c0']);
  });

  it('formats pointers, UChar, Uint2B, small numbers and arrays', () => {
    const lines = dt(`nt!_KPCR ${KPCR.toString(16)}`).lines;
    expect(lines).toContain('   +0x01c SelfPcr          : 0xf7737000 _KPCR');
    expect(lines).toContain('   +0x024 Irql             : 0x1f \'\'');
    expect(lines).toContain('   +0x044 MajorVersion     : 1');
    expect(lines).toContain('   +0x051 Number           : 0x3 \'\'');
    expect(lines).toContain('   +0x04c StallScaleFactor : 0xe56');
    expect(lines).toContain('   +0x058 KernelReserved   : [14] 0');
    expect(lines).toContain('   +0x000 Used_ExceptionList : 0xb8ae60dc _EXCEPTION_REGISTRATION_RECORD');
    expect(lines).toContain('   +0x034 KdVersionBlock   : (null) ');
  });

  it('follows a dotted path through an embedded structure', () => {
    expect(dt(`ntkrpamp!_KPCR ${KPCR.toString(16)} PrcbData.CurrentThread`).lines).toEqual([
      '   +0x120 PrcbData         : ',
      '      +0x004 CurrentThread    : 0x87d68438 _KTHREAD',
    ]);
  });

  it('follows a dotted path through a pointer member', () => {
    expect(dt(`nt!_KPCR ${KPCR.toString(16)} Prcb.IdleThread`).lines).toEqual([
      '   +0x020 Prcb             : ',
      '      +0x00c IdleThread       : 0xf773a090 _KTHREAD',
    ]);
  });

  it('expands embedded structures with -r, 3 more spaces per level', () => {
    const lines = dt('-r nt!_KPCR NtTib').lines;
    expect(lines[0]).toBe('   +0x000 NtTib            : _NT_TIB');
    expect(lines[1]).toBe('      +0x000 ExceptionList    : Ptr32 _EXCEPTION_REGISTRATION_RECORD');
  });

  it('prints list heads with both links and bitfields in binary', () => {
    const s = blogSession();
    const lines = dt('nt!_ETHREAD 87d68438 IrpList ActiveImpersonationInfo', s).lines;
    expect(lines).toEqual([
      '   +0x208 IrpList          : _LIST_ENTRY [ 0x87d68640 - 0x87d68640 ]',
      '   +0x240 ActiveImpersonationInfo : 0y0',
    ]);
    expect(dt('nt!_ETHREAD ActiveImpersonationInfo', s).lines).toEqual(['   +0x240 ActiveImpersonationInfo : Pos 3, 1 Bit']);
  });

  it('prints the image name as a quoted string', () => {
    expect(dt('nt!_EPROCESS 874c6800 ImageFileName').lines).toEqual(['   +0x164 ImageFileName    : [16]  "StackHog.exe"']);
  });

  it('shows ?? for unreadable members and a read error for an unreadable instance', () => {
    const s = blogSession();
    s.fake.writeU32(0x90000000, 0x28);
    expect(dt('nt!_KTSS 90000000 Backlink Esp0', s).lines).toEqual([
      '   +0x000 Backlink         : 0x28', '   +0x004 Esp0             : ??',
    ]);
    expect(dt('nt!_KTSS b8ae5000', s).lines).toEqual(['Memory read error b8ae5000']);
  });

  it('rejects an unknown type with WinDbg wording', () => {
    expect(() => dt('nt!_NOPE')).toThrow('Symbol nt!_NOPE not found.');
  });
});
