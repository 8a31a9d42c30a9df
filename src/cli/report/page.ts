/**
 * The HTML document around one or more dump sections: inline CSS (screen and print), a small inline script
 * (frame details on hover/focus, table sorting) and a Content-Security-Policy that forbids every request, so
 * the file works offline and alone and cannot reach out even if a symbol name were hostile.
 */
import { esc } from './escape';

const CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:";

const CSS = `
:root{--fg:#1b1b1b;--mut:#555;--bd:#ccc;--bg:#fff;--acc:#0b4f8a}
*{box-sizing:border-box}
body{font:14px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg);margin:0 auto;max-width:1200px;padding:16px}
h1{font-size:20px;margin:0 0 8px}h2{font-size:18px;margin:16px 0 8px;word-break:break-all}h3{font-size:15px;margin:0 0 6px}
code,pre{font-family:ui-monospace,Consolas,"DejaVu Sans Mono",monospace;font-size:12px}
pre{background:#f6f6f6;border:1px solid var(--bd);padding:6px;overflow-x:auto;margin:4px 0 10px}
.cmd{display:inline-block;background:#eef3f8;border:1px solid #b9cde0;border-radius:3px;padding:0 4px;color:#0b3a63;font-weight:normal;white-space:nowrap}
.verdict-box{border:2px solid var(--acc);border-left-width:8px;padding:8px 12px;margin:8px 0 12px;background:#f5f9fd}
.verdict-box.verdict-kernel-stack-overflow{border-color:#B00020;background:#fdf5f6}
.verdict{font-size:17px;font-weight:600;margin:0 0 4px}
.reason,.confidence,.src{margin:2px 0}.level{text-transform:uppercase}
.facts{display:grid;grid-template-columns:1fr 1fr;gap:12px}
.card{border:1px solid var(--bd);border-radius:4px;padding:8px 10px;margin:0 0 12px}
dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 10px;margin:0}dt{font-weight:600;color:var(--mut)}dd{margin:0}
.desc{color:var(--mut)}
.stackview{display:flex;gap:16px;align-items:flex-start;margin:0 0 12px}
.chart{margin:0;flex:none}.chart figcaption{font-size:12px;color:var(--mut);max-width:470px;margin-bottom:4px}
.side{flex:1;min-width:0}
.stack-chart text{font:11px ui-monospace,Consolas,monospace;fill:#111}
.stack-chart .mlabel{font-weight:700;paint-order:stroke;stroke:#fff;stroke-width:3px}
.stack-chart line.mark{stroke:#555;stroke-dasharray:3 2}.stack-chart line.esp{stroke:#B00020;stroke-width:1.5}.stack-chart text.esp{fill:#B00020;font-weight:700}
.seg,.region{cursor:pointer;outline:none}
.seg:hover,.seg:focus,.region:hover,.region:focus{stroke:#000;stroke-width:2.5}
.seg.current{stroke:#B00020;stroke-width:2.5}
.seg.blamed{stroke:#B00020;stroke-width:1.5}
table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #e3e3e3;padding:2px 6px;text-align:left;vertical-align:top}
th{background:#f3f3f3;font-weight:600}td.num{text-align:right;font-variant-numeric:tabular-nums;font-family:ui-monospace,monospace;font-size:12px}
.modules .barcell{width:30%}.bar{display:block;height:10px;background:var(--c);border:1px solid #333}
.sw{display:inline-block;width:14px;height:14px;border:1px solid #333;margin-right:6px;vertical-align:-2px;background-color:var(--c)}
.sw-diagonal{background-image:repeating-linear-gradient(45deg,rgba(0,0,0,.45) 0 1.5px,transparent 1.5px 5px)}
.sw-back-diagonal{background-image:repeating-linear-gradient(-45deg,rgba(0,0,0,.45) 0 1.5px,transparent 1.5px 5px)}
.sw-horizontal{background-image:repeating-linear-gradient(0deg,rgba(0,0,0,.45) 0 1.5px,transparent 1.5px 5px)}
.sw-vertical{background-image:repeating-linear-gradient(90deg,rgba(0,0,0,.45) 0 1.5px,transparent 1.5px 5px)}
.sw-dots{background-image:radial-gradient(rgba(0,0,0,.5) 1.2px,transparent 1.5px);background-size:5px 5px}
.sw-cross-hatch,.sw-grid{background-image:repeating-linear-gradient(45deg,rgba(0,0,0,.4) 0 1px,transparent 1px 5px),repeating-linear-gradient(-45deg,rgba(0,0,0,.4) 0 1px,transparent 1px 5px)}
.sw-residue{background:repeating-linear-gradient(-45deg,#B00020 0 1.5px,#fff 1.5px 5px)}
.sw-npx{background:#eee;background-image:repeating-linear-gradient(0deg,#888 0 .6px,transparent .6px 5px),repeating-linear-gradient(90deg,#888 0 .6px,transparent .6px 5px)}
.pat,.sub,.hint{color:var(--mut);font-size:12px}
.apart td{color:var(--mut)}
.detail{border:1px dashed #999;padding:6px;min-height:3.2em;font-family:ui-monospace,monospace;font-size:12px;background:#fffbe6;margin:6px 0}
.frame-table tr.blamed{background:#fde7ea}.frame-table tr.residue{background:#f7f7f7}.frame-table tr.current{outline:2px solid #B00020}
.frame-table td{font-size:12px;white-space:nowrap}
.tag{font-size:11px;border:1px solid #B00020;color:#B00020;border-radius:3px;padding:0 3px}
.note{color:#7a4b00}
.queue th[data-sort]{cursor:pointer}.queue th[data-sort]:focus{outline:2px solid var(--acc)}
.queue th[aria-sort=ascending]::after{content:" ▲"}.queue th[aria-sort=descending]::after{content:" ▼"}
.queue tr.group td{background:#eef3f8;font-weight:600}
a{color:var(--acc)}a:focus,summary:focus,.cmd:focus{outline:2px solid var(--acc)}
footer{color:var(--mut);font-size:12px;margin-top:16px}
@media print{
  @page{size:A4 portrait;margin:8mm}
  body{max-width:none;padding:0;font-size:8px}
  .dump{break-after:page;page-break-after:always;display:grid;grid-template-columns:52mm 1fr;gap:0 4mm;align-items:start}
  .dump>h2,.dump>.verdict-box{grid-column:1/3}
  .dump>*{grid-column:2}
  .stackview{grid-column:1;grid-row:3/span 6;display:block}
  .stack-chart{width:52mm;height:auto;max-height:240mm}
  .chart figcaption,.side .hint,.side .detail,.side p,.contexts,.summary-lines,.bounce details,.queue-only,footer,.detail{display:none}
  .side{position:static}
  h2{font-size:11px;margin:0 0 2px}h3{font-size:9px}.verdict{font-size:10px}
  .verdict-box{padding:2px 6px;margin:0 0 4px}.card{padding:2px 4px;margin:0 0 3px;break-inside:avoid}
  .facts{grid-template-columns:1fr 1fr;gap:3px}
  code,pre{font-size:7px}.cmd{font-size:6.5px;padding:0 2px}
  th,td{padding:0 3px;line-height:1.1}.frame-table td,.frame-table th{font-size:6px;padding:0 2px;line-height:1.05}
  .frame-table .sw{height:5px}
  .sw{width:7px;height:7px;margin-right:2px}
  .seg,.region{stroke:none}
  h1,.queue-page>p{display:none}
  td.num,.pat,.sub,.tag,.frame-table td,.modules td,.modules th,.bounce li,.bounce p{font-size:6.3px}
  .modules .barcell{display:none}
  .bounce ul{margin:0;padding-left:10px}.bounce p{margin:1px 0}
  .stack-chart{max-height:200mm}
  .queue-page{break-after:page;page-break-after:always}
}
`;

/** Frame details on hover/focus (the <title> stays for mouse users and screen readers); sortable queue tables. */
const SCRIPT = `
(function(){
  function show(seg){
    var sec=seg.closest('section.dump'); if(!sec) return;
    var d=sec.querySelector('.detail'); var t=seg.querySelector('title');
    if(d&&t) d.textContent=t.textContent;
    sec.querySelectorAll('.current').forEach(function(e){e.classList.remove('current')});
    seg.classList.add('current');
    var row=seg.dataset.frame!==undefined?document.getElementById(seg.id.replace(/seg-(\\d+)$/,'f-$1')):null;
    if(row) row.classList.add('current');
  }
  document.querySelectorAll('.seg,.region').forEach(function(s){
    s.addEventListener('mouseenter',function(){show(s)});
    s.addEventListener('focus',function(){show(s)});
    s.addEventListener('keydown',function(e){
      if(e.key!=='Enter'||s.dataset.frame===undefined) return;
      var row=document.getElementById(s.id.replace(/seg-(\\d+)$/,'f-$1')); if(row) row.scrollIntoView({block:'center'});
    });
  });
  document.querySelectorAll('table.queue').forEach(function(tb){
    var ths=tb.querySelectorAll('th[data-sort]');
    ths.forEach(function(th,i){
      function sort(){
        var asc=th.getAttribute('aria-sort')!=='ascending';
        ths.forEach(function(o){o.removeAttribute('aria-sort')});
        th.setAttribute('aria-sort',asc?'ascending':'descending');
        var col=Number(th.dataset.col), num=th.dataset.sort==='num', body=tb.tBodies[0];
        var rows=Array.prototype.slice.call(body.querySelectorAll('tr.dumprow'));
        body.querySelectorAll('tr.group').forEach(function(g){g.hidden=true});
        rows.sort(function(a,b){
          var x=a.cells[col].dataset.v||a.cells[col].textContent, y=b.cells[col].dataset.v||b.cells[col].textContent;
          var r=num?(Number(x)-Number(y)):x.localeCompare(y);
          return asc?r:-r;
        });
        rows.forEach(function(r){body.appendChild(r)});
      }
      th.tabIndex=0;
      th.addEventListener('click',sort);
      th.addEventListener('keydown',function(e){if(e.key==='Enter'||e.key===' '){e.preventDefault();sort()}});
    });
  });
})();
`;

export function renderPage(title: string, body: string, footer: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${CSS}</style>
</head>
<body>
<main>
${body}
</main>
<footer>${footer}</footer>
<script>${SCRIPT}</script>
</body>
</html>
`;
}
