import { commandRegistry } from '../../analyzer';
import { canonicalArgs, canonicalLine, matchCommand } from './matcher';

const registry = commandRegistry();
const kind = (typed: string, ...accepted: string[]) => matchCommand(typed, accepted, registry).kind;

describe('the lab\'s command matcher', () => {
  it.each([
    ['kc', 'kC'],
    ['.tss 28; kc', '.tss 0x28;kC'],
    ['.TSS 0x028 ;  KC', '.tss 0x28;kC'],
    ['r esp; r ebp', 'resp;rebp'],
    ['r tr', 'rtr'],
    ['kf L200', 'kfL200'],
    ['kv l0x200', 'kvL200'],
    ['dd fs:1c l1', 'dd fs:0x1c L1'],
    ['dd 30:40 L1', 'dd 0030:00000040 L1'],
    ['dd f7737000 L0n84', 'dd f7737000 L0x54'],
    ['?ebp + 0xc', '? ebp+0x0c'],
    ['dt ntkrpamp!_KTSS F773A2E0 backlink', 'dt nt!_KTSS f773a2e0 Backlink'],
    ['dt nt!_KPCR TSS', 'dt ntkrpamp!_KPCR TSS'],
    ['!PCR', '!pcr'],
  ])('takes %s as %s', (typed, want) => {
    expect(kind(typed, want)).toBe('same');
  });

  it('accepts a step\'s other forms, such as step 1\'s lab form', () => {
    expect(kind('!analyze -v -nostackusage', '!analyze -v', '!analyze -v -nostackusage')).toBe('same');
  });

  it.each([
    ['dd f7737000 L0x55', 'dd f7737000 L0x54'],
    ['.tss 0x50;kC', '.tss 0x28;kC'],
    ['kv', 'kvL200'],
    ['!analyze', '!analyze -v'],
  ])('says %s is the right command with other arguments', (typed, want) => {
    expect(kind(typed, want)).toBe('args');
  });

  it.each([
    ['kb L200', 'kvL200'],
    ['.tss 0x28', '.tss 0x28;kC'],
    ['rtr;rtr', 'rtr'],
    ['!thread', '!process'],
    ['hello world', 'rtr'],
    ['', 'rtr'],
  ])('does not take %s for %s', (typed, want) => {
    expect(kind(typed, want)).toBe('other');
  });

  it('resolves names through the debugger\'s registry, as dispatch does', () => {
    expect(canonicalLine('kfL200;resp', registry)).toEqual([{ name: 'kf', args: 'l200' }, { name: 'r', args: 'esp' }]);
    expect(canonicalLine('!nosuchextension', registry)).toBeUndefined();
  });

  it('writes numbers as bare hex and drops spacing around operators', () => {
    expect(canonicalArgs('0030:00000040  L0n16')).toBe('30:40 l10');
    expect(canonicalArgs('poi( ebp + 0x08 ) - 4')).toBe('poi(ebp+8)-4');
  });
});
