/**
 * The stack-use chart: the thread's kernel stack to scale, StackBase at the top and the guard page at the
 * bottom (the stack grows down, as `dps limit base` lists it upside down). Every reconstructed frame is one
 * segment, its height proportional to the bytes it used; the NPX save area, the trap-frame residue and the
 * guard page are marked apart. Colours come with a pattern and a text label, so the chart reads in grey too.
 */
import { hex8 } from '../../common/hex';
import { esc } from './escape';
import type { ReportFrame, ReportStack } from './reportModel';

/** Pixels per byte: 16 KB (stack + guard page) is 1024 px; a 16-byte frame is one pixel. */
export const PX_PER_BYTE = 1 / 16;
const TOP = 16;
const BAR_X = 175;
const BAR_W = 150;
const WIDTH = 490;

/** A fill: colour for the screen, pattern for grey and print, and the name the legend gives it. */
export interface ModuleStyle { module: string; colour: string; pattern: string; index: number }

/** Okabe–Ito colours (distinguishable with the common colour-vision deficiencies), then greys. */
const COLOURS = ['#E69F00', '#56B4E9', '#009E73', '#F0E442', '#CC79A7', '#0072B2', '#D55E00', '#999999'];
/** Pattern overlays, each also described in words for the legend. */
const PATTERNS: [string, string][] = [
  ['diagonal', '<path d="M-1,1 l2,-2 M0,8 l8,-8 M7,9 l2,-2" stroke="#000" stroke-opacity=".45" stroke-width="1.2"/>'],
  ['dots', '<circle cx="4" cy="4" r="1.4" fill="#000" fill-opacity=".45"/>'],
  ['horizontal', '<path d="M0,4 h8" stroke="#000" stroke-opacity=".45" stroke-width="1.2"/>'],
  ['vertical', '<path d="M4,0 v8" stroke="#000" stroke-opacity=".45" stroke-width="1.2"/>'],
  ['cross-hatch', '<path d="M0,0 l8,8 M8,0 l-8,8" stroke="#000" stroke-opacity=".4" stroke-width="1"/>'],
  ['back-diagonal', '<path d="M-1,7 l2,2 M0,0 l8,8 M7,-1 l2,2" stroke="#000" stroke-opacity=".45" stroke-width="1.2"/>'],
  ['grid', '<path d="M4,0 v8 M0,4 h8" stroke="#000" stroke-opacity=".4" stroke-width="1"/>'],
  ['plain', ''],
];
const KERNEL_COLOUR = '#C8C8C8';

/** Styles by module, largest user first (the order of the per-module totals); the kernel stays grey. */
export function moduleStyles(stack: ReportStack): Map<string, ModuleStyle> {
  const names = stack.modules.map((m) => m.module);
  for (const f of stack.frames) if (!f.trapResidue && !names.includes(f.module ?? '(no module)')) names.push(f.module ?? '(no module)');
  const styles = new Map<string, ModuleStyle>();
  let k = 0;
  for (const module of names) {
    const kernel = module === 'nt' || module === 'hal';
    const index = styles.size;
    styles.set(module, {
      module, index,
      colour: kernel ? KERNEL_COLOUR : COLOURS[k % (COLOURS.length - 1)],
      pattern: kernel ? 'plain' : PATTERNS[k % (PATTERNS.length - 1)][0],
    });
    if (!kernel) k++;
  }
  return styles;
}

const styleOf = (styles: Map<string, ModuleStyle>, f: ReportFrame) => styles.get(f.module ?? '(no module)')!;

export interface Geometry { y(addr: number): number; height: number }

/** y of an address: StackBase at the top, the bottom of the guard page at the bottom. */
export function geometry(stack: ReportStack): Geometry {
  const span = stack.base - stack.guard.from;
  return { y: (addr) => TOP + (stack.base - addr) * PX_PER_BYTE, height: TOP * 2 + span * PX_PER_BYTE };
}

const n = (v: number) => String(Math.round(v * 1000) / 1000);
const hx = (v: number) => `0x${v.toString(16)}`;

/** The hover/focus text of a frame: number, symbol, bytes, trust and its range, as `!stackusage` would say it. */
export function frameTitle(f: ReportFrame): string {
  const what = f.trapResidue ? 'trap-frame residue of ' : '';
  return `frame ${f.index.toString(16).padStart(2, '0')}: ${what}${f.symbol} (${f.module ?? 'no module'}), ` +
    `${hx(f.usedBytes)} = ${f.usedBytes} bytes, trust ${f.trust}${f.kind ? `, ${f.kind} frame` : ''}, [${hex8(f.from)}, ${hex8(f.to)})`;
}

function patternDefs(styles: Map<string, ModuleStyle>): string {
  const defs = [...styles.values()].map((s) => {
    const overlay = PATTERNS.find(([name]) => name === s.pattern)![1];
    return `<pattern id="pat-${s.index}" width="8" height="8" patternUnits="userSpaceOnUse"><rect width="8" height="8" fill="${s.colour}"/>${overlay}</pattern>`;
  });
  defs.push('<pattern id="pat-residue" width="6" height="6" patternUnits="userSpaceOnUse"><rect width="6" height="6" fill="#fff"/><path d="M0,6 l6,-6" stroke="#B00020" stroke-width="1.5"/></pattern>');
  defs.push('<pattern id="pat-guard" width="8" height="8" patternUnits="userSpaceOnUse"><rect width="8" height="8" fill="#3b3b3b"/><path d="M0,0 l8,8 M8,0 l-8,8" stroke="#fff" stroke-opacity=".5" stroke-width="1"/></pattern>');
  defs.push('<pattern id="pat-npx" width="8" height="8" patternUnits="userSpaceOnUse"><rect width="8" height="8" fill="#eee"/><path d="M0,4 h8 M4,0 v8" stroke="#888" stroke-width=".6"/></pattern>');
  return `<defs>${defs.join('')}</defs>`;
}

/** The chart as one inline <svg>. Each frame segment carries its numbers in data-* for the tests and the script. */
export function renderChart(stack: ReportStack, styles: Map<string, ModuleStyle>, idPrefix: string): string {
  const g = geometry(stack);
  const out: string[] = [];
  const desc = `Kernel stack of ${hx(stack.stackBytes)} bytes from StackBase ${hex8(stack.base)} down to StackLimit ${hex8(stack.limit)} ` +
    `and the guard page below it; ${stack.frames.length} frames.`;
  out.push(`<svg class="stack-chart" width="${WIDTH}" height="${n(g.height)}" viewBox="0 0 ${WIDTH} ${n(g.height)}" ` +
    `role="group" aria-label="${esc(desc)}" data-px-per-byte="${PX_PER_BYTE}" data-base="${hex8(stack.base)}" data-span-bytes="${stack.base - stack.guard.from}">`);
  out.push(patternDefs(styles));
  const region = (cls: string, from: number, to: number, fill: string, title: string, label: string) => {
    const y = g.y(to), hgt = (to - from) * PX_PER_BYTE;
    out.push(`<rect class="region ${cls}" x="${BAR_X}" y="${n(y)}" width="${BAR_W}" height="${n(hgt)}" fill="${fill}" stroke="#000" stroke-width=".5"` +
      ` tabindex="0" data-bytes="${to - from}"><title>${esc(title)}</title></rect>`);
    out.push(`<text class="rlabel" x="${BAR_X + BAR_W + 8}" y="${n(y + Math.max(hgt / 2, 6) + 4)}">${esc(label)}</text>`);
  };
  region('npx', stack.npx.from, stack.npx.to, 'url(#pat-npx)',
    `NPX save area [${hex8(stack.npx.from)}, ${hex8(stack.npx.to)}), ${hx(stack.npx.bytes)} bytes: the thread's own, no driver's`,
    `NPX area ${hx(stack.npx.bytes)}`);
  region('guard', stack.guard.from, stack.guard.to, 'url(#pat-guard)',
    `guard page [${hex8(stack.guard.from)}, ${hex8(stack.guard.to)}): no access; touching it is the overflow`, 'guard page (no access)');
  if (stack.unaccounted > 0) {
    const top = stack.frames.length ? Math.max(...stack.frames.map((f) => f.to)) : stack.limit;
    region('unaccounted', top, stack.initialStack, '#fff', `${hx(stack.unaccounted)} bytes no rebuilt frame claims`, `unclaimed ${hx(stack.unaccounted)}`);
  }

  for (const f of stack.frames) {
    const s = styleOf(styles, f);
    const y = g.y(f.to), hgt = f.usedBytes * PX_PER_BYTE;
    const fill = f.trapResidue ? 'url(#pat-residue)' : `url(#pat-${s.index})`;
    const blamed = stack.blamedFrame === f.index ? ' blamed' : '';
    out.push(`<rect class="seg${f.trapResidue ? ' residue' : ''}${blamed}" id="${idPrefix}seg-${f.index}" x="${BAR_X}" y="${n(y)}" width="${BAR_W}" height="${n(hgt)}"` +
      ` fill="${fill}" tabindex="0" data-frame="${f.index}" data-bytes="${f.usedBytes}" data-module="${esc(f.module ?? '')}"` +
      ` data-from="${hex8(f.from)}" data-to="${hex8(f.to)}"><title>${esc(frameTitle(f))}</title></rect>`);
  }
  // Module names inside the bar, on runs of one module tall enough to hold a line of text.
  const frames = stack.frames;
  for (let i = 0; i < frames.length;) {
    let j = i;
    while (j + 1 < frames.length && frames[j + 1].module === frames[i].module && !frames[j + 1].trapResidue && !frames[i].trapResidue) j++;
    const from = frames[i].from, to = frames[j].to;
    const hgt = (to - from) * PX_PER_BYTE;
    if (hgt >= 11 && !frames[i].trapResidue) {
      out.push(`<text class="mlabel" x="${BAR_X + BAR_W / 2}" y="${n(g.y(to) + hgt / 2 + 4)}" text-anchor="middle">${esc(frames[i].module ?? '?')}</text>`);
    }
    i = j + 1;
  }
  if (stack.trapResidue && stack.trapResidue.bytes > 0) {
    const r = stack.trapResidue;
    out.push(`<text class="rlabel" x="${BAR_X + BAR_W + 8}" y="${n(g.y(r.to) + 2)}">trap-frame residue ${hx(r.bytes)}</text>`);
  }
  // Address marks on the left: the bounds WinDbg's !thread prints, and ESP/CR2 when the overflow test ran.
  const marks: [number, string, string][] = [
    [stack.base, 'StackBase', 'mark'], [stack.initialStack, 'InitialStack', 'mark'], [stack.limit, 'StackLimit', 'mark'],
    [stack.guard.from, 'guard page', 'mark'],
  ];
  if (stack.esp !== undefined) marks.push([stack.esp, 'ESP', 'esp']);
  if (stack.cr2 !== undefined && stack.cr2 !== stack.esp) marks.push([stack.cr2, 'CR2', 'esp']);
  let lastY = -100;
  for (const [addr, name, cls] of marks.sort((a, b) => b[0] - a[0])) {
    if (addr > stack.base || addr < stack.guard.from) continue;
    const y = g.y(addr);
    const ty = Math.max(y + 4, lastY + 12);
    lastY = ty;
    out.push(`<line class="${cls}" x1="${BAR_X - 10}" x2="${BAR_X + BAR_W}" y1="${n(y)}" y2="${n(y)}"/>` +
      `<text class="alabel ${cls}" x="${BAR_X - 14}" y="${n(ty)}" text-anchor="end">${name} ${hex8(addr)}</text>`);
  }
  out.push(`<rect x="${BAR_X}" y="${n(g.y(stack.base))}" width="${BAR_W}" height="${n((stack.base - stack.guard.from) * PX_PER_BYTE)}" fill="none" stroke="#000"/>`);
  out.push('</svg>');
  return out.join('\n');
}
