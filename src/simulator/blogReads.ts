/**
 * The blog's values as an independent reader sees them in the fixture dump: the memory reads
 * (volatility3 through ../shared/tools/vol_read.py, dword or byte form) and the exact text the blog prints for
 * each. Used by blogValues.interop.test.ts (live volatility3) and blogValues.golden.test.ts (its checked-in output).
 */
export const VOL_READ_GOLDEN = 'fixtures/groundtruth/got-stack.vol_read.json';

export interface DwordRead { addr: string; length: string; expected: string | RegExp }
export interface ByteRead { addr: string; length: string; expected: string | RegExp }

/** `dd` reads: vol_read prints WinDbg's dword lines; these are the blog's own lines (steps 12, 18, 19, 24). */
export const DWORD_READS: DwordRead[] = [
  {
    addr: 'f7737000', length: '150', expected: [
      'f7737000  b8ae60dc 00000000 00000000 f7737fe0',
      'f7737010  19d5c42c 00000008 7ff9c000 f7737000',
      'f7737020  f7737120 0000001f 00000000 00000000',
      'f7737030  ffffffff 00000000 f773d800 f773d400',
      'f7737040  f773a2e0 00010001 00000008 00000e56',
      'f7737050  08000300 00000000 00000000 00000000',
      'f7737060  00000000 00000000 00000000 00000000',
      'f7737070  00000000 00000000 00000000 00000000',
      'f7737080  00000000 00000000 00000000 00000000',
      'f7737090  00100000 00000003 09f15190 00000000',
      'f77370a0  09f15190 dabc6620 00000000 334e730f',
      'f77370b0  00000000 00000000 00000000 00000000',
      'f77370c0  00000000 00000000 00000000 00000000',
      'f77370d0  00000000 00000000 00000000 00000000',
      'f77370e0  00000000 00000000 00000000 00000000',
      'f77370f0  00000000 00000000 00000000 00000000',
      'f7737100  00000000 00000000 00000000 00000000',
      'f7737110  00000000 00000000 00000000 00000000',
      'f7737120  00010001 87d68438 00000000 f773a090',
      'f7737130  00000003 00000008 0401010f 00000000',
      'f7737140  00000000 00000000 00000000 00000000',
    ].join('\n'),
  },
  { addr: 'f773701c', length: '4', expected: 'f773701c  f7737000' },
  { addr: 'f7737040', length: '4', expected: 'f7737040  f773a2e0' },
  { addr: 'f773a2e0', length: '4', expected: 'f773a2e0  00000028' },
  { addr: 'b8ae5fe4', length: '4', expected: 'b8ae5fe4  ????????' },
  { addr: 'b8ae5ff0', length: '4', expected: 'b8ae5ff0  ????????' },
  {
    addr: 'b8ae5fe0', length: '40', expected: [
      'b8ae5fe0  ???????? ???????? ???????? ????????',
      'b8ae5ff0  ???????? ???????? ???????? ????????',
      'b8ae6000  00000000 00000000 00000000 00000000',
      'b8ae6010  00000000 b8ae0000 b8ae0023 00000023',
    ].join('\n'),
  },
  // The rest of the first page fault's trap frame (walkthrough.md): Edx … EFlags, then the interrupted code's ESP.
  {
    addr: 'b8ae6020', length: '38', expected: /^b8ae6020  87758bd8 87d68438 b8ae[0-9a-f]{4} [0-9a-f]{8}\nb8ae6030  b8ae60dc [0-9a-f]{4}0030 [0-9a-f]{8} b8ae6068\nb8ae6040  [0-9a-f]{8} b8ae60ec 0000[0-9a-f]{4} 808813d8\nb8ae6050  00000008 [0-9a-f]{8}$/,
  },
];

/** Byte reads: the two instructions the blog disassembles, the GDT descriptors, the whole guard page. */
export const BYTE_READS: ByteRead[] = [
  { addr: '8088c718', length: '3', expected: '89550c' },
  { addr: '8088b702', length: '1', expected: 'fa' },
  // GDT f773d400: 0x28 = busy TSS, base f7737fe0, limit 20ab; 0x50 = available TSS, base f773a2e0; 0x30 = PCR f7737000.
  { addr: 'f773d428', length: '8', expected: 'ab20e07f738b00f7' },
  { addr: 'f773d450', length: '8', expected: '6800e0a2738900f7' },
  { addr: 'f773d430', length: '8', expected: /^ff1f0070739340f7$/ },
  // IDT f773d800 vector 8: a task gate (access 0x8500) to selector 0x50.
  { addr: 'f773d840', length: '8', expected: '0000500000850000' },
  { addr: 'b8ae5000', length: '1000', expected: /^(\?\?){4096}$/ },
];

/** TSS images read as dwords (the two `.tss` register blocks). */
export const TSS_READS = [
  { name: 'tss50', addr: 'f773a2e0', length: '68' },
  { name: 'tss28', addr: 'f7737fe0', length: '68' },
];

/** Registers a TSS dword dump must show: KTSS offsets (dump-format.md §6.4) and the blog's values. */
export const TSS_EXPECTED: Record<string, Record<number, number>> = {
  tss50: { 0x00: 0x28, 0x20: 0x8088b702, 0x24: 0, 0x28: 0, 0x2c: 0, 0x30: 0, 0x34: 0, 0x38: 0xf773d3c0, 0x3c: 0, 0x40: 0, 0x44: 0, 0x48: 0x23, 0x4c: 8, 0x50: 0x10, 0x54: 0x23, 0x58: 0x30, 0x5c: 0 },
  tss28: { 0x20: 0x8088c718, 0x24: 0x00010046, 0x28: 0xb8ae0023, 0x2c: 0x87d68438, 0x30: 0x87758bd8, 0x34: 0xb8ae60ec, 0x38: 0xb8ae5fe4, 0x3c: 0xb8ae5fe4, 0x40: 0xb8ae6068, 0x44: 0x808813d8, 0x48: 0x23, 0x4c: 8, 0x50: 0x10, 0x54: 0x23, 0x58: 0x30, 0x5c: 0 },
};

/** Parses vol_read dword lines back into values (for the TSS checks). */
export function parseDwordLines(text: string): number[] {
  return text.split('\n').flatMap((l) => l.split(/\s+/).slice(1)).map((h) => parseInt(h, 16));
}

/** Fields of a TSS dword dump that differ from the blog's (selectors compared as 16 bits); empty when all match. */
export function tssMismatches(name: string, text: string): string[] {
  const d = parseDwordLines(text);
  return Object.entries(TSS_EXPECTED[name]).flatMap(([off, want]) => {
    const o = Number(off);
    const got = o >= 0x48 ? d[o / 4] & 0xffff : d[o / 4] >>> 0;
    return got === want ? [] : [`${name}+0x${o.toString(16)}: ${got.toString(16)} (blog ${want.toString(16)})`];
  });
}

/** Whether a read matches its expectation (exact text or pattern). */
export const matches = (got: string, expected: string | RegExp): boolean =>
  typeof expected === 'string' ? got === expected : expected.test(got);
