/**
 * x86 segment and gate descriptors (Intel SDM vol. 3 §3.4.5, §6.11), decoded from their 8 raw bytes.
 * The layout is the hardware's, not a kernel structure, so it is decoded here rather than through ISF.
 */
export interface SegmentDescriptor {
  base: number;
  /** Expanded limit: page-granular segments show ffffffff-style limits, as `dg` does. */
  limit: number;
  /** S bit + 4-bit type (0x00–0x1f). */
  type5: number;
  dpl: number;
  present: boolean;
  big: boolean;
  granular: boolean;
  long: boolean;
  /** `dg`'s Flags column: access byte | (high flag nibble << 8). */
  flags: number;
}

export function decodeSegment(b: Uint8Array): SegmentDescriptor {
  const access = b[5];
  const flagsNibble = b[6] >>> 4;
  const rawLimit = b[0] | (b[1] << 8) | ((b[6] & 0x0f) << 16);
  const granular = (flagsNibble & 0x8) !== 0;
  return {
    base: (b[2] | (b[3] << 8) | (b[4] << 16) | (b[7] << 24)) >>> 0,
    limit: granular ? ((rawLimit << 12) | 0xfff) >>> 0 : rawLimit,
    type5: access & 0x1f,
    dpl: (access >>> 5) & 3,
    present: (access & 0x80) !== 0,
    big: (flagsNibble & 0x4) !== 0,
    granular,
    long: (flagsNibble & 0x2) !== 0,
    flags: access | (flagsNibble << 8),
  };
}

const SYSTEM_TYPES: Record<number, string> = {
  0x1: 'TSS16 Avl', 0x2: 'LDT', 0x3: 'TSS16 Busy', 0x4: 'CallGate16', 0x5: 'TaskGate', 0x6: 'Int Gate16',
  0x7: 'TrapGate16', 0x9: 'TSS32 Avl', 0xb: 'TSS32 Busy', 0xc: 'CallGate32', 0xe: 'Int Gate32', 0xf: 'TrapGate32',
};

/** `dg`'s Type column (10 characters): 'TSS32 Busy', 'Code RE Ac', 'Data RW   ', '<Reserved>'. */
export function segmentTypeText(type5: number): string {
  if (type5 < 0x10) return (SYSTEM_TYPES[type5] ?? '<Reserved>').padEnd(10);
  const code = (type5 & 0x8) !== 0;
  const rw = (type5 & 0x2) !== 0;
  const accessed = (type5 & 0x1) !== 0 ? 'Ac' : '  ';
  return code ? `Code ${rw ? 'RE' : 'EO'} ${accessed}` : `Data ${rw ? 'RW' : 'RO'} ${accessed}`;
}

export interface GateDescriptor {
  /** 5 = task gate, 6/0xe interrupt gate, 7/0xf trap gate. */
  type: number;
  selector: number;
  offset: number;
  dpl: number;
  present: boolean;
}

export function decodeGate(b: Uint8Array): GateDescriptor {
  return {
    type: b[5] & 0x0f,
    selector: b[2] | (b[3] << 8),
    offset: (b[0] | (b[1] << 8) | (b[6] << 16) | (b[7] << 24)) >>> 0,
    dpl: (b[5] >>> 5) & 3,
    present: (b[5] & 0x80) !== 0,
  };
}
