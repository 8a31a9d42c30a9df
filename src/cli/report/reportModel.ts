/**
 * The report's own model: plain numbers and strings, no analyzer types. reportData.ts (the only file that
 * talks to the analyzer) fills it; the HTML renderers read only this, so they stay pure and testable, and the
 * analyzer's model types can move without touching them.
 */

/** How a frame was found (the reconstruction's trust labels, best first: context > trap > fpo > ...). */
export type Trust = string;

export interface ReportFrame {
  /** Position in the reconstructed chain, 0 = innermost (kf's frame number). */
  index: number;
  childEbp: number;
  retAddr: number | null;
  pc: number;
  /** `module!function+0xoff` as k prints it. */
  symbol: string;
  /** WinDbg module name ('StackHog'); undefined outside every module. */
  module?: string;
  imageName?: string;
  /** kf's Memory column (ChildEBP − previous ChildEBP). */
  frameBytes: number;
  /** Bytes of the stack this frame used: [from, to). */
  usedBytes: number;
  from: number;
  to: number;
  trust: Trust;
  kind?: string;
  /** The leading trap handler's frame: only its trap-frame residue is on the stack, and no module is credited. */
  trapResidue: boolean;
}

export interface ReportModuleUse { module: string; imageName?: string; bytes: number; percent: number }
export interface ReportRegion { from: number; to: number; bytes: number; percent: number }

export interface ReportStack {
  limit: number;
  base: number;
  initialStack: number;
  /** base − limit (0x3000 on x86). */
  stackBytes: number;
  /** The no-access page below StackLimit. */
  guard: { from: number; to: number };
  /** The interrupted ESP and CR2 of the overflow test, when it ran. */
  esp?: number;
  cr2?: number;
  frames: ReportFrame[];
  /** Per module, most first; the residue and the NPX area are not in here (as in `!stackusage`). */
  modules: ReportModuleUse[];
  trapResidue?: ReportRegion;
  npx: ReportRegion;
  unaccounted: number;
  /** `kf = ebp esp eip`: WinDbg's own walk from the rebuilt innermost frame. */
  kCommand: string;
  /** Index (in `frames`) of the frame `!analyze` blames. */
  blamedFrame?: number;
}

/** One debugger command and the text it prints, as `kdsim analyze` shows it. */
export interface CommandOutput { command: string; lines: string[] }

export interface ReportConfidence { level: string; reasons: string[] }

export type VerdictKind = 'kernel stack overflow' | 'other' | 'unknown';

export interface ReportModel {
  /** The dump as the user named it. */
  file: string;
  verdict: {
    kind: VerdictKind;
    /** The overflow test's own sentence (ESP/CR2 against the guard page), when it ran. */
    reason?: string;
    /** Present once the analysis carries one (issue 10); rendered as given. */
    confidence?: ReportConfidence;
    /** `!analyze -v`'s [kdsim] lines. */
    summary: string[];
  };
  culprit?: { module: string; imageName: string; symbol: string; stackBytes?: number; percent?: number; timeDateStamp?: number };
  bugcheck: {
    code: number;
    /** `UNEXPECTED_KERNEL_MODE_TRAP (7f)`. */
    title: string;
    args: [number, number, number, number];
    /** `Arg1: 00000008, EXCEPTION_DOUBLE_FAULT`. */
    argLines: string[];
    description: string[];
    bugcheckStr: string;
    bucketId?: string;
  };
  machine?: {
    /** vertarget's first line: `Windows Server 2003 Kernel Version 3790 (Service Pack 2) MP (4 procs) Free x86 compatible`. */
    osLine: string;
    build: number;
    buildLab?: string;
    processors: number;
    crashTime: string;
    uptime: string;
  };
  /** The processor that bugchecked (the prompt's number). */
  processor?: number;
  thread?: { thread: number; process?: number; processImage?: string; irql?: number };
  /** The register contexts that matter (`.tss 0x28`, `.trap <KiTrap0E's frame>`), with WinDbg's text. */
  contexts: (CommandOutput & { why: string })[];
  stack?: ReportStack;
  /** When a part of the analysis failed, the command's own error text (the page still shows the rest). */
  problems: string[];
}
