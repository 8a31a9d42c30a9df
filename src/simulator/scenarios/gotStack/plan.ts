/**
 * Fixed facts of the got-stack machine (walkthrough.md "Facts the simulated dump must make true") and the
 * values the blog leaves open, chosen once (docs/scenario-got-stack.md says why).
 */
import type { StructWriter } from '../../kernel/structWriter';

export const PROCESSORS = 4;
export const CRASH_CPU = 3;
/** System PDPT frame; PD0..PD3 follow (volatility3's DTB scan window is 0x30000..0x102ffff). */
export const SYSTEM_PDPT_PFN = 0x39;
/** The page allocator starts above the kernel and HAL images (which sit at PA = VA − 0x80000000). */
export const FIRST_FREE_PFN = 0xb00;

export const THREAD = 0x87d68438;
export const PROCESS = 0x874c6800;
export const IRP = 0x87758bd8;
export const MDL = 0x87a1c5e8;
export const SYSTEM_PROCESS = 0x89e7f830;
export const SYSTEM_THREAD = 0x89e7e020;
export const DEVICES: Record<string, { device: number; driver: number }> = {
  ShFilter: { device: 0x87e1a030, driver: 0x87e1b2c8 },
  StackHog: { device: 0x87b0a6d8, driver: 0x87b0b3a0 },
};
export const POOL = { start: 0x89f00000, end: 0x89f40000 };

export const TEB = 0x7ff9c000;
export const PEB = 0x7ffdf000;
/** The user buffer StackHog.exe passed with METHOD_NEITHER; never touched, so its PTE is demand-zero. */
export const USER_BUFFER = 0x00a30000;
export const USER_RETURN = 0x7c82ed54;   // ntdll!KiFastSystemCallRet (2003 SP2)
export const USER_ESP = 0x0012fd40;
export const USER_EBP = 0x0012fd88;
export const IOCTL_SCAN = 0x00222003;    // CTL_CODE(FILE_DEVICE_UNKNOWN, 0x800, METHOD_NEITHER, FILE_ANY_ACCESS)

export const STACK_BASE = 0xb8ae9000;
export const STACK_SIZE = 0x3000;
export const SHARED_USER_DATA = 0xffdf0000;
export const PFN_DATABASE = 0x81000000;

/** Default seed's innermost ESP (the blog's b8ae6058: 0x58 bytes left when the first page fault came). */
export const BLOG_FIRST_FAULT_ESP = 0xb8ae6058;

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

/** Application processors' blocks: CPU n at f7727000 + (n − 1) × 0x8000 (CPU 3 at the blog's f7737000). */
export const AP_BLOCK_BASE = (n: number): number => 0xf7727000 + (n - 1) * 0x8000;
/** Idle thread stacks (the boot CPU's too): 12 KB each with a guard page below. */
export const IDLE_STACK_BASE = (n: number): number => 0xf7784000 + n * 0x4000;

/** Per-processor values that are not the blog's: chosen to look like three more CPUs of the same box. */
export const CPU_VALUES = [
  { contextSwitches: 0x19d8a1f4, halReserved: [0, 0x09f15190, 0, 0x09f15190, 0xdabc1f20, 0, 0x334e6d2a] },
  { contextSwitches: 0x19d2e7b3, halReserved: [1, 0x09f15190, 0, 0x09f15190, 0xdabc3a48, 0, 0x334e6f11] },
  { contextSwitches: 0x19d69a05, halReserved: [2, 0x09f15190, 0, 0x09f15190, 0xdabc5190, 0, 0x334e7102] },
  // CPU 3: the blog's dd f7737000 L0x54.
  { contextSwitches: 0x19d5c42c, halReserved: [3, 0x09f15190, 0, 0x09f15190, 0xdabc6620, 0, 0x334e730f] },
];
