/**
 * Reads and checks the page-bitmap header of a summary (DumpType 2: SUMMARY_DUMP32 'SDMP') or bitmap
 * (DumpType 5: 'FDMP', 64-bit counters) dump at file offset 0x1000, and builds its rank index. Refuses only what
 * makes the header untrustworthy — wrong signature, a bitmap that does not fit, counts that disagree with the
 * bitmap, page data starting inside the header; a file cut short after the bitmap opens (validateHeader32's
 * caller warns and the missing pages read as gaps).
 */
import { PAGE_SIZE } from '../../common/hex';
import { decode } from '../../format/codec';
import { DumpType } from '../../format/dumpHeader32';
import {
  BITMAP_DUMP_BITMAP_AT, BITMAP_DUMP_HEADER, BITMAP_HEADER_FILE_OFFSET, DUMP_FULL_SIGNATURE, DUMP_SUMMARY_SIGNATURE,
  DUMP_SUMMARY_VALID, SUMMARY_BITMAP_AT, SUMMARY_DUMP32,
} from '../../format/summaryDump32';
import { offsetOf } from '../../format/layout';
import type { ByteSource } from '../source/types';
import { BitmapIndex } from './bitmapIndex';
import { describeTag } from './detect';
import { DumpFormatError } from './dumpErrors';
import type { BitmapHeaderModel } from './types';

const hex = (v: number | bigint): string => `0x${v.toString(16)}`;
/** PAE physical addresses have 40 bits: at most 2^28 PFNs, a 32 MiB bitmap. */
const PFN_LIMIT = 2 ** 28;
const tag = (v: number) => Buffer.from(new Uint32Array([v]).buffer).toString('latin1');

export function readBitmapHeader(src: ByteSource, dumpType: number): { model: BitmapHeaderModel; index: BitmapIndex } {
  const name = src.name;
  const summary = dumpType === DumpType.SUMMARY;
  const layout = summary ? SUMMARY_DUMP32 : BITMAP_DUMP_HEADER;
  const what = summary ? 'SUMMARY_DUMP32' : 'bitmap dump header';
  const at = (field: string) => ({ fileOffset: BITMAP_HEADER_FILE_OFFSET + offsetOf(layout, field as never), field });
  if (src.size < BITMAP_HEADER_FILE_OFFSET + layout.size) {
    throw new DumpFormatError(name, `the file is ${hex(src.size)} bytes, too short for the ${what} at 0x1000 (truncated dump?)`);
  }
  const raw = src.read(BITMAP_HEADER_FILE_OFFSET, layout.size);
  const f = decode(layout, raw) as { Signature: number; ValidDump: number; DumpOptions: number };
  const wantSig = summary ? [DUMP_SUMMARY_SIGNATURE] : [DUMP_FULL_SIGNATURE, DUMP_SUMMARY_SIGNATURE];
  if (!wantSig.includes(f.Signature)) {
    throw new DumpFormatError(name, `DumpType ${dumpType} needs the ${summary ? "'SDMP'" : "'FDMP' or 'SDMP'"} ${what} at 0x1000; Signature is ${describeTag(raw.subarray(0, 4))}`, at('Signature'));
  }
  if (f.ValidDump !== DUMP_SUMMARY_VALID) {
    throw new DumpFormatError(name, `${what} ValidDump ${describeTag(raw.subarray(4, 8))} is not 'DUMP'`, at('ValidDump'));
  }
  let headerSize: number; let bits: number; let pages: number;
  const headerSizeField = summary ? 'HeaderSize' : 'FirstPage';
  const pagesField = summary ? 'Pages' : 'TotalPresentPages';
  if (summary) {
    const s = decode(SUMMARY_DUMP32, raw);
    headerSize = s.HeaderSize; bits = s.BitmapSize; pages = s.Pages;
    if (s.SizeOfBitMap !== s.BitmapSize) {
      throw new DumpFormatError(name, `SUMMARY_DUMP32 Bitmap.SizeOfBitMap ${hex(s.SizeOfBitMap)} is not BitmapSize ${hex(s.BitmapSize)}`, at('SizeOfBitMap'));
    }
  } else {
    const b = decode(BITMAP_DUMP_HEADER, raw);
    for (const [field, v] of [['FirstPage', b.FirstPage], ['TotalPresentPages', b.TotalPresentPages], ['BitmapSize', b.BitmapSize]] as const) {
      if (v > BigInt(PFN_LIMIT) * BigInt(PAGE_SIZE)) throw new DumpFormatError(name, `bitmap dump header ${field} ${hex(v)} is beyond any 40-bit PAE machine`, at(field));
    }
    headerSize = Number(b.FirstPage); bits = Number(b.BitmapSize); pages = Number(b.TotalPresentPages);
  }
  if (bits === 0 || bits > PFN_LIMIT) {
    throw new DumpFormatError(name, `${what} BitmapSize ${hex(bits)} is ${bits === 0 ? 'zero: the dump describes no memory' : 'beyond the 40-bit PAE physical address space'}`, at('BitmapSize'));
  }
  const bitmapAt = BITMAP_HEADER_FILE_OFFSET + (summary ? SUMMARY_BITMAP_AT : BITMAP_DUMP_BITMAP_AT);
  const bitmapBytes = Math.ceil(bits / 32) * 4;
  if (bitmapAt + bitmapBytes > src.size) {
    throw new DumpFormatError(name, `the ${hex(bits)}-bit page bitmap ends at file offset ${hex(bitmapAt + bitmapBytes)}, past the end of the ${hex(src.size)}-byte file (truncated dump?)`, at('BitmapSize'));
  }
  if (headerSize % PAGE_SIZE !== 0 || headerSize < bitmapAt + bitmapBytes) {
    throw new DumpFormatError(name, `${what} ${headerSizeField} ${hex(headerSize)} is not a page-aligned offset past the bitmap (which ends at ${hex(bitmapAt + bitmapBytes)})`, at(headerSizeField));
  }
  const bytes = Buffer.from(src.read(bitmapAt, bitmapBytes));
  const words = new Uint32Array(bitmapBytes / 4);
  for (let i = 0; i < words.length; i++) words[i] = bytes.readUInt32LE(i * 4);
  const index = new BitmapIndex(words, bits, headerSize);
  if (index.pages !== pages) {
    throw new DumpFormatError(name, `${what} ${pagesField} ${hex(pages)} is not the number of bits set in the page bitmap (${hex(index.pages)})`, at(pagesField));
  }
  return {
    model: {
      kind: summary ? 'SUMMARY_DUMP32' : 'BITMAP_DUMP', signature: tag(f.Signature), validDump: tag(f.ValidDump),
      dumpOptions: f.DumpOptions, headerSize, bitmapSize: bits, pages, saved: index.savedRanges(),
    },
    index,
  };
}
