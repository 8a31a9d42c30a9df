import { parseSeed, parseSize, run } from './simulateCommand';

describe('kdsim simulate arguments', () => {
  it('reads RAM sizes with K/M/G suffixes, hex and plain bytes', () => {
    expect(parseSize('32M')).toBe(32 << 20);
    expect(parseSize('4g')).toBe(4 * 2 ** 30);
    expect(parseSize('0x2000000')).toBe(32 << 20);
    expect(parseSize('16384K')).toBe(16 << 20);
  });

  it('rejects sizes that are not whole pages with one WinDbg-style line', () => {
    expect(() => parseSize('12Q')).toThrow("kdsim: bad --ram '12Q': expected a size such as 64M or 4G");
    expect(() => parseSize('1000')).toThrow("kdsim: bad --ram '1000': expected a positive multiple of 4K");
  });

  it('reads seeds in decimal or 0x hex and rejects the rest', () => {
    expect(parseSeed('1')).toBe(1);
    expect(parseSeed('0xdeadbeef')).toBe(0xdeadbeef);
    expect(() => parseSeed('-3')).toThrow("kdsim: bad --seed '-3': expected an integer 0..4294967295");
    expect(() => parseSeed('0x100000000')).toThrow('expected an integer 0..4294967295');
  });

  it('lists the scenarios with their defaults', async () => {
    const out: string[] = [];
    const spy = jest.spyOn(process.stdout, 'write').mockImplementation((s) => { out.push(String(s)); return true; });
    try {
      expect(await run({ list: true })).toBe(0);
    } finally {
      spy.mockRestore();
    }
    const lines = out.join('').split('\n');
    expect(lines[0]).toMatch(/^got-stack {4,}Server 2003 SP2 x86 PAE, 4 CPUs: .* \(default seed 1, --ram 32M\)$/);
    // One line per scenario: its name, what it teaches, its defaults.
    expect(lines.filter((l) => l).map((l) => l.split(' ')[0])).toEqual(['got-stack', 'recursion', 'filter-pileup', 'large-locals', 'fpo-chain']);
    for (const l of lines.slice(1, -1)) expect(l).toMatch(/ 0x7F\/8 \(.*\) \(default seed 1, --ram 16M\)$/);
  });

  it('asks for a scenario and an output file', async () => {
    await expect(run({})).rejects.toThrow('kdsim: simulate needs --scenario NAME (see kdsim simulate --list)');
    await expect(run({ scenario: 'got-stack' })).rejects.toThrow('kdsim: simulate needs -o FILE');
  });
});
