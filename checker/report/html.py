"""One self-contained HTML page for a fact-checker: findings as cards, quotes side by side, the full texts.

Everything is inline (CSS, one small script, no fonts, images or network), so the file reads offline and can
be attached to a ticket. Every string that comes from an article or a rule is escaped with `html.escape`; the
full-text pane is built by offsets, escaping each slice of article text separately and inserting only tags this
module writes. No article data enters the script (it reads `data-*` attributes), and a Content-Security-Policy
allows that one script by its hash only, so an injection that escaped the escaping still would not run.

Sections: summary (counts, notes, documents and their date origin), findings (rule, severity, confidence,
message, one column per claim with its quote and the figure marked, the computed values), timeline (dated
claims and ordinals in date order, sources side by side, disagreements flagged), claims (a table with type and
document filters), and full texts (each claim's mention wrapped in `<span id="c-...">`, underlined by kind).
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from html import escape
from typing import Any

from checker.models import Claim, Document, Finding, Report, RuleInfo

_UNSAFE_ID = re.compile(r"[^A-Za-z0-9_-]")
_YEAR_LIKE = range(1000, 3000)
_QUOTE_MAX = 600

# (kind, label, description) for the legend; the CSS below styles `.k-<kind>`.
_KINDS = (
    ("money", "money", "a sum of money"),
    ("percent", "percent", "a percentage"),
    ("number", "count", "a count or plain number"),
    ("ordinal", "ordinal", "“fifth visit”"),
    ("date", "date", "when an event happened"),
    ("year", "year", "a year named as a value"),
    ("duration", "duration", "a span of time"),
    ("event", "event", "an undated event cue"),
    ("sub", "detail", "a window, gap or count a claim carries"),
)

_CSS = """
:root{--fg:#1d2330;--muted:#5c6577;--line:#d9dee7;--bg:#f5f7fa;--card:#fff;--err:#c62828;--warn:#b26a00;
--info:#1565c0;--ok:#2e7d32;--mark:#ffe58a}
*{box-sizing:border-box}
html{scroll-behavior:smooth}
body{margin:0;font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",Arial,sans-serif;
color:var(--fg);background:var(--bg)}
header.top{background:#1f2a44;color:#fff;padding:14px 28px;display:flex;align-items:baseline;gap:18px;flex-wrap:wrap}
header.top h1{font-size:20px;margin:0;font-weight:650}
header.top .meta{color:#c5cde0;font-size:13px}
nav{display:flex;gap:14px;margin-left:auto}
nav a{color:#dfe6f6;text-decoration:none;font-size:13px}
nav a:hover{text-decoration:underline}
main{max-width:1240px;margin:0 auto;padding:18px 28px 60px}
h2{font-size:17px;margin:28px 0 10px;padding-bottom:4px;border-bottom:2px solid var(--line)}
h3{font-size:15px;margin:0}
a{color:#1f5fbf}
code,.mono{font-family:"DejaVu Sans Mono",Menlo,Consolas,monospace;font-size:12.5px}
.tiles{display:flex;gap:12px;flex-wrap:wrap}
.tile{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:10px 16px;min-width:120px}
.tile b{display:block;font-size:24px;line-height:1.2}
.tile span{color:var(--muted);font-size:12px;text-transform:uppercase;letter-spacing:.04em}
.tile.error b{color:var(--err)}.tile.warning b{color:var(--warn)}.tile.info b{color:var(--info)}
.notes{margin:12px 0 0;padding:0;list-style:none}
.notes li{background:#fff8e1;border-left:4px solid #f0b400;padding:6px 10px;margin:6px 0;border-radius:4px}
table{border-collapse:collapse;width:100%;background:var(--card)}
th,td{border:1px solid var(--line);padding:5px 8px;text-align:left;vertical-align:top}
th{background:#eef1f6;font-weight:600;font-size:12.5px}
.docs td:nth-child(4),.docs td:nth-child(5){white-space:nowrap}
.docs td.title{min-width:260px}
.docs td.path{overflow-wrap:anywhere;max-width:380px;font-size:12px;color:var(--muted)}
.inferred{color:var(--warn);font-weight:600}
.card{background:var(--card);border:1px solid var(--line);border-left:6px solid var(--muted);border-radius:8px;
padding:14px 18px;margin:14px 0;box-shadow:0 1px 2px rgba(0,0,0,.04)}
.card.error{border-left-color:var(--err)}.card.warning{border-left-color:var(--warn)}
.card.info{border-left-color:var(--info)}
.card:target{box-shadow:0 0 0 3px #9ec1ff}
.card .head{display:flex;align-items:center;gap:10px;flex-wrap:wrap}
.badge{display:inline-block;border-radius:10px;padding:1px 9px;font-size:12px;font-weight:600;color:#fff;
background:var(--muted)}
.badge.error{background:var(--err)}.badge.warning{background:var(--warn)}.badge.info{background:var(--info)}
.badge.conf{background:#e9edf3;color:var(--fg);font-weight:500}
.badge.conf.medium,.badge.conf.low{background:#fff1d6;color:#7a4a00}
.badge.bad{background:var(--err)}
.fid{color:var(--muted);font-size:12px;margin-left:auto}
.message{margin:8px 0 12px;font-size:14.5px}
.quotes{display:grid;grid-template-columns:repeat(auto-fit,minmax(300px,1fr));gap:12px}
.quote{border:1px solid var(--line);border-radius:6px;padding:10px 12px;background:#fbfcfe;margin:0}
.quote .src{font-size:12px;color:var(--muted);margin-bottom:6px}
.quote .src b{color:var(--fg)}
.quote blockquote{margin:0;font-family:Georgia,"DejaVu Serif",serif;font-size:14px}
mark{background:var(--mark);padding:0 2px;border-radius:2px;font-weight:700}
.quote .go{font-size:12px;margin-top:6px;display:inline-block}
.computed{margin-top:12px;width:auto;max-width:100%;font-size:12.5px}
.computed caption{text-align:left;font-weight:600;padding-bottom:4px}
.computed tbody th{white-space:nowrap}
.computed thead th{text-align:center;min-width:120px}
details{margin-top:8px;font-size:13px;color:var(--muted)}
summary{cursor:pointer}
.empty{color:var(--ok);font-weight:600}
.filters{display:flex;gap:14px;align-items:center;margin:6px 0 10px;flex-wrap:wrap}
.filters select{font:inherit;padding:3px 6px}
.count{color:var(--muted)}
.claims td.text{max-width:260px}
.claims tr.flagged td:first-child{box-shadow:inset 4px 0 0 var(--err)}
.timeline td.when{white-space:nowrap;font-weight:600}
.timeline tr.conflict td{background:#fff0f0}
.timeline ul{margin:0;padding-left:16px}
.legend{display:flex;gap:14px;flex-wrap:wrap;font-size:12.5px;margin:6px 0 10px}
.fulltext section{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:12px 18px;margin:14px 0}
.fulltext .doc-meta{color:var(--muted);font-size:12px;margin:2px 0 8px}
.fulltext .body{white-space:pre-wrap;overflow-wrap:anywhere;font-family:Georgia,"DejaVu Serif",serif;font-size:14px;
line-height:1.6;max-height:520px;overflow:auto;border-top:1px solid var(--line);padding-top:8px}
.m{text-decoration-line:underline;text-decoration-thickness:2px;text-underline-offset:3px;scroll-margin-top:40vh}
.k-money{text-decoration-color:#2e7d32}
.k-percent{text-decoration-color:#1565c0}
.k-number{text-decoration-color:#6d4c41}
.k-ordinal{text-decoration-color:#7b1fa2;text-decoration-style:double}
.k-date{text-decoration-color:#ef6c00;text-decoration-style:dashed}
.k-year{text-decoration-color:#ef6c00;text-decoration-style:dotted}
.k-duration{text-decoration-color:#00897b;text-decoration-style:wavy}
.k-event{text-decoration-color:#78909c;text-decoration-style:dotted}
.k-sub{text-decoration-color:#9e9e9e;text-decoration-style:dashed;text-decoration-thickness:1px}
.m.flag{background:#ffd3d3}
.m:target{background:var(--mark);outline:2px solid #f0b400}
.missing{color:var(--muted);font-size:12.5px}
footer{color:var(--muted);font-size:12px;margin-top:40px}
@media print{.filters,nav{display:none}.fulltext .body{max-height:none}}
"""

_SCRIPT = """(function () {
  var type = document.getElementById("filter-type"), doc = document.getElementById("filter-doc");
  var count = document.getElementById("filter-count");
  if (!type || !doc || !count) return;
  var rows = document.querySelectorAll("#claim-table tbody tr[data-type]");
  function apply() {
    var shown = 0;
    for (var i = 0; i < rows.length; i++) {
      var row = rows[i];
      var ok = (!type.value || row.getAttribute("data-type") === type.value) &&
               (!doc.value || row.getAttribute("data-doc") === doc.value);
      row.hidden = !ok;
      if (ok) shown++;
    }
    count.textContent = shown + " of " + rows.length + " claims shown";
  }
  type.addEventListener("change", apply);
  doc.addEventListener("change", apply);
  apply();
})();"""

_SCRIPT_HASH = base64.b64encode(hashlib.sha256(_SCRIPT.encode()).digest()).decode()
_CSP = (
    f"default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-{_SCRIPT_HASH}'; "
    "base-uri 'none'; form-action 'none'"
)


def e(value: object) -> str:
    """Escape for text and double-quoted attribute values."""
    return escape(str(value), quote=True)


def render(report: Report) -> str:
    page = _Page(report)
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{e(_CSP)}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>claimcheck report — {page.title_counts()}</title>",
        f"<style>{_CSS}</style></head><body>",
        page.header(),
        "<main>",
        page.summary(),
        page.findings(),
        page.timeline(),
        page.claim_table(),
        page.full_texts(),
        f'<footer>{e(report.tool)} {e(report.tool_version)} · report format {e(report.version)} · '
        "self-contained page: no network access needed</footer>",
        "</main>",
        f"<script>{_SCRIPT}</script>",
        "</body></html>",
    ]
    return "\n".join(parts) + "\n"


class _Page:
    def __init__(self, report: Report) -> None:
        self.report = report
        self.documents = {document.id: document for document in report.documents}
        self.claims = {claim.id: claim for claim in report.claims}
        self.rules: dict[str, RuleInfo] = {rule.id: rule for rule in report.rules}
        self.anchors = _unique_ids((claim.id for claim in report.claims), "c-")
        orphans = sorted({claim.document for claim in report.claims} - set(self.documents))  # not in documents
        self.extra_documents = [Document(id=document_id, path=document_id) for document_id in orphans]
        self.doc_anchors = _unique_ids((d.id for d in [*report.documents, *self.extra_documents]), "doc-")
        self.flagged: dict[str, list[str]] = defaultdict(list)
        for finding in report.findings:
            for claim_id in finding.claims:
                self.flagged[claim_id].append(finding.id)
        self.anchors_placed: set[str] = set()
        self.finding_anchors = _unique_ids((finding.id for finding in report.findings), "finding-")

    # --- helpers ----------------------------------------------------------------------------------

    def title_counts(self) -> str:
        s = self.report.summary
        return f"{s.documents} document(s), {s.errors} error(s), {s.warnings} warning(s)"

    def doc_name(self, document_id: str) -> str:
        document = self.documents.get(document_id)
        return (document.title or document.id) if document else document_id

    def doc_link(self, document_id: str, label: str | None = None) -> str:
        text = e(label if label is not None else document_id)
        anchor = self.doc_anchors.get(document_id)
        return f'<a href="#{e(anchor)}">{text}</a>' if anchor else text

    def claim_link(self, claim: Claim, label: str, css: str = "") -> str:
        """A link to the claim's mention in the full-text pane; `label` is HTML the caller escaped."""
        cls = f' class="{css}"' if css else ""
        return f'<a{cls} href="#{e(self.anchors[claim.id])}">{label}</a>'

    # --- sections ---------------------------------------------------------------------------------

    def header(self) -> str:
        return (
            '<header class="top"><h1>claimcheck report</h1>'
            f'<span class="meta">{e(self.title_counts())}</span>'
            '<nav><a href="#summary">Summary</a><a href="#findings">Findings</a><a href="#timeline">Timeline</a>'
            '<a href="#claims">Claims</a><a href="#texts">Full texts</a></nav></header>'
        )

    def summary(self) -> str:
        s = self.report.summary
        tiles = [("documents", s.documents, ""), ("claims", s.claims, ""), ("errors", s.errors, "error"),
                 ("warnings", s.warnings, "warning")]  # fmt: skip
        if s.infos:
            tiles.append(("info", s.infos, "info"))
        if s.suppressed:
            tiles.append(("suppressed by baseline", s.suppressed, ""))
        out = ['<section id="summary"><h2>Summary</h2><div class="tiles">']
        out += [f'<div class="tile {cls}"><b>{e(n)}</b><span>{e(label)}</span></div>' for label, n, cls in tiles]
        out.append("</div>")
        if self.report.notes:
            out.append('<ul class="notes">')
            for note in self.report.notes:
                out.append(f"<li><b>{self.doc_link(note.document)}</b>: {e(note.message)}</li>")
            out.append("</ul>")
        if self.report.documents:
            out.append('<h3 style="margin-top:14px">Documents</h3>')
            out.append('<table class="docs"><thead><tr><th>id</th><th>title</th><th>path</th><th>date</th>'
                       "<th>date from</th><th>claims</th></tr></thead><tbody>")  # fmt: skip
            per_doc: dict[str, int] = defaultdict(int)
            for claim in self.report.claims:
                per_doc[claim.document] += 1
            for document in self.report.documents:
                origin = document.date_origin or ""
                inferred = origin.startswith("inferred")
                origin_html = f'<span class="inferred">{e(origin)}</span>' if inferred else e(origin)
                out.append(
                    f"<tr><td>{self.doc_link(document.id)}</td>"
                    f'<td class="title">{e(document.title or "")}</td>'
                    f'<td class="mono path">{e(_path(document))}</td><td>{e(document.date or "undated")}</td>'
                    f"<td>{origin_html}</td><td>{per_doc.get(document.id, 0)}</td></tr>"
                )
            out.append("</tbody></table>")
        out.append("</section>")
        return "\n".join(out)

    def findings(self) -> str:
        out = ['<section id="findings"><h2>Findings</h2>']
        if not self.report.findings:
            out.append('<p class="empty">No findings: the documents agree on every claim the rules compare.</p>')
        for finding in self.report.findings:
            out.append(self.finding_card(finding))
        out.append("</section>")
        return "\n".join(out)

    def finding_card(self, finding: Finding) -> str:
        severity = finding.severity.value
        confidence = finding.confidence
        out = [
            f'<article class="card {e(severity)}" id="{e(self.finding_anchors[finding.id])}">',
            '<div class="head">',
            f'<span class="badge {e(severity)}">{e(severity)}</span>',
            f"<h3><code>{e(finding.rule)}</code></h3>",
            f'<span class="badge conf {e(confidence)}">confidence: {e(confidence)}</span>',
            f'<span class="fid">{e(finding.id)}</span>',
            "</div>",
            f'<p class="message">{e(finding.message)}</p>',
            '<div class="quotes">',
        ]
        for claim_id in finding.claims:
            claim = self.claims.get(claim_id)
            if claim is None:
                missing = f"claim {e(claim_id)} is not in this report"
                out.append(f'<figure class="quote"><div class="src">{missing}</div></figure>')
                continue
            out.append(self.quote_column(claim))
        out.append("</div>")
        out.append(_computed_table(finding.computed))
        rule = self.rules.get(finding.rule)
        if rule is not None:
            out.append(
                f"<details><summary>About <code>{e(rule.id)}</code></summary><p>{e(rule.description)}</p>"
                f"<p><b>What:</b> {e(rule.doc.what)}</p><p><b>Why:</b> {e(rule.doc.why)}</p>"
                f"<p><b>Example:</b> {e(rule.doc.example)}</p></details>"
            )
        out.append("</article>")
        return "\n".join(out)

    def quote_column(self, claim: Claim) -> str:
        document = self.documents.get(claim.document)
        name = self.doc_name(claim.document)
        date = document.date if document and document.date else "undated"
        path = _path(document) if document else claim.document
        file = re.split(r"[\\/]", path)[-1] or path
        value = _value_text(claim)
        return (
            '<figure class="quote">'
            f'<div class="src"><b>{e(name)}</b><br><span class="mono" title="{e(path)}">{e(file)}</span> · '
            f"{e(date)} · line {e(claim.line)}<br>{e(claim.type)}: {e(value)}</div>"
            f"<blockquote>“{_quote_html(claim, document)}”</blockquote>"
            f'{self.claim_link(claim, "show in the article →", "go")}'
            "</figure>"
        )

    def timeline(self) -> str:
        rows = _timeline_rows(self.report.claims)
        out = ['<section id="timeline"><h2>Timeline</h2>']
        if not rows:
            out.append("<p>No dated claims, years or ordinals.</p></section>")
            return "\n".join(out)
        out.append('<p class="count">Dated events, years, periods and ordinals, oldest first. Rows where the '
                   "sources give different figures are shaded.</p>")  # fmt: skip
        out.append('<table class="timeline"><thead><tr><th>when</th><th>what</th><th>subjects</th>'
                   "<th>sources (figure as written · document · line)</th></tr></thead><tbody>")  # fmt: skip
        for row in rows:
            values = {_value_key(c) for c in row.claims}
            conflict = len(values) > 1
            what = e(row.type) + (f" <small>({e(row.scope)})</small>" if row.scope else "")
            if row.key:
                what += "<br><small>" + e(", ".join(f"{k}: {v}" for k, v in row.key)) + "</small>"
            if conflict:
                what += ' <span class="badge bad">sources disagree</span>'
            items = []
            for claim in row.claims:
                flags = self.finding_badges(claim.id)
                figure = self.claim_link(claim, e(_value_text(claim)))
                source = self.doc_link(claim.document, self.doc_name(claim.document))
                items.append(f"<li>{figure} · {source} · line {e(claim.line)}{flags}</li>")
            out.append(
                f'<tr class="{"conflict" if conflict else ""}"><td class="when">{e(row.label)}</td><td>{what}</td>'
                f"<td>{e(' → '.join(row.subjects) if row.ordered else ', '.join(row.subjects))}</td>"
                f"<td><ul>{''.join(items)}</ul></td></tr>"
            )
        out.append("</tbody></table></section>")
        return "\n".join(out)

    def finding_badges(self, claim_id: str) -> str:
        """Links from a claim to each finding that names it."""
        return "".join(
            f' <a class="badge bad" href="#{e(self.finding_anchors[f])}">{e(f)}</a>'
            for f in self.flagged.get(claim_id, [])
            if f in self.finding_anchors
        )

    def claim_table(self) -> str:
        claims = self.report.claims
        types = sorted({claim.type for claim in claims})
        docs = [d.id for d in [*self.report.documents, *self.extra_documents]]
        out = ['<section id="claims"><h2>Claims</h2>', '<div class="filters">',
               '<label>type <select id="filter-type"><option value="">all types</option>']  # fmt: skip
        out += [f'<option value="{e(t)}">{e(t)}</option>' for t in types]
        out.append('</select></label><label>document <select id="filter-doc"><option value="">all documents</option>')
        out += [f'<option value="{e(d)}">{e(d)}</option>' for d in docs]
        out.append(f'</select></label><span class="count" id="filter-count">{len(claims)} claims</span></div>')
        heads = ("document", "line", "type", "value", "unit", "period", "subjects", "text")
        out.append('<table class="claims" id="claim-table"><thead><tr>' + "".join(f"<th>{h}</th>" for h in heads))
        out.append("</tr></thead><tbody>")
        if not claims:
            out.append('<tr><td colspan="8">No claims.</td></tr>')
        for claim in claims:
            flagged = self.flagged.get(claim.id)
            if claim.value is None:
                value = str(claim.date or "")
            else:
                value = f"{claim.value:.0f}" if _is_year(claim) else _number(claim.value)
            flags = self.finding_badges(claim.id)
            row_class = ' class="flagged"' if flagged else ""
            out.append(
                f'<tr data-type="{e(claim.type)}" data-doc="{e(claim.document)}"{row_class}>'
                f"<td>{self.doc_link(claim.document)}</td><td>{e(claim.line)}</td><td>{e(claim.type)}</td>"
                f"<td>{e(value)}</td><td>{e(claim.unit or '')}</td>"
                f"<td>{e(claim.period.label if claim.period else '')}</td><td>{e(', '.join(claim.subjects))}</td>"
                f'<td class="text">{self.claim_link(claim, e(claim.text))}{flags}</td></tr>'
            )
        out.append("</tbody></table></section>")
        return "\n".join(out)

    def full_texts(self) -> str:
        out = ['<section id="texts" class="fulltext"><h2>Full texts</h2><div class="legend">']
        for kind, label, description in _KINDS:
            out.append(f'<span class="m k-{kind}" title="{e(description)}">{e(label)}</span>')
        out.append('<span class="m k-number flag">in a finding</span></div>')
        by_doc: dict[str, list[Claim]] = defaultdict(list)
        for claim in self.report.claims:
            by_doc[claim.document].append(claim)
        for document in self.report.documents:
            out.append(self.document_section(document, by_doc.pop(document.id, [])))
        for placeholder in self.extra_documents:  # claims whose document is not in the report
            out.append(self.document_section(placeholder, by_doc.get(placeholder.id, [])))
        out.append("</section>")
        return "\n".join(out)

    def document_section(self, document: Document, claims: list[Claim]) -> str:
        anchor = self.doc_anchors[document.id]
        origin = f" ({document.date_origin})" if document.date_origin else ""
        head = (
            f'<section id="{e(anchor)}"><h3>{e(document.title or document.id)}</h3>'
            f'<div class="doc-meta"><span class="mono">{e(_path(document))}</span> · '
            f"{e(document.date or 'undated')}{e(origin)} · {len(claims)} claim(s)</div>"
        )
        body, missing = self.text_with_mentions(document, claims)
        tail = ""
        if missing:
            tail = '<p class="missing">Not located in the text: ' + ", ".join(missing) + "</p>"
        return f'{head}<div class="body">{body}</div>{tail}</section>'

    def text_with_mentions(self, document: Document, claims: list[Claim]) -> tuple[str, list[str]]:
        """The text with each mention wrapped, escaped slice by slice; overlaps nest or are clipped."""
        text = document.text
        n = len(text)
        spans: list[tuple[int, int, int, str, str]] = []  # start, end, order, open tag, close tag
        missing: list[str] = []
        for order, claim in enumerate(claims):
            start, end = claim.span
            classes = f"m k-{_kind(claim)} t-{_UNSAFE_ID.sub('-', claim.type)}"
            if claim.id in self.flagged:
                classes += " flag"
            title = f"{claim.type} · {_value_text(claim)} · line {claim.line} · {claim.id}"
            anchor = self.anchors[claim.id]
            placed = anchor in self.anchors_placed
            self.anchors_placed.add(anchor)
            id_attr = "" if placed else f' id="{e(anchor)}"'  # a repeated claim id: one anchor only
            tag = f'<span{id_attr} class="{e(classes)}" title="{e(title)}">'
            if not (0 <= start <= end <= n) or (text[start:end] != claim.text and claim.text):
                where = f"({e(claim.type)}, line {e(claim.line)})"
                missing.append(f"{tag}{e(claim.text)}</span> <small>{where}</small>")
                continue
            spans.append((start, end, 2 * order, tag, "</span>"))
            for name, sub in claim.fields.items():  # secondary mentions: a window, a gap, a count
                if isinstance(sub, dict) and isinstance(sub.get("start"), int) and isinstance(sub.get("end"), int):
                    s, t = sub["start"], sub["end"]
                    if 0 <= s < t <= n:
                        sub_title = e(f"{name} of {claim.type} {claim.id}: {sub.get('text', '')}")
                        spans.append((s, t, 2 * order + 1, f'<span class="m k-sub" title="{sub_title}">', "</span>"))
        spans.sort(key=lambda span: (span[0], -span[1], span[2]))
        out: list[str] = []
        stack: list[tuple[int, str]] = []  # (end, close tag)
        pos = 0
        for start, end, _, open_tag, close_tag in spans:
            while stack and stack[-1][0] <= start:
                top_end, close = stack.pop()
                out.append(escape(text[pos:top_end], quote=False))
                out.append(close)
                pos = max(pos, top_end)
            if stack and end > stack[-1][0]:
                end = stack[-1][0]  # partial overlap: clip to the enclosing mention
            out.append(escape(text[pos:start], quote=False))
            pos = max(pos, start)
            out.append(open_tag)
            stack.append((end, close_tag))
        while stack:
            top_end, close = stack.pop()
            out.append(escape(text[pos:top_end], quote=False))
            out.append(close)
            pos = max(pos, top_end)
        out.append(escape(text[pos:], quote=False))
        if not text:
            out.append('<span class="missing">(the full text is not part of this report)</span>')
        return "".join(out), missing


# --- module helpers -------------------------------------------------------------------------------


def _unique_ids(ids: Iterable[str], prefix: str) -> dict[str, str]:
    """Each id made safe for an HTML id and a URL fragment, unique even when two sanitise alike."""
    out: dict[str, str] = {}
    used: set[str] = set()
    for original in ids:
        if original in out:
            continue
        base = prefix + _UNSAFE_ID.sub("-", original)
        candidate, n = base, 2
        while candidate in used:
            candidate, n = f"{base}-{n}", n + 1
        used.add(candidate)
        out[original] = candidate
    return out


def _path(document: Document) -> str:
    return document.path if document.path != "-" else "<stdin>"


def _number(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.6g}"


def _plain(value: Any) -> str:
    if isinstance(value, float):
        return _number(value)
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, default=str)


_SIDED = re.compile(r"^([a-z])_(.+)$")


def _computed_table(computed: dict[str, Any]) -> str:
    """The rule's values: `a_x`/`b_x` pairs side by side (one column per claim), the rest on their own rows."""
    shown = {k: v for k, v in computed.items() if not k.endswith("_quote")}  # the quotes are shown above
    if not shown:
        return ""
    sides: list[str] = []
    sided: dict[str, dict[str, Any]] = {}
    single: list[tuple[str, Any]] = []
    for key, value in shown.items():
        match = _SIDED.match(key)
        if match:
            side, name = match.groups()
            if side not in sides:
                sides.append(side)
            sided.setdefault(name, {})[side] = value
        else:
            single.append((key, value))
    if len(sides) < 2:  # nothing to put side by side
        single, sided, sides = list(shown.items()), {}, []
    width = max(1, len(sides))
    out = ['<table class="computed"><caption>What the rule computed</caption>']
    if sides:
        out.append("<thead><tr><th></th>" + "".join(f"<th>{e(side)}</th>" for side in sides) + "</tr></thead>")
    out.append("<tbody>")
    for name, values in sided.items():
        cells = "".join(f"<td>{e(_plain(values[side])) if side in values else ''}</td>" for side in sides)
        out.append(f"<tr><th>{e(name)}</th>{cells}</tr>")
    for key, value in single:
        out.append(f'<tr><th>{e(key)}</th><td colspan="{width}">{e(_plain(value))}</td></tr>')
    out.append("</tbody></table>")
    return "".join(out)


def _is_year(claim: Claim) -> bool:
    """A value in years that names a year (2021), not a duration (25 years)."""
    value = claim.value
    return claim.unit == "year" and value is not None and float(value).is_integer() and int(value) in _YEAR_LIKE


def _kind(claim: Claim) -> str:
    unit = claim.unit or ""
    if len(unit) == 3 and unit.isupper():
        return "money"
    if unit == "percent":
        return "percent"
    if unit == "ordinal":
        return "ordinal"
    if _is_year(claim):
        return "year"
    if claim.value is None:
        return "date" if claim.date else "event"
    if unit:
        return "duration" if unit in ("year", "month", "week", "day", "decade", "hour") else "number"
    return "number"


def _value_text(claim: Claim) -> str:
    """The figure as a reader says it, with the words written when they differ."""
    if claim.value is None:
        return f"{claim.date} (“{claim.text}”)" if claim.date else claim.text
    if claim.unit == "ordinal":
        return f"no. {claim.value:.0f} (“{claim.text}”)"
    if _is_year(claim):
        shown = f"{claim.value:.0f}"
        return shown if claim.text == shown else f"{shown} (“{claim.text}”)"
    return claim.text


def _value_key(claim: Claim) -> tuple[Any, ...]:
    return (claim.value, claim.unit, claim.date)


def _quote_html(claim: Claim, document: Document | None) -> str:
    """The quote escaped, with the claim's own mention (the right occurrence when it repeats) in <mark>."""
    quote, needle = claim.quote, claim.text
    at = quote.find(needle) if needle else -1
    text = document.text if document else ""
    candidate, tries = at, 0
    while candidate >= 0 and text and tries < 20:  # the occurrence that sits at the claim's span
        begin = claim.span[0] - candidate
        if begin >= 0 and text.startswith(quote, begin):
            at = candidate
            break
        candidate, tries = quote.find(needle, candidate + 1), tries + 1
    if at < 0:  # the mention is not inside the quote as written: show both
        return e(_clip(quote)) + (f" <mark>{e(needle)}</mark>" if needle else "")
    stop = at + len(needle)
    begin = max(0, at - _QUOTE_MAX // 2) if len(quote) > _QUOTE_MAX else 0
    end = min(len(quote), stop + _QUOTE_MAX // 2) if len(quote) > _QUOTE_MAX else len(quote)
    return (
        ("…" if begin else "")
        + e(quote[begin:at])
        + f"<mark>{e(needle)}</mark>"
        + e(quote[stop:end])
        + ("…" if end < len(quote) else "")
    )


def _clip(quote: str) -> str:
    return quote if len(quote) <= _QUOTE_MAX else quote[:_QUOTE_MAX] + "…"


@dataclass
class _Row:
    """One timeline row: what one or more claims state about the same thing at the same time."""

    sort: dt.date
    label: str
    type: str
    subjects: tuple[str, ...]
    key: tuple[tuple[str, str], ...]
    scope: str
    ordered: bool
    claims: list[Claim] = field(default_factory=list)


def _timeline_rows(claims: list[Claim]) -> list[_Row]:
    """Claims with a date, a year or a period, and ordinals (dated by their occasion), grouped by what they state."""
    rows: dict[tuple[Any, ...], _Row] = {}
    for claim in claims:
        scope = ""
        if claim.unit == "ordinal":
            when = claim.date or claim.as_of
            if when is None:
                continue
            bucket: object
            sort, label, bucket = dt.date(when.year, when.month, 1), f"{when:%B %Y}", (when.year, when.month)
            for name in ("window", "gap"):
                sub = claim.fields.get(name)
                if isinstance(sub, dict) and sub.get("text"):
                    scope = f"{'within' if name == 'window' else 'after'} {sub['text']}"
        elif claim.date is not None:
            sort, label, bucket = claim.date, claim.date.isoformat(), claim.date
        elif _is_year(claim):
            assert claim.value is not None
            year = int(claim.value)
            sort, label, bucket = dt.date(year, 1, 1), str(year), year
        elif claim.period is not None:
            sort, label, bucket = claim.period.start, claim.period.label, claim.period.label
        else:
            continue
        subjects = tuple(claim.subjects)
        key = tuple(sorted(claim.key.items()))
        group = (sort, bucket, claim.type, subjects, key, scope)
        row = rows.get(group)
        if row is None:
            ordered = isinstance(claim.fields.get("roles"), dict) and len(claim.fields["roles"]) > 1
            row = rows[group] = _Row(sort, label, claim.type, subjects, key, scope, ordered)
        row.claims.append(claim)
    return sorted(rows.values(), key=lambda r: (r.sort, r.type, r.subjects, r.key, r.scope))
