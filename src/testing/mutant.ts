/**
 * Hostile-input mutants of the fixture, made at test time (no binaries checked in): a copy of
 * fixtures/dumps/got-stack.dmp in a temp directory with some dwords changed, named by file offset or by VA
 * (translated through the fixture's own page tables and run list).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { openCrashDump } from '../analyzer/memory/openCrashDump';

export const ROOT = path.resolve(__dirname, '..', '..');
export const FIXTURE = path.join(ROOT, 'fixtures', 'dumps', 'got-stack.dmp');

export interface DwordPatch { offset?: number; va?: number; value: number }

/** File offset of kernel VA `va` in the fixture. */
export function fileOffsetOfVa(va: number, dumpPath = FIXTURE): number {
  const dump = openCrashDump(dumpPath);
  try {
    const t = dump.kernelVm.translate(va);
    if (!t.ok) throw new Error(`VA ${va.toString(16)} is not mapped in the fixture`);
    const run = dump.header.runs.find((r) => t.pa >= r.basePage * 0x1000 && t.pa < (r.basePage + r.pageCount) * 0x1000);
    if (!run) throw new Error(`PA ${t.pa.toString(16)} is not in the fixture`);
    return run.fileOffset + (t.pa - run.basePage * 0x1000);
  } finally {
    dump.close();
  }
}

/** Writes a patched copy of the fixture to a fresh temp directory; returns its path. */
export function makeMutant(name: string, patches: DwordPatch[]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kdsim-mutant-'));
  const file = path.join(dir, name);
  fs.copyFileSync(FIXTURE, file);
  const fd = fs.openSync(file, 'r+');
  try {
    for (const p of patches) {
      const offset = p.offset ?? fileOffsetOfVa(p.va!);
      const b = Buffer.alloc(4);
      b.writeUInt32LE(p.value >>> 0);
      fs.writeSync(fd, b, 0, 4, offset);
    }
  } finally {
    fs.closeSync(fd);
  }
  return file;
}

export const removeMutant = (file: string): void => fs.rmSync(path.dirname(file), { recursive: true, force: true });
