import { wildcardPattern } from './wildcard';

describe('WinDbg wildcards without backtracking', () => {
  it('matches * and ? over the whole name, case-insensitively', () => {
    expect(wildcardPattern('Ke*').test('KeBugCheckEx')).toBe(true);
    expect(wildcardPattern('ke?ugcheck*').test('KeBugCheckEx')).toBe(true);
    expect(wildcardPattern('*Check').test('KeBugCheckEx')).toBe(false);
    expect(wildcardPattern('*').test('')).toBe(true);
    expect(wildcardPattern('?').test('')).toBe(false);
    expect(wildcardPattern('a.b').test('a.b')).toBe(true);
    expect(wildcardPattern('a.b').test('axb')).toBe(false);
  });

  it('answers a pathological pattern at once (a regex took minutes: x nt!****…)', () => {
    const name = 'a'.repeat(2000);
    const t0 = Date.now();
    expect(wildcardPattern(`${'*a'.repeat(200)}*b`).test(name)).toBe(false);
    expect(wildcardPattern(`nt!${'*'.repeat(5000)}X`).test(`nt!${name}`)).toBe(false);
    expect(Date.now() - t0).toBeLessThan(1000);
  });
});
