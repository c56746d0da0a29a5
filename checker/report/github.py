"""GitHub Actions workflow commands, so findings show as annotations on the pull request's changed files.

One `::error|warning|notice file=…,line=…,col=…,endLine=…,endColumn=…,title=<rule>::<message>` line per
finding, placed at its first claim; the other claims' locations are listed in the message. Columns are
1-based and endColumn is the last character's column (inclusive); GitHub only accepts columns when a
span stays on one line, so they are left out otherwise. Escaping follows @actions/core.
"""

from __future__ import annotations

from checker.models import Claim, Document, Finding, Report, Severity
from checker.report.sarif import artifact_path, claim_region

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    """A command's message: %, CR and LF are percent-encoded so a message stays on one line."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A property value: as data, plus ':' and ',' which separate properties."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render(report: Report) -> str:
    """One workflow command per finding; empty output when there are none."""
    documents = {document.id: document for document in report.documents}
    claims = {claim.id: claim for claim in report.claims}
    lines = [_command(finding, documents, claims) for finding in report.findings]
    return "".join(line + "\n" for line in lines)


def _where(document: Document, claim: Claim) -> str:
    position = claim_region(document, claim)
    column = f":{position[1]}" if position else ""
    return f"{artifact_path(document.path)}:{claim.line}{column}"


def _command(finding: Finding, documents: dict[str, Document], claims: dict[str, Claim]) -> str:
    involved = [claims[claim_id] for claim_id in finding.claims if claim_id in claims]
    properties: list[tuple[str, str]] = []
    message = finding.message
    if involved:
        first = involved[0]
        document = documents[first.document]
        if document.path != "-":
            properties.append(("file", artifact_path(document.path)))
        position = claim_region(document, first)
        if position is None:
            properties.append(("line", str(first.line)))
        else:
            start_line, start_column, end_line, end_column = position
            last_column = end_column - 1 if end_column > 1 else end_column
            properties.append(("line", str(start_line)))
            if start_line == end_line:
                properties.append(("col", str(start_column)))
            properties.append(("endLine", str(end_line)))
            if start_line == end_line:
                properties.append(("endColumn", str(last_column)))
        others = [f"{_where(documents[claim.document], claim)} “{claim.text}”" for claim in involved[1:]]
        if others:
            message += "\nOther claim(s): " + "; ".join(others)
    properties.append(("title", finding.rule))
    head = ",".join(f"{name}={escape_property(value)}" for name, value in properties)
    return f"::{COMMANDS[finding.severity]} {head}::{escape_data(message)}"
