/**
 * Issue 13's reproducers, each a mutant of the fixture made here or a hand-made command line, run through
 * bin/kdsim: a clean WinDbg line or bounded output, quickly, and the right exit status.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { FIXTURE, ROOT, makeMutant, removeMutant } from '../testing/mutant';
import { BAR_WIDTH, DISASM_MAX_INSTRUCTIONS } from '../common/limits';

const KDSIM = path.join(ROOT, 'bin', 'kdsim');
const built = fs.existsSync(path.join(ROOT, 'dist', 'cli', 'main.js'));
const itBuilt = built ? it : it.skip;

/** Generous against a loaded 2-core machine; the failures were 5.6 s to "never". */
const QUICK_MS = 15000;

function kdsim(args: string[], timeout = 30000) {
  const t0 = Date.now();
  const r = spawnSync(process.execPath, [KDSIM, ...args], { cwd: ROOT, encoding: 'utf8', timeout, maxBuffer: 64 << 20 });
  return { code: r.status, out: r.stdout ?? '', err: r.stderr ?? '', ms: Date.now() - t0, signal: r.signal };
}
const analyze = (dump: string, ...cmds: string[]) => kdsim(['analyze', dump, '--no-banner', ...cmds.flatMap((c) => ['-c', c])]);

describe('hostile dumps (mutants of got-stack.dmp)', () => {
  const made: string[] = [];
  afterAll(() => made.forEach(removeMutant));
  const mutant = (name: string, patches: Parameters<typeof makeMutant>[1]) => { const f = makeMutant(name, patches); made.push(f); return f; };

  itBuilt('NumberProcessors 0xffffffff (offset 0x24): opens at once, warns, uses 32 processors', () => {
    const file = mutant('procs.dmp', [{ offset: 0x24, value: 0xffffffff }]);
    const r = kdsim(['analyze', file, '-c', 'r', '-c', '~1s', '-c', '~32s']);
    expect(r.code).toBe(0);
    expect(r.ms).toBeLessThan(QUICK_MS);
    expect(r.out).toContain('WARNING: NumberProcessors 0xffffffff in the dump header exceeds the 32 an x86 KiProcessorBlock holds; using 32');
    expect(r.out).toMatch(/\n1: kd> ~32s\n\s*\^ Illegal thread error in '~32s'/);
  });

  itBuilt('NumberProcessors 0x1000 through triage: the row comes back quickly', () => {
    const file = mutant('procs1000.dmp', [{ offset: 0x24, value: 0x1000 }]);
    const r = kdsim(['triage', file]);
    expect(r.ms).toBeLessThan(QUICK_MS);
    expect(r.out).toContain('procs1000.dmp');
    expect(r.code).toBe(0);
  });

  itBuilt("one corrupt dword in the idle thread (file offset 0x98276c = 0x56): '.tss 0x28; kv; !stackusage' stays quick and small", () => {
    const file = mutant('kdbg.dmp', [{ offset: 0x98276c, value: 0x56 }]);
    const r = analyze(file, '.tss 0x28', 'kv', '!stackusage');
    expect(r.code).toBe(0);
    expect(r.ms).toBeLessThan(QUICK_MS);
    expect(r.out).toContain('Stack use of thread');
    expect(r.out.length).toBeLessThan(20000);
  });

  itBuilt('KTHREAD InitialStack (VA 87d68450) = fffffffc: !stackusage prints bounded bars', () => {
    const file = mutant('initstack.dmp', [{ va: 0x87d68450, value: 0xfffffffc }]);
    const r = analyze(file, '!stackusage');
    expect(r.code).toBe(0);
    expect(r.out.length).toBeLessThan(20000);
    const longestBar = Math.max(...r.out.split('\n').map((l) => (/#+/.exec(l)?.[0].length ?? 0)));
    expect(longestBar).toBeLessThanOrEqual(BAR_WIDTH);
    expect(r.out).toMatch(/\(NPX area\)/);
  });
});

describe('hostile command lines', () => {
  itBuilt('deep expressions give Syntax error, not a JS stack overflow, and exit 0', () => {
    const cases = [
      `? ${'('.repeat(820)}1${')'.repeat(820)}`,
      `? ${'poi('.repeat(1400)}1${')'.repeat(1400)}`,
      `? ${Array(20000).fill('1').join('+')}`,
      `? ${'-'.repeat(20000)}1`,
    ];
    const r = analyze(FIXTURE, ...cases);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).not.toMatch(/internal error|call stack/i);
    expect(r.out.match(/^Syntax error at '/gm)).toHaveLength(cases.length);
  });

  itBuilt('expressions within the limits still evaluate', () => {
    const r = analyze(FIXTURE, `? ${'('.repeat(40)}1${')'.repeat(40)}`, `? ${Array(300).fill('1').join('+')}`);
    expect(r.out).toContain('Evaluate expression: 1 = 00000001');
    expect(r.out).toContain('Evaluate expression: 300 = 0000012c');
  });

  itBuilt('unbounded ranges give Range error at once and print nothing else', () => {
    const cmds = ['dd 0 L?FFFFFFFF', 'db f7737000 L?10000000', 'dd 0 L?-1', 'dq 0 L?FFFFFFFF', 'dds esp L?1000000', 'dd ffffff00 L-100000', 'ub eip L100000'];
    const r = analyze(FIXTURE, ...cmds);
    expect(r.code).toBe(0);
    expect(r.ms).toBeLessThan(QUICK_MS);
    for (const c of cmds) expect(r.out).toContain(`^ Range error in '${c}'`);
    expect(r.out.length).toBeLessThan(4000);
  });

  itBuilt(`ub at the cap (${DISASM_MAX_INSTRUCTIONS} instructions) lists exactly that many, quickly`, () => {
    const r = analyze(FIXTURE, `ub eip L${DISASM_MAX_INSTRUCTIONS.toString(16)}`);
    expect(r.ms).toBeLessThan(QUICK_MS);
    const listed = r.out.split('\n').filter((l) => /^[0-9a-f]{8} [0-9a-f]+ /.test(l));
    expect(listed).toHaveLength(DISASM_MAX_INSTRUCTIONS);
  });
});

describe('special files named *.dmp', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kdsim-fifo-'));
  const fifo = path.join(dir, 'pipe.dmp');
  const haveFifo = spawnSync('mkfifo', [fifo]).status === 0;
  const itFifo = built && haveFifo ? it : it.skip;
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  itFifo('analyze refuses a FIFO without opening it', () => {
    const r = kdsim(['analyze', fifo, '-c', 'r'], 10000);
    expect(r.signal).toBeNull();
    expect(r.err).toBe('kdsim: pipe.dmp: is a FIFO, not a regular dump file\n');
    expect(r.code).toBe(3);
  });

  itFifo('triage gives the FIFO an error row and goes on with the next dump', () => {
    const r = kdsim(['triage', fifo, FIXTURE], 20000);
    expect(r.signal).toBeNull();
    expect(r.out).toContain('is a FIFO, not a regular dump file');
    expect(r.out).toContain('got-stack.dmp');
    expect(r.code).toBe(1);
  });
});

describe('triage: per-dump budget and streamed rows', () => {
  itBuilt('a dump over its budget becomes a `timed out` row and the batch goes on', () => {
    const r = kdsim(['triage', FIXTURE, path.join(ROOT, 'fixtures', 'malformed', 'tiny.dmp'), '--timeout', '0.05'], 30000);
    expect(r.out).toContain('error: timed out after 0.05 s (the per-dump budget; --timeout)');
    expect(r.out).toContain('tiny.dmp');
    expect(r.code).toBe(1);
  });

  itBuilt('--jsonl prints one JSON line per dump, then the culprit summary', () => {
    const r = kdsim(['triage', FIXTURE, path.join(ROOT, 'fixtures', 'malformed', 'tiny.dmp'), '--jsonl'], 30000);
    const lines = r.out.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(3);
    expect(lines.slice(0, 2).map((l) => path.basename(String(l.file))).sort()).toEqual(['got-stack.dmp', 'tiny.dmp']);
    expect(lines[2]).toHaveProperty('byCulprit');
  });
});

describe('exit status of an internal error', () => {
  it('analyze exits 70 when a command failed inside kdsim, after running the rest', async () => {
    jest.resetModules();
    jest.doMock('../analyzer', () => ({
      ...jest.requireActual('../analyzer'),
      runLine: async (_s: unknown, line: string) => [line === 'boom'
        ? { text: line, lines: ["kdsim: internal error in 'boom': x is undefined"], error: 'E_INTERNAL', internal: true }
        : { text: line, lines: ['fine'] }],
    }));
    const write = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      const { run } = await import('./analyzeCommand');
      expect(await run({ dump: FIXTURE, c: ['boom', 'r'], banner: false })).toBe(70);
      expect(await run({ dump: FIXTURE, c: ['r'], banner: false })).toBe(0);
    } finally {
      write.mockRestore();
      jest.dontMock('../analyzer');
    }
  });
});
