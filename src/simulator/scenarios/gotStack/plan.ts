/**
 * The got-stack story's fixed facts (walkthrough.md "Facts the simulated dump must make true") and the values the
 * blog leaves open, chosen once (docs/scenario-got-stack.md says why). The box itself is ../../kit/box.ts.
 */
export const CRASH_CPU = 3;

export const THREAD = 0x87d68438;
export const PROCESS = 0x874c6800;
export const IRP = 0x87758bd8;
export const MDL = 0x87a1c5e8;
export const DEVICES: Record<string, { device: number; driver: number }> = {
  ShFilter: { device: 0x87e1a030, driver: 0x87e1b2c8 },
  StackHog: { device: 0x87b0a6d8, driver: 0x87b0b3a0 },
};

export const TEB = 0x7ff9c000;
export const PEB = 0x7ffdf000;
/** The user buffer StackHog.exe passed with METHOD_NEITHER; never touched, so its PTE is demand-zero. */
export const USER_BUFFER = 0x00a30000;
export const USER_ESP = 0x0012fd40;
export const USER_EBP = 0x0012fd88;
export const IOCTL_SCAN = 0x00222003;    // CTL_CODE(FILE_DEVICE_UNKNOWN, 0x800, METHOD_NEITHER, FILE_ANY_ACCESS)

export const STACK_BASE = 0xb8ae9000;

/** The blog's innermost ESP b8ae6058 (0x58 bytes left when the first page fault came): the blog-values option. */
export const BLOG_FIRST_FAULT_ESP = 0xb8ae6058;
/** Other runs: the first fault's ESP is seeded in [limit + 0x44, limit + 0x64], a dword apart. */
export const FIRST_FAULT_ESP_RANGE: [number, number] = [0xb8ae6044, 0xb8ae6064];
