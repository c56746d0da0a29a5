"""Terminal output: findings grouped by the document they are reported in, each a one-line
`path:line:col: severity [rule] message` followed by its quotes; a summary line at the end."""

from __future__ import annotations

import os
import sys

from checker.models import Claim, Document, Finding, Report, Severity

_COLOURS = {Severity.ERROR: "\033[31m", Severity.WARNING: "\033[33m", Severity.INFO: "\033[36m"}
_RESET = "\033[0m"


def _use_colour() -> bool:
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ


def render(report: Report) -> str:
    documents = {document.id: document for document in report.documents}
    claims = {claim.id: claim for claim in report.claims}
    colour = _use_colour()
    lines: list[str] = []
    for note in report.notes:
        lines.append(f"{_path(documents[note.document])}: note: {note.message}")
    if report.notes:
        lines.append("")
    by_document: dict[str, list[Finding]] = {}
    for finding in report.findings:
        by_document.setdefault(claims[finding.claims[0]].document, []).append(finding)
    for document_id in sorted(by_document, key=lambda d: _path(documents[d])):
        document = documents[document_id]
        lines.append(f"== {_path(document)} ({document.title or document.id}, {document.date or 'undated'})")
        for finding in by_document[document_id]:
            lines.extend(_finding(finding, documents, claims, colour))
            lines.append("")
    lines.append(_summary(report))
    return "\n".join(lines) + "\n"


def _path(document: Document) -> str:
    return document.path if document.path != "-" else "<stdin>"


def _finding(finding: Finding, documents: dict[str, Document], claims: dict[str, Claim], colour: bool) -> list[str]:
    first = claims[finding.claims[0]]
    document = documents[first.document]
    severity = finding.severity.value
    if colour:
        severity = f"{_COLOURS[finding.severity]}{severity}{_RESET}"
    column = document.column_of(first.span[0])
    head = f"{_path(document)}:{first.line}:{column}: {severity} [{finding.rule}] {finding.message}"
    out = [head]
    if finding.confidence != "high":
        out.append(f"    confidence: {finding.confidence} ({'; '.join(finding.doubts) or 'see the claims'})")
    shown: set[tuple[str, str]] = set()
    for claim_id in finding.claims:
        claim = claims[claim_id]
        if (claim.document, claim.quote) in shown:
            continue  # several claims of one sentence: quote it once
        shown.add((claim.document, claim.quote))
        source = documents[claim.document]
        label = source.title or source.id
        out.append(f"    {_path(source)}:{claim.line} ({label}, {source.date or 'undated'}):")
        out.append(f"      “{_highlight(claim, colour)}”")
    return out


def _highlight(claim: Claim, colour: bool) -> str:
    quote = claim.quote
    if len(quote) > 400:
        at = quote.find(claim.text)
        start = max(0, at - 180) if at >= 0 else 0
        quote = ("…" if start else "") + quote[start : start + 360] + "…"
    if colour and claim.text in quote:
        return quote.replace(claim.text, f"\033[1m{claim.text}{_RESET}", 1)
    return quote


def _summary(report: Report) -> str:
    s = report.summary
    line = f"{s.documents} document(s), {s.claims} claim(s): {s.errors} error(s), {s.warnings} warning(s), {s.infos} info"
    return line + (f"; {s.suppressed} known finding(s) suppressed by the baseline" if s.suppressed else "")
