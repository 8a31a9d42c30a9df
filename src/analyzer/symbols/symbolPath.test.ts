import { parseSymbolPath, serverWarning } from './symbolPath';

describe('parseSymbolPath (WinDbg -y / _NT_SYMBOL_PATH syntax)', () => {
  it('keeps plain directories in order and drops duplicates', () => {
    expect(parseSymbolPath('c:\\syms; /tmp/isf ;c:\\syms;').dirs).toEqual(['c:\\syms', '/tmp/isf']);
  });
  it('reduces srv*, symsrv* and cache* elements to their local directories and warns once for servers', () => {
    const p = parseSymbolPath('srv*c:\\cache*https://msdl.microsoft.com/download/symbols;cache*d:\\dc;symsrv*symsrv.dll*e:\\s*http://x/y;/isf');
    expect(p.dirs).toEqual(['c:\\cache', 'd:\\dc', 'e:\\s', '/isf']);
    expect(p.serverElements).toHaveLength(2);
    expect(serverWarning(p)).toMatch(/^WARNING: kdsim has no symbol server; using only the local directories of srv\*c:/);
  });
  it('an empty path means no directories and no warning', () => {
    const p = parseSymbolPath('');
    expect(p.dirs).toEqual([]);
    expect(serverWarning(p)).toBeUndefined();
  });
});
