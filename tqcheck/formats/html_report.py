"""A self-contained HTML report: one file, no network (a Content-Security-Policy forbids
every fetch), readable without JavaScript and filterable with it.

It shows the gate's verdict and totals, bar charts (inline SVG) of findings by severity,
category and rule, a table of documents with score and the reason each failed, and every
finding in its sentence with the span highlighted and the suggestion. Filters (severity,
category, rule, free text) hide findings in place and keep the counts in step
(``#shown-count``); a link may carry a filter in its fragment
(``report.html#rule=FL002&hide=minor,name&q=Kiew``).
"""

from __future__ import annotations

import html
import json
import re
from collections import Counter
from typing import TYPE_CHECKING, TextIO

from tqcheck.formats import also_text, fail_reason, safe_text
from tqcheck.model import DocumentResult, Excerpt, Finding, Severity

if TYPE_CHECKING:
    from tqcheck.engine import RunResult

_SPACE_RE = re.compile(r"\s+")
SEVERITY_COLOURS = {"critical": "#b3261e", "major": "#c77700", "minor": "#3f6fb5"}
CATEGORY_COLOUR = "#5b6b7f"

CSS = """
:root{--fg:#1d232b;--muted:#5f6b7a;--line:#d9dee5;--bg:#f6f7f9;--pass:#1f7a3f;--fail:#b3261e}
*{box-sizing:border-box}body{margin:0;font:15px/1.45 system-ui,sans-serif;color:var(--fg);
background:var(--bg)}header,main{max-width:1180px;margin:0 auto;padding:16px 24px}
header{padding-top:24px}h1{font-size:24px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 8px}
.verdict.pass{color:var(--pass)}.verdict.fail{color:var(--fail)}.muted{color:var(--muted)}
.cards{display:flex;gap:12px;flex-wrap:wrap;margin:14px 0}.card{background:#fff;
border:1px solid var(--line);border-radius:8px;padding:10px 16px;min-width:120px}
.card b{display:block;font-size:22px}.charts{display:grid;grid-template-columns:repeat(3,1fr);
gap:12px;align-items:start}
.chart{background:#fff;border:1px solid var(--line);border-radius:8px;padding:10px}
.chart h3{font-size:14px;margin:0 0 6px}table{border-collapse:collapse;width:100%;
background:#fff;border:1px solid var(--line)}th,td{padding:6px 10px;border-bottom:1px solid
var(--line);text-align:left;vertical-align:top}td.num{text-align:right}
.filters{position:sticky;top:0;background:var(--bg);padding:10px 0;border-bottom:1px solid
var(--line);display:flex;gap:16px;flex-wrap:wrap;align-items:center;z-index:1}
.filters label{white-space:nowrap}section.doc{background:#fff;border:1px solid var(--line);
border-radius:8px;margin:14px 0;padding:4px 16px 10px}section.doc h3{font-size:16px;
margin:10px 0 4px;word-break:break-all}ol.findings{list-style:none;margin:0;padding:0}
li.finding{border-top:1px solid var(--line);padding:8px 0}li.finding[hidden]{display:none}
.sev{display:inline-block;border-radius:4px;color:#fff;padding:0 6px;font-size:12px;
font-weight:600}.rule{font-family:ui-monospace,monospace;font-weight:600}
.ctx{font-family:ui-monospace,monospace;font-size:13px;background:var(--bg);padding:4px 8px;
margin-top:4px;white-space:pre-wrap;word-break:break-word}mark{background:#ffd8a8;
outline:1px solid #e8590c}.fix{color:var(--pass);margin-top:2px}.err{color:var(--fail)}
@media (max-width:900px){.charts{grid-template-columns:1fr}}
"""

SCRIPT = """
(function(){
  var items=[].slice.call(document.querySelectorAll('li.finding'));
  var boxes=[].slice.call(document.querySelectorAll('.filters input[type=checkbox]'));
  var rule=document.getElementById('rule-filter'),text=document.getElementById('text-filter');
  function apply(){
    var on={};boxes.forEach(function(b){on[b.value]=b.checked;});
    var q=text.value.toLowerCase(),r=rule.value,shown=0;
    items.forEach(function(li){
      var ok=on[li.dataset.severity]!==false&&on[li.dataset.category]!==false&&
        (!r||li.dataset.rule===r)&&(!q||li.textContent.toLowerCase().indexOf(q)>=0);
      li.hidden=!ok;if(ok)shown++;
    });
    document.querySelectorAll('section.doc').forEach(function(s){
      var n=s.querySelectorAll('li.finding:not([hidden])').length;
      s.querySelector('.doc-shown').textContent=n;
    });
    document.getElementById('shown-count').textContent=shown;
  }
  // a link can carry a filter: report.html#rule=FL002&hide=minor,name&q=Kiew
  location.hash.replace(/^#/,'').split('&').forEach(function(kv){
    var p=kv.split('='),v=decodeURIComponent(p[1]||'');
    if(p[0]==='rule')rule.value=v;
    if(p[0]==='q')text.value=v;
    if(p[0]==='hide')v.split(',').forEach(function(h){
      boxes.forEach(function(b){if(b.value===h)b.checked=false;});});
  });
  boxes.forEach(function(b){b.addEventListener('change',apply);});
  rule.addEventListener('change',apply);text.addEventListener('input',apply);apply();
  document.body.setAttribute('data-filters','ready');
})();
"""


def render(result: RunResult, out: TextIO) -> None:
    s = result.summary()
    docs = result.documents
    findings = [f for d in docs for f in d.findings]
    passed, total = int(s["passed"]), int(s["documents"])  # type: ignore[call-overload]
    ok = passed == total and not s["input_errors"]
    verdict = "all documents pass" if ok else f"{total - passed} of {total} documents fail"
    w = out.write
    w('<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">\n')
    w(
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n"
    )
    w('<meta name="viewport" content="width=device-width, initial-scale=1">\n')
    w(f"<title>tqcheck report: {_e(verdict)}</title>\n<style>{CSS}</style></head><body>\n")
    w(f'<header><h1>tqcheck report: <span class="verdict {"pass" if ok else "fail"}">')
    w(f"{_e(verdict)}</span></h1>\n")
    w(f'<div class="muted">{_e(result.signature)}</div>\n<div class="cards">')
    for label, value in (
        ("documents", total),
        ("passed", passed),
        ("failed", total - passed),
        ("findings", len(findings)),
        ("words", s["words"]),
        ("input errors", s["input_errors"]),
    ):
        w(f'<div class="card" id="card-{label.replace(" ", "-")}"><b>{value}</b>{label}</div>')
    w("</div></header>\n<main>\n")
    if result.notices:
        w('<ul class="notices muted">')
        w("".join(f"<li>{_e(n)}</li>" for n in result.notices))
        w("</ul>\n")
    _charts(w, findings)
    _documents_table(w, result)
    _filters(w, findings)
    for k, doc in enumerate(docs):
        _document(w, k, doc, result)
    w(f"<script>{SCRIPT}</script>\n")
    w(f'<script type="application/json" id="tqcheck-summary">{_json(s)}</script>\n')
    w("</main></body></html>\n")


def _charts(w, findings: list[Finding]) -> None:  # type: ignore[no-untyped-def]
    by_sev = Counter(f.severity.label for f in findings)
    by_cat = Counter(f.category.value for f in findings)
    by_rule = Counter(f.rule for f in findings)
    w('<h2>Findings</h2><div class="charts">')
    severities = [(s.label, by_sev[s.label]) for s in sorted(Severity, reverse=True)]
    w(_bar_chart("By severity", severities, SEVERITY_COLOURS))
    w(_bar_chart("By category", sorted(by_cat.items()), {}))
    w(_bar_chart("By rule", by_rule.most_common(12), {}))
    w("</div>\n")


def _bar_chart(title: str, rows: list[tuple[str, int]], colours: dict[str, str]) -> str:
    """A horizontal bar chart in inline SVG (no script, no fetch)."""
    if not rows:
        rows = [("none", 0)]
    top = max(n for _, n in rows) or 1
    height = 22 * len(rows) + 4
    bars = []
    for i, (label, n) in enumerate(rows):
        y = 22 * i + 2
        width = round(150 * n / top)
        colour = colours.get(label, CATEGORY_COLOUR)
        bars.append(
            f'<text x="0" y="{y + 14}" font-size="12">{_e(label)}</text>'
            f'<rect x="90" y="{y + 3}" width="{width}" height="14" fill="{colour}" rx="2"/>'
            f'<text x="{96 + width}" y="{y + 14}" font-size="12">{n}</text>'
        )
    return (
        f'<div class="chart"><h3>{_e(title)}</h3><svg role="img" aria-label="{_e(title)}" '
        f'width="100%" viewBox="0 0 290 {height}" height="{height}">{"".join(bars)}</svg></div>'
    )


def _documents_table(w, result: RunResult) -> None:  # type: ignore[no-untyped-def]
    w("<h2>Documents</h2><table><thead><tr><th>Document</th><th>Languages</th>")
    w('<th class="num">Words</th><th class="num">Findings</th><th class="num">Score</th>')
    w("<th>Result</th></tr></thead><tbody>\n")
    for k, doc in enumerate(result.documents):
        pair = f"{doc.source_lang}→{doc.target_lang}" if doc.source_lang else doc.target_lang
        outcome = "pass" if doc.passed else f"fail: {fail_reason(doc, result.config)}"
        cls = "verdict pass" if doc.passed else "verdict fail"
        w(
            f'<tr><td><a href="#doc-{k}">{_e(doc.path)}</a></td><td>{_e(pair)}</td>'
            f'<td class="num">{doc.words}</td><td class="num">{len(doc.findings)}</td>'
            f'<td class="num">{doc.score:.1f}</td><td class="{cls}">{_e(outcome)}</td></tr>\n'
        )
    w("</tbody></table>\n")


def _filters(w, findings: list[Finding]) -> None:  # type: ignore[no-untyped-def]
    w('<h2>Findings in context</h2><div class="filters">')
    w(f'<span><b id="shown-count">{len(findings)}</b> of ')
    w(f'<b id="total-count">{len(findings)}</b> findings shown</span>')
    for sev in sorted(Severity, reverse=True):
        w(f'<label><input type="checkbox" value="{sev.label}" checked> {sev.label}</label>')
    for cat in sorted({f.category.value for f in findings}):
        w(f'<label><input type="checkbox" value="{_e(cat)}" checked> {_e(cat)}</label>')
    w('<select id="rule-filter" aria-label="rule"><option value="">all rules</option>')
    for rule in sorted({f.rule for f in findings}):
        w(f'<option value="{_e(rule)}">{_e(rule)}</option>')
    w('</select><input id="text-filter" type="search" placeholder="search findings">')
    w("</div>\n")


def _document(w, k: int, doc: DocumentResult, result: RunResult) -> None:  # type: ignore[no-untyped-def]
    outcome = "PASS" if doc.passed else f"FAIL ({fail_reason(doc, result.config)})"
    w(f'<section class="doc" id="doc-{k}"><h3>{_e(doc.path)}</h3><div class="muted">')
    w(f"{doc.words} words · score {doc.score:.1f} · {_e(outcome)} · ")
    w(f'<span class="doc-shown">{len(doc.findings)}</span> of {len(doc.findings)} findings shown')
    w("</div>\n")
    for e in doc.errors:
        w(f'<p class="err"><b>{_e(e.code)}</b> {_e(e.message)}</p>\n')
    if doc.findings:
        w('<ol class="findings">\n')
        for i, f in enumerate(doc.findings):
            w(_finding(f, doc.excerpt(i)))
        w("</ol>\n")
    elif not doc.errors:
        w('<p class="muted">no findings</p>\n')
    w("</section>\n")


def _finding(f: Finding, ex: Excerpt | None) -> str:
    colour = SEVERITY_COLOURS[f.severity.label]
    parts = [
        f'<li class="finding" data-rule="{_e(f.rule)}" data-severity="{f.severity.label}" '
        f'data-category="{f.category.value}"><span class="muted">{f.line}:{f.column}'
        f"{_unit(f)}</span> "
        f'<span class="rule">{_e(f.rule)}</span> '
        f'<span class="sev" style="background:{colour}">{f.severity.label}</span> '
        f"{_e(f.message)}"
    ]
    if ex is not None:
        lead = "…" if ex.more_before else ""
        tail = "…" if ex.more_after else ""
        parts.append(
            f'<div class="ctx">{lead}{_e(_flat(ex.before))}<mark>{_e(_flat(ex.span))}</mark>'
            f"{_e(_flat(ex.after))}{tail}</div>"
        )
    if f.suggestion is not None:
        fix = repr(f.suggestion) if f.suggestion else "delete it"
        parts.append(f'<div class="fix">suggestion: {_e(fix)}</div>')
    if f.also:
        parts.append(f'<div class="muted">also: {_e(also_text(f))}</div>')
    return "".join(parts) + "</li>\n"


def _unit(f: Finding) -> str:
    return f" [{_e(f.unit)}]" if f.unit and f.unit != f"line {f.line}" else ""


def _flat(text: str) -> str:
    """Masked markup and line breaks as single spaces (the excerpt of a masked file holds
    runs of padding); the spaces at the span's edges stay."""
    return _SPACE_RE.sub(" ", text)


def _e(value: object) -> str:
    return html.escape(safe_text(str(value)), quote=True)


def _json(data: object) -> str:
    """JSON safe inside a script element."""
    return json.dumps(data, ensure_ascii=False).replace("</", "<\\/")
