import * as path from 'path';
import { TypeTable } from '../symbols/typeTable';
import { buildScenario } from '../simulator/simulate';
import { openDump, runLine } from '../analyzer';

/** Commands that between them read every kernel structure the analyzer knows (the walkthrough and beyond). */
const COMMANDS = ['!analyze -v', 'kv', 'k', '!pcr', '!pcr 3', '!prcb', '!thread', '!process 0 0', '.tss 28', 'kv',
  '!stackusage', 'lm', 'dg 28', 'dg 30', 'dt nt!_KPCR', 'dt nt!_KTSS', '!idt', 'r', '.thread', '.dumpdebug'];

/**
 * The (type, field path) pairs of kernel types that the simulator (writing the got-stack scenario) and the
 * analyzer (running COMMANDS on the fixture dump) ask a kernel TypeTable for — recorded, not listed by hand, so the
 * list follows the code. `path` is '' for a type only sized. The PE and KDBG tables (kdsim's own) are left out.
 */
export async function usedKernelFields(root: string): Promise<{ type: string; path: string }[]> {
  const seen = new Map<string, { type: string; path: string }>();
  const original = { field: TypeTable.prototype.field, sizeof: TypeTable.prototype.sizeof };
  TypeTable.prototype.field = function (this: TypeTable, typeName: string, fieldPath: string) {
    if (this.hasType('_KPCR')) seen.set(`${typeName}.${fieldPath}`, { type: typeName, path: fieldPath });
    return original.field.call(this, typeName, fieldPath);
  };
  TypeTable.prototype.sizeof = function (this: TypeTable, typeName: string) {
    if (this.hasType('_KPCR') && typeName.startsWith('_')) seen.set(typeName, { type: typeName, path: '' });
    return original.sizeof.call(this, typeName);
  };
  try {
    buildScenario('got-stack');
    const session = openDump(path.join(root, 'fixtures/dumps/got-stack.dmp'));
    for (const line of COMMANDS) {
      try { await runLine(session, line); } catch { /* a command's own error is not the point here */ }
    }
  } finally {
    TypeTable.prototype.field = original.field;
    TypeTable.prototype.sizeof = original.sizeof;
  }
  return [...seen.values()].sort((a, b) => `${a.type}.${a.path}`.localeCompare(`${b.type}.${b.path}`));
}
