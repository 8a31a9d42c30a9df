import { existsSync, readdirSync, statSync } from 'fs';
import { dirname, join, resolve } from 'path';
import type { FrameDataFile, IsfFile } from './isf';
import { loadFrameDataFile, loadIsfFile } from './isfLoader';

/** One module's symbols as found in a store: the ISF file and, when present, its frame-data sidecar. */
export interface LoadedSymbols {
  isf: IsfFile;
  frames?: FrameDataFile;
  isfPath: string;
  framesPath?: string;
}

/** The package's own `symbols/` (two levels above this file both in src/symbols and dist/symbols). */
export const DEFAULT_SYMBOLS_DIR = resolve(packageRoot(__dirname), 'symbols');

/** The kdsim package folder: the nearest parent with package.json (src/symbols, dist/symbols and the one-file
 *  bundle dist/kdsim.js all sit at different depths below it). */
function packageRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) return resolve(from, '..', '..');
  }
}

const ISF_SUFFIXES = ['.json', '.json.gz'];
const FRAMES_SUFFIX = '.frames.json';

/** volatility3's key: `<pdbname>/<GUID>-<age>`; pdb name and GUID compared without case, the GUID without dashes/braces. */
export const storeKey = (pdbName: string, guid: string, age: number): string =>
  `${pdbName.toLowerCase()}/${guid.replace(/[{}-]/g, '').toUpperCase()}-${age}`;

/**
 * ISF files indexed like volatility3's symbol directories: `<dir>/windows/<pdbname>/<GUID>-<age>.json`
 * (+ `<GUID>-<age>.frames.json` beside it). Earlier directories win, so user `--symbols` dirs come first
 * and override the shipped files. Indexing only lists directories; files are parsed on first lookup.
 */
export class SymbolStore {
  private index?: Map<string, { isfPath: string; framesPath?: string }>;
  private readonly loaded = new Map<string, LoadedSymbols>();

  constructor(readonly dirs: string[]) {}

  /** User directories first, then the shipped store. */
  static withDefaults(extraDirs: string[] = []): SymbolStore {
    return new SymbolStore([...extraDirs.map((d) => resolve(d)), DEFAULT_SYMBOLS_DIR]);
  }

  /** Paths of the files for (pdb name, GUID, age), or undefined. */
  find(pdbName: string, guid: string, age: number): { isfPath: string; framesPath?: string } | undefined {
    return this.buildIndex().get(storeKey(pdbName, guid, age));
  }

  /** Parsed symbols (cached); undefined when the store has no file; E_SYMBOLS when the file is invalid. */
  load(pdbName: string, guid: string, age: number): LoadedSymbols | undefined {
    const key = storeKey(pdbName, guid, age);
    const hit = this.loaded.get(key);
    if (hit) return hit;
    const paths = this.find(pdbName, guid, age);
    if (!paths) return undefined;
    const syms: LoadedSymbols = {
      isf: loadIsfFile(paths.isfPath),
      isfPath: paths.isfPath,
      ...(paths.framesPath ? { frames: loadFrameDataFile(paths.framesPath), framesPath: paths.framesPath } : {}),
    };
    this.loaded.set(key, syms);
    return syms;
  }

  /** Every (key → ISF path) the store holds, for `.sympath`-style listings. */
  entries(): { key: string; isfPath: string; framesPath?: string }[] {
    return [...this.buildIndex()].map(([key, v]) => ({ key, ...v }));
  }

  private buildIndex(): Map<string, { isfPath: string; framesPath?: string }> {
    if (this.index) return this.index;
    const index = new Map<string, { isfPath: string; framesPath?: string }>();
    for (const dir of this.dirs) {
      // Accept both the store root (holding windows/) and a windows/ directory itself.
      const windows = isDir(join(dir, 'windows')) ? join(dir, 'windows') : dir;
      for (const pdbDir of listDir(windows)) {
        const full = join(windows, pdbDir);
        if (!isDir(full)) continue;
        const files = listDir(full);
        for (const file of files) {
          if (file.endsWith(FRAMES_SUFFIX)) continue;
          const suffix = ISF_SUFFIXES.find((s) => file.endsWith(s));
          const m = suffix && file.slice(0, -suffix.length).match(/^([0-9A-Fa-f]{32})-(\d+)$/);
          if (!m) continue;
          const key = storeKey(pdbDir, m[1], +m[2]);
          if (index.has(key)) continue;
          const frames = `${m[1]}-${m[2]}${FRAMES_SUFFIX}`;
          index.set(key, { isfPath: join(full, file), ...(files.includes(frames) ? { framesPath: join(full, frames) } : {}) });
        }
      }
    }
    this.index = index;
    return index;
  }
}

function listDir(dir: string): string[] {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
}

function isDir(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory();
}
