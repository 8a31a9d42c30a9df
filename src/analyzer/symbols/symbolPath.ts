/**
 * WinDbg's symbol path syntax (`-y`, `_NT_SYMBOL_PATH`, `.sympath`): elements separated by `;`. A plain element is
 * a directory. `srv*[cache*]url`, `symsrv*dll*[cache*]url` and `cache*dir` name a symbol server or a downstream
 * cache: kdsim has no symbol server, so such an element contributes only its local directories, and the caller
 * prints one warning line saying so.
 */
export interface ParsedSymbolPath {
  /** Local directories in search order (duplicates dropped, first kept). */
  dirs: string[];
  /** The server elements that were reduced to their local directories (for the one warning line). */
  serverElements: string[];
}

/** An element part that names a server rather than a directory (`http://…`, `https://…`, `\\server\share` stays a dir). */
const isUrl = (part: string): boolean => /^[a-z][a-z0-9+.-]*:\/\//i.test(part);

export function parseSymbolPath(text: string): ParsedSymbolPath {
  const dirs: string[] = [];
  const serverElements: string[] = [];
  const add = (d: string) => { if (d && !dirs.includes(d)) dirs.push(d); };
  for (const raw of text.split(';')) {
    const element = raw.trim();
    if (!element) continue;
    const parts = element.split('*').map((p) => p.trim());
    const kind = parts[0].toLowerCase();
    if (parts.length === 1) {
      add(element);
    } else if (kind === 'srv' || kind === 'cache' || kind === 'symsrv') {
      // symsrv*symsrv.dll*dir*url: the second part is the server DLL, not a directory.
      const rest = kind === 'symsrv' ? parts.slice(2) : parts.slice(1);
      rest.filter((p) => p && !isUrl(p)).forEach(add);
      if (kind !== 'cache') serverElements.push(element);
    } else {
      add(element);
    }
  }
  return { dirs, serverElements };
}

/** The warning printed once when the path names a symbol server. */
export function serverWarning(p: ParsedSymbolPath): string | undefined {
  if (!p.serverElements.length) return undefined;
  return `WARNING: kdsim has no symbol server; using only the local directories of ${p.serverElements.join(';')}`;
}
