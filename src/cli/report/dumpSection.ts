/**
 * One dump's part of a page (model → HTML string, no I/O): the verdict, the bugcheck, the machine, the stack
 * chart with per-module totals, the bounce summary, the register contexts, the frame table and the [kdsim]
 * lines. Each fact carries the WinDbg command that shows it, so a reader can check it in a debugger.
 */
import { hex8 } from '../../common/hex';
import { bounceSummary, type BounceSummary } from './bounce';
import { frameTitle, moduleStyles, renderChart, type ModuleStyle } from './chart';
import { esc } from './escape';
import type { ReportModel, ReportStack } from './reportModel';
import { verdictSentence } from './verdict';

const hx = (v: number) => `0x${v.toString(16)}`;
/** A command chip: what to type at the `kd>` prompt to see this fact. */
export const cmd = (c: string): string => `<code class="cmd" title="WinDbg command that shows this">kd&gt; ${esc(c)}</code>`;

export function renderDumpSection(m: ReportModel, id: string): string {
  const p = `${id}-`;
  const parts: string[] = [];
  parts.push(`<section class="dump" id="${id}" aria-labelledby="${p}title">`);
  parts.push(`<h2 id="${p}title">${esc(m.file)}</h2>`);
  parts.push(verdictBlock(m));
  parts.push('<div class="facts">', bugcheckBlock(m), machineBlock(m), '</div>');
  if (m.stack) {
    const styles = moduleStyles(m.stack);
    parts.push(stackBlock(m.stack, styles, p));
    parts.push(bounceBlock(bounceSummary(m.stack.frames), p, m.stack.kCommand));
  } else {
    parts.push('<p class="note">No stack reconstruction: the analysis found no overflowed thread stack to rebuild.</p>');
  }
  if (m.contexts.length) parts.push(contextBlock(m));
  if (m.stack) parts.push(frameTable(m.stack, moduleStyles(m.stack), p));
  if (m.verdict.summary.length) {
    parts.push(`<details class="summary-lines"><summary>The analysis in plain words ${cmd('!analyze -v')}</summary><pre>${esc(m.verdict.summary.join('\n'))}</pre></details>`);
  }
  if (m.problems.length) parts.push(`<p class="note">Not shown: ${m.problems.map(esc).join('; ')}</p>`);
  parts.push('</section>');
  return parts.join('\n');
}

function verdictBlock(m: ReportModel): string {
  const conf = m.verdict.confidence;
  const confText = conf
    ? `<p class="confidence">Confidence: <strong class="level level-${esc(conf.level)}">${esc(conf.level)}</strong>` +
      `${conf.reasons.length ? ` — ${conf.reasons.map(esc).join('; ')}` : ''}</p>`
    : '';
  const reason = m.verdict.reason ? `<p class="reason">Overflow test: ${esc(m.verdict.reason)}. ${cmd('r esp')} ${cmd('rcr2')}` +
    (m.stack ? ` ${cmd(`dd ${hex8(m.stack.limit - 0x20)} L10`)}` : '') + '</p>' : '';
  return `<div class="verdict-box verdict-${m.verdict.kind.replace(/ /g, '-')}"><p class="verdict" data-verdict="${esc(m.verdict.kind)}">` +
    `${esc(verdictSentence(m))}</p>${confText}${reason}<p class="src">${cmd('!analyze -v')}${m.culprit ? ` ${cmd(`lm kv m ${m.culprit.module}`)}` : ''}</p></div>`;
}

/** The description's opening sentence (the rest of WinDbg's help text is how-to, shown by !analyze -v). */
function firstSentence(lines: string[]): string {
  const end = lines.findIndex((l) => /[.)]\s*$/.test(l));
  return lines.slice(0, end < 0 ? 4 : Math.min(end + 1, 6)).join(' ').replace(/\s+/g, ' ');
}

function dl(rows: [string, string][]): string {
  return `<dl>${rows.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('')}</dl>`;
}

function bugcheckBlock(m: ReportModel): string {
  const b = m.bugcheck;
  const rows: [string, string][] = [
    ['Bugcheck', `<code>0x${b.code.toString(16).toUpperCase().padStart(8, '0')}</code> ${esc(b.title)}`],
    ['Arguments', b.argLines.map((l) => `<code>${esc(l)}</code>`).join('<br>')],
  ];
  if (b.description.length) rows.push(['Meaning', `<span class="desc">${esc(firstSentence(b.description))}</span>`]);
  rows.push(['BUGCHECK_STR', `<code>${esc(b.bugcheckStr)}</code>`]);
  if (b.bucketId) rows.push(['FAILURE_BUCKET_ID', `<code>${esc(b.bucketId)}</code>`]);
  if (m.culprit) {
    rows.push(['Culprit', `${esc(m.culprit.imageName)} (<code>${esc(m.culprit.symbol)}</code>)` +
      (m.culprit.timeDateStamp !== undefined ? `, timestamp <code>${hex8(m.culprit.timeDateStamp)}</code>` : '')]);
  }
  return `<div class="card"><h3>Bugcheck ${cmd('.bugcheck')} ${cmd('!analyze -v')}</h3>${dl(rows)}</div>`;
}

function machineBlock(m: ReportModel): string {
  const rows: [string, string][] = [];
  const mc = m.machine;
  if (mc) {
    rows.push(['Build', `${esc(mc.osLine)}${mc.buildLab ? `<br><code>${esc(mc.buildLab)}</code>` : ''}`]);
    rows.push(['Processors', `${mc.processors}${m.processor !== undefined ? ` (bugcheck on processor ${m.processor})` : ''}`]);
    rows.push(['Crash time', esc(mc.crashTime)], ['Uptime', esc(mc.uptime)]);
  }
  const t = m.thread;
  if (t) {
    rows.push(['Thread', `<code>${hex8(t.thread)}</code>${t.processImage ? ` of ${esc(t.processImage)}` : ''}` +
      `${t.process !== undefined ? ` (process <code>${hex8(t.process)}</code>)` : ''} ${cmd('!thread')}`]);
    if (t.irql !== undefined) rows.push(['IRQL', `<code>${t.irql.toString(16)}</code>`]);
  }
  if (m.stack) {
    const s = m.stack;
    rows.push(['Kernel stack', `[<code>${hex8(s.limit)}</code>, <code>${hex8(s.base)}</code>), ${hx(s.stackBytes)} bytes, ` +
      `InitialStack <code>${hex8(s.initialStack)}</code>`]);
  }
  return `<div class="card"><h3>Machine ${cmd('vertarget')}</h3>${dl(rows)}</div>`;
}

function swatch(s: ModuleStyle | undefined, residue = false): string {
  const cls = residue ? 'sw sw-residue' : `sw sw-${s?.pattern ?? 'plain'}`;
  return `<span class="${cls}" style="--c:${residue ? '#fff' : s?.colour ?? '#fff'}" aria-hidden="true"></span>`;
}

function stackBlock(s: ReportStack, styles: Map<string, ModuleStyle>, p: string): string {
  const rows = s.modules.map((x) => {
    const st = styles.get(x.module);
    return `<tr class="modrow" data-module="${esc(x.module)}" data-bytes="${x.bytes}"><td>${swatch(st)}${esc(x.imageName ?? x.module)}` +
      ` <span class="pat">(${st?.pattern})</span></td><td class="num">${hx(x.bytes)}</td><td class="num">${x.bytes}</td>` +
      `<td class="num">${x.percent.toFixed(1)}%</td><td class="barcell"><span class="bar" style="width:${(x.bytes / s.stackBytes * 100).toFixed(2)}%;--c:${st?.colour}"></span></td></tr>`;
  });
  const apart: string[] = [];
  if (s.trapResidue) {
    apart.push(`<tr class="apart"><td>${swatch(undefined, true)}(trap-frame residue)</td><td class="num">${hx(s.trapResidue.bytes)}</td>` +
      `<td class="num">${s.trapResidue.bytes}</td><td class="num">${s.trapResidue.percent.toFixed(1)}%</td><td>[${hex8(s.trapResidue.from)}, ${hex8(s.trapResidue.to)})</td></tr>`);
  }
  apart.push(`<tr class="apart"><td><span class="sw sw-npx" aria-hidden="true"></span>(NPX save area)</td><td class="num">${hx(s.npx.bytes)}</td>` +
    `<td class="num">${s.npx.bytes}</td><td class="num">${s.npx.percent.toFixed(1)}%</td><td>[${hex8(s.npx.from)}, ${hex8(s.npx.to)})</td></tr>`);
  const dps = `dps ${hex8(s.limit)} ${hex8(s.base)}`;
  return `<div class="stackview">
<figure class="chart"><figcaption>The kernel stack to scale (1 px = 16 bytes), StackBase at the top ${cmd('!stackusage')} ${cmd(dps)}</figcaption>
${renderChart(s, styles, p)}</figure>
<div class="side">
<h3>Stack use by module <span class="sub">(of ${hx(s.stackBytes)} bytes)</span></h3>
<table class="modules"><thead><tr><th>module</th><th>bytes</th><th>dec</th><th>%</th><th></th></tr></thead>
<tbody>${rows.join('')}</tbody><tbody class="apart-rows">${apart.join('')}</tbody></table>
<p class="hint">Frames: ${s.frames.length}. Focus a segment (Tab) or hover it for its frame; the table below lists them all.</p>
<div class="detail" id="${p}detail" aria-live="polite">${esc(s.frames.length ? frameTitle(s.frames[s.blamedFrame ?? 0] ?? s.frames[0]) : '')}</div>
<p>WinDbg walks the rebuilt chain from its innermost frame with ${cmd(s.kCommand)}</p>
<p>Raw stack, one dword per line with symbols: ${cmd(dps)}</p>
</div></div>`;
}

function bounceBlock(b: BounceSummary, p: string, kCommand: string): string {
  const items: string[] = [];
  for (const x of b.bounces) {
    items.push(`<li><strong>${esc(x.a)}</strong> ⇄ <strong>${esc(x.b)}</strong>: ${x.aToB} call${x.aToB === 1 ? '' : 's'} ${esc(x.a)} → ${esc(x.b)}, ` +
      `${x.bToA} ${esc(x.b)} → ${esc(x.a)}${x.via.length ? ` (through ${x.via.map((v) => `<code>${esc(v)}</code>`).join(', ')})` : ''}</li>`);
  }
  const rec = b.recursion.slice(0, 8).map((r) => `<li><code>${esc(r.function)}</code> ×${r.count} (${hx(r.bytes)} bytes in all; frames ` +
    `${r.frames.map((i) => `<a href="#${p}f-${i}">${i.toString(16).padStart(2, '0')}</a>`).join(' ')})</li>`);
  const calls = b.calls.map((c) => `<li>${esc(c.caller)} → ${esc(c.callee)} ×${c.count}${c.via.length ? ` via ${c.via.map((v) => `<code>${esc(v)}</code>`).join(', ')}` : ''}</li>`);
  return `<div class="card bounce"><h3>Recursion and bounce ${cmd(kCommand)}</h3>` +
    (items.length ? `<p>Modules that call each other back and forth:</p><ul>${items.join('')}</ul>` : '<p>No two modules call each other back and forth.</p>') +
    (rec.length ? `<p>Functions on the stack more than once:</p><ul>${rec.join('')}</ul>` : '<p>No function is on the stack twice.</p>') +
    (calls.length ? `<details><summary>All calls between modules (outer → inner)</summary><ul>${calls.join('')}</ul></details>` : '') + '</div>';
}

function contextBlock(m: ReportModel): string {
  return `<div class="card contexts"><h3>Register context</h3>${m.contexts.map((c) =>
    `<p>${cmd(c.command)} ${esc(c.why)}</p><pre>${esc(c.lines.join('\n'))}</pre>`).join('')}</div>`;
}

function frameTable(s: ReportStack, styles: Map<string, ModuleStyle>, p: string): string {
  const rows = s.frames.map((f) => {
    const st = styles.get(f.module ?? '(no module)');
    const blamed = s.blamedFrame === f.index;
    return `<tr id="${p}f-${f.index}" class="${blamed ? 'blamed' : ''}${f.trapResidue ? ' residue' : ''}" data-frame="${f.index}">` +
      `<td>${f.index.toString(16).padStart(2, '0')}</td><td><code>${hex8(f.childEbp)}</code></td>` +
      `<td><code>${f.retAddr === null ? '????????' : hex8(f.retAddr)}</code></td>` +
      `<td>${swatch(st, f.trapResidue)}<code>${esc(f.symbol)}</code>${blamed ? ' <strong class="tag">blamed</strong>' : ''}${f.trapResidue ? ' <span class="tag">trap-frame residue</span>' : ''}</td>` +
      `<td class="num">${hx(f.usedBytes)}</td><td class="num">${hx(f.frameBytes)}</td><td>${esc(f.trust)}</td><td>${esc(f.kind ?? '')}</td>` +
      `<td><code>${hex8(f.from)}–${hex8(f.to)}</code></td></tr>`;
  });
  return `<div class="card frames"><h3>Reconstructed frames ${cmd('!stackusage')} ${cmd(s.kCommand)}</h3>
<table class="frame-table"><thead><tr><th>#</th><th>ChildEBP</th><th>RetAddr</th><th>Call Site</th><th>Bytes used</th><th>kf Memory</th><th>Trust</th><th>Kind</th><th>Range [from, to)</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table></div>`;
}
