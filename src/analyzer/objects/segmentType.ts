/** `dg`'s Type column (10 characters) for a 5-bit descriptor type: 'TSS32 Busy', 'Code RE Ac', 'Data RW   '. */
const SYSTEM_TYPES: Record<number, string> = {
  0x1: 'TSS16 Avl', 0x2: 'LDT', 0x3: 'TSS16 Busy', 0x4: 'CallGate16', 0x5: 'TaskGate', 0x6: 'Int Gate16',
  0x7: 'TrapGate16', 0x9: 'TSS32 Avl', 0xb: 'TSS32 Busy', 0xc: 'CallGate32', 0xe: 'Int Gate32', 0xf: 'TrapGate32',
};

export function segmentTypeText(type5: number): string {
  if (type5 < 0x10) return (SYSTEM_TYPES[type5] ?? '<Reserved>').padEnd(10);
  const code = (type5 & 0x8) !== 0;
  const rw = (type5 & 0x2) !== 0;
  const accessed = (type5 & 0x1) !== 0 ? 'Ac' : '  ';
  return code ? `Code ${rw ? 'RE' : 'EO'} ${accessed}` : `Data ${rw ? 'RW' : 'RO'} ${accessed}`;
}
