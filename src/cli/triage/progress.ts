/**
 * A one-line progress bar for a triage run on a terminal: `[#####-----] 12/40 dumps, 1 not opened`, redrawn
 * in place on stderr with `\r`, erased when the run ends so the table starts on a clean line. Hand-written
 * (a dozen lines) rather than a dependency: kdsim needs one bar, no multibar, no ETA formatting.
 */
export interface ProgressStream { isTTY?: boolean; columns?: number; write(s: string): unknown }

export interface Progress { tick(failed: boolean): void; stop(): void }

const QUIET: Progress = { tick() {}, stop() {} };

/** The bar's text for `done` of `total` dumps, `width` characters of bar. */
export function progressLine(done: number, total: number, failed: number, width = 30): string {
  const filled = total ? Math.round((done / total) * width) : width;
  const tail = failed ? `, ${failed} not opened` : '';
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} dumps${tail}`;
}

/** A bar on a TTY stream only (quiet when piped, redirected, or when `enabled` is false). */
export function startProgress(total: number, stream: ProgressStream, enabled: boolean): Progress {
  if (!enabled || !stream.isTTY || total < 2) return QUIET;
  let done = 0;
  let failed = 0;
  let last = '';
  const draw = () => {
    // A pty without a size (script, some CI runners) reports 0 columns: treat it as unknown.
    const line = progressLine(done, total, failed).slice(0, Math.max(10, (stream.columns || 80) - 1));
    if (line !== last) stream.write(`\r${line}`);
    last = line;
  };
  draw();
  return {
    tick(f: boolean) { done++; if (f) failed++; draw(); },
    stop() { stream.write(`\r${' '.repeat(last.length)}\r`); },
  };
}
