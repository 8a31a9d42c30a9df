/** Which kind of dump a file is, from its first 8 bytes (dump-format.md §1, §2; minidumps start 'MDMP'). */

export type DumpKind = 'PAGEDUMP' | 'PAGEDU64' | 'MDMP' | 'unknown';

export function detectDumpKind(head: Uint8Array): DumpKind {
  const text = Buffer.from(head.subarray(0, 8)).toString('latin1');
  if (text === 'PAGEDUMP') return 'PAGEDUMP';
  if (text === 'PAGEDU64') return 'PAGEDU64';
  if (text.startsWith('MDMP')) return 'MDMP';
  return 'unknown';
}

/** Four signature bytes as WinDbg-ish text: printable ASCII quoted, with the ULONG value. */
export function describeTag(bytes: Uint8Array): string {
  const b = Buffer.from(bytes.subarray(0, 4));
  const printable = [...b].every((c) => c >= 0x20 && c < 0x7f);
  const value = b.length === 4 ? b.readUInt32LE(0) : 0;
  return `${printable ? `'${b.toString('latin1')}' ` : ''}(0x${value.toString(16).padStart(8, '0')})`;
}
