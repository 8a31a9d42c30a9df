import { buildGotStackMachine, type GotStackMachine as Machine } from '../scenarios/gotStack/story';
import { moduleSymbolFiles } from './moduleIsf';

let m: Machine;
beforeAll(() => { m = buildGotStackMachine({ seed: 1, ramBytes: 32 << 20, blogValues: true }); });

/** The RSDS record of an image in simulated memory, as volatility3's PdbSignatureScanner reads it. */
function rsds(base: number): { guid: string; age: number; name: string } {
  const hdr = Buffer.from(m.memory.read(base, 0x400));
  const pe = hdr.readUInt32LE(0x3c);
  const dbgRva = hdr.readUInt32LE(pe + 24 + 96 + 6 * 8);
  const dbg = Buffer.from(m.memory.read(base + dbgRva, 0x1c));
  const rec = Buffer.from(m.memory.read(base + dbg.readUInt32LE(20), dbg.readUInt32LE(16)));
  expect(rec.toString('latin1', 0, 4)).toBe('RSDS');
  const g = rec.subarray(4, 20);
  const guid = [3, 2, 1, 0, 5, 4, 7, 6, 8, 9, 10, 11, 12, 13, 14, 15].map((i) => g[i].toString(16).padStart(2, '0')).join('').toUpperCase();
  return { guid, age: rec.readUInt32LE(20), name: rec.toString('latin1', 24, rec.indexOf(0, 24)) };
}

describe('shipped ISF files', () => {
  it('are named by the PDB name, GUID and age of each image\'s RSDS record in the dump', () => {
    for (const mod of m.modules) {
      const files = moduleSymbolFiles(mod);
      const r = rsds(mod.def.base);
      expect(files.isfPath).toBe(`windows/${r.name}/${r.guid}-${r.age}${mod.def.kind === 'kernel' ? '.json.gz' : '.json'}`);
      expect(files.isf.metadata.windows?.pdb).toEqual({ GUID: r.guid, age: r.age, database: r.name, machine_type: 332 });
    }
  });

  it('give nt the symbols volatility3 and the walkthrough need, as RVAs', () => {
    const nt = moduleSymbolFiles(m.modules.find((x) => x.def.name === 'nt')!);
    for (const s of ['KdDebuggerDataBlock', 'KdVersionBlock', 'KeNumberProcessors', 'PsActiveProcessHead', 'PsLoadedModuleList', 'KiProcessorBlock']) {
      expect(nt.isf.symbols[s]?.address).toBeGreaterThan(0);
    }
    expect(nt.isf.symbols._KiTrap0E.address).toBe(0x8c6bc);
    expect(nt.isf.symbols._KiTrap08.address).toBe(0x8b702);
    expect(nt.isf.user_types._KPCR.size).toBe(0xfe0);
  });

  it('describe the trap handlers as trap and TSS frames and the drivers\' functions with their prologues', () => {
    const nt = moduleSymbolFiles(m.modules.find((x) => x.def.name === 'nt')!).frames.functions;
    expect(nt._KiTrap0E.kind).toBe('trap');
    expect(nt._KiTrap08.kind).toBe('tss');
    expect(nt.MmProbeAndLockPages).toMatchObject({ kind: 'ebp', localsBytes: 0x88, savedRegs: 3, paramBytes: 0xc });
    const scan = moduleSymbolFiles(m.modules.find((x) => x.def.name === 'ShScan')!).frames.functions;
    expect(scan.ShScanMatchPattern).toMatchObject({ kind: 'fpo', localsBytes: 0x100, savedRegs: 4, paramBytes: 8, savedRegisters: ['ebx', 'ebp', 'esi', 'edi'] });
    expect(scan.ShScanMatchPattern.prologBytes).toBe(10);
  });
});
