/**
 * The box every scenario crashes: Windows Server 2003 SP2 x86 PAE MP (ntkrpamp), four processors, the System
 * and Idle processes, their threads and the boot-time pools. These are the generic machine's fixed facts (the
 * values the NTDebugging blog's box shows, docs/scenario-got-stack.md); a scenario adds its own process, thread,
 * drivers and stack on top.
 */
import type { StructWriter } from '../kernel/structWriter';

export const PROCESSORS = 4;
/** System PDPT frame; PD0..PD3 follow (volatility3's DTB scan window is 0x30000..0x102ffff). */
export const SYSTEM_PDPT_PFN = 0x39;
/** The page allocator starts above the kernel and HAL images (which sit at PA = VA − 0x80000000). */
export const FIRST_FREE_PFN = 0xb00;

export const SYSTEM_PROCESS = 0x89e7f830;
export const SYSTEM_THREAD = 0x89e7e020;
export const POOL = { start: 0x89f00000, end: 0x89f40000 };

export const SHARED_USER_DATA = 0xffdf0000;
export const PFN_DATABASE = 0x81000000;
/** Kernel stacks are 12 KB (KERNEL_STACK_SIZE) with a not-present guard page below. */
export const KERNEL_STACK_SIZE = 0x3000;
/** ntdll!KiFastSystemCallRet (2003 SP2): where every user thread in a system call returns to. */
export const KI_FAST_SYSTEM_CALL_RET = 0x7c82ed54;

/** Crash time 2009-11-19 16:42:57.312 UTC, up 3 days 4:12:08.625 (times in 100 ns). */
export const SYSTEM_TIME = 0x01ca69375923da00n;
export const UP_TIME = 0x0000027eb89a3a10n;
export const TIME_ZONE_BIAS = 0n;

export interface CpuBlock {
  number: number; kpcr: number; tss: number; idleThread: number; dfTss: number; nmiTss: number;
  dfStackTop: number; gdt: number; idt: number;
}

const align16 = (v: number): number => ((v + 15) & ~15) >>> 0;

/**
 * An application processor's block, laid out as KeStartAllProcessors allocates it: KPCR, TSS, idle ETHREAD,
 * double-fault TSS, NMI TSS, double-fault stack (0x3000), KNODE (0x40), GDT (0x400), IDT.
 */
export function apBlock(w: StructWriter, number: number, base: number): CpuBlock {
  const hwTss = align16(w.offsetof('_KTSS', 'IoMaps'));
  const tss = base + w.sizeof('_KPCR');
  const idleThread = align16(tss + w.sizeof('_KTSS'));
  const dfTss = idleThread + w.sizeof('_ETHREAD');
  const nmiTss = dfTss + hwTss;
  const dfStackTop = nmiTss + hwTss + 0x3000;
  const gdt = dfStackTop + 0x40;
  return { number, kpcr: base, tss, idleThread, dfTss, nmiTss, dfStackTop, gdt, idt: gdt + 0x400 };
}

/**
 * Application processors' blocks: CPU n at f7727000 + (n − 1) × stride, the stride 0x8000 (CPU 3 at the blog's
 * f7737000) unless the build's block is larger (Windows 7's KPCR is 0x3748 bytes, Windows 10's 0x6020): then the
 * block's size rounded up to a 0x8000 multiple, so no two processors' blocks overlap.
 */
export function apBlockBase(w: StructWriter, n: number): number {
  const last = apBlock(w, n, 0);
  const size = last.idt + 0x800;
  const stride = Math.max(0x8000, Math.ceil(size / 0x8000) * 0x8000);
  return 0xf7727000 + (n - 1) * stride;
}
/** Idle thread stacks (the boot CPU's too): 12 KB each with a guard page below. */
export const IDLE_STACK_BASE = (n: number): number => 0xf7784000 + n * 0x4000;

/** Per-processor counters of the box (CPU 3's are the blog's dd f7737000 L0x54). */
export const CPU_VALUES = [
  { contextSwitches: 0x19d8a1f4, halReserved: [0, 0x09f15190, 0, 0x09f15190, 0xdabc1f20, 0, 0x334e6d2a] },
  { contextSwitches: 0x19d2e7b3, halReserved: [1, 0x09f15190, 0, 0x09f15190, 0xdabc3a48, 0, 0x334e6f11] },
  { contextSwitches: 0x19d69a05, halReserved: [2, 0x09f15190, 0, 0x09f15190, 0xdabc5190, 0, 0x334e7102] },
  { contextSwitches: 0x19d5c42c, halReserved: [3, 0x09f15190, 0, 0x09f15190, 0xdabc6620, 0, 0x334e730f] },
];
