"""A Markdown summary for a pull-request comment or $GITHUB_STEP_SUMMARY: counts, a findings table, the quotes.

Text from articles is escaped (backslash before Markdown punctuation, `$` included so GitHub does not read
figures as math; line breaks become <br> in table cells), so a quote can never break the table.
"""

from __future__ import annotations

import re

from checker.models import Claim, Document, Finding, Report
from checker.report.sarif import artifact_path

_SPECIAL = re.compile(r"([\\`*_\[\]<>|$~#])")
_NEWLINES = re.compile(r"\r\n|\r|\n")


def escape(text: str) -> str:
    """Inline text that renders literally, on one line."""
    return _NEWLINES.sub(" ", _SPECIAL.sub(r"\\\1", text))


def cell(text: str) -> str:
    """A table cell: escaped, line breaks kept as <br>."""
    return "<br>".join(escape(line) for line in _NEWLINES.split(text))


def render(report: Report) -> str:
    documents = {document.id: document for document in report.documents}
    claims = {claim.id: claim for claim in report.claims}
    s = report.summary
    counts = [f"{s.documents} document(s)", f"{s.claims} claim(s)", f"{s.errors} error(s)", f"{s.warnings} warning(s)"]
    if s.infos:
        counts.append(f"{s.infos} info")
    lines = ["## claimcheck", "", " · ".join(counts), ""]
    if not report.findings:
        lines += ["No findings.", ""]
    else:
        lines += ["| Severity | Rule | Where | Message |", "| --- | --- | --- | --- |"]
        for finding in report.findings:
            where = "<br>".join(cell(_where(claims[c], documents)) for c in finding.claims if c in claims)
            lines.append(f"| {finding.severity.value} | {cell(finding.rule)} | {where} | {cell(finding.message)} |")
        lines.append("")
        for finding in report.findings:
            lines += _quotes(finding, claims, documents)
    if report.notes:
        lines += ["### Notes", ""]
        for note in report.notes:
            document = documents.get(note.document)
            name = artifact_path(document.path) if document else note.document
            lines.append(f"- {escape(name)}: {escape(note.message)}")
        lines.append("")
    return "\n".join(lines)


def _where(claim: Claim, documents: dict[str, Document]) -> str:
    document = documents.get(claim.document)
    return f"{artifact_path(document.path) if document else claim.document}:{claim.line}"


def _quotes(finding: Finding, claims: dict[str, Claim], documents: dict[str, Document]) -> list[str]:
    confidence = f" (confidence: {finding.confidence})" if finding.confidence != "high" else ""
    out = [f"**{finding.id}** {finding.severity.value} `{finding.rule}`{confidence}", ""]
    for claim_id in finding.claims:
        claim = claims.get(claim_id)
        if claim is None:
            continue
        before, found, after = claim.quote.partition(claim.text)
        quote = f"{escape(before)}**{escape(found)}**{escape(after)}" if found else escape(claim.quote)
        out += [f"> {quote}", ">", f"> — {escape(_where(claim, documents))}", ""]
    return out
