import { readReferenceDoc } from '../../testing/docTables';
import { TypeTable } from '../typeTable';
import { kdbgTypes } from './kdbg';

/** The offset oracle: ../shared/reference/dump-format.md §4.2 (so this runs under `npm run test:interop`). */
const doc = readReferenceDoc('dump-format.md');
if (!doc) throw new Error('kdbg.interop.test: needs ../shared/reference/dump-format.md beside the checkout');

describe('_KDDEBUGGER_DATA64 matches dump-format.md §4.2', () => {
  it('has every field of the table at its offset and size', () => {
    const section = doc.slice(doc.indexOf('### 4.2'), doc.indexOf('### 4.3'));
    const rows = [...section.matchAll(/^\| 0x([0-9A-F]+) \| (\d+) \| ([\w.]+) \|/gm)];
    expect(rows.length).toBeGreaterThan(100);
    const kd = new TypeTable(kdbgTypes(), 'kdbg');
    for (const [, off, size, name] of rows) {
      const f = kd.field('_KDDEBUGGER_DATA64', name);
      expect([name, f.offset, kd.sizeOfDescriptor(f.type)]).toEqual([name, parseInt(off, 16), +size]);
    }
  });
});
