"""SARIF 2.1.0, so code-scanning UIs (GitHub, GitLab, IDEs) can pin each finding to the exact figures it compares.

One run, one result per finding; every claim of a finding is a location whose region is the claim's span
(1-based lines and columns counted in Unicode code points, end column exclusive). The helpers
`artifact_path` and `claim_region` are shared by the other CI formatters so they all point at the same place.
"""

from __future__ import annotations

import json
from pathlib import Path, PurePath
from typing import Any
from urllib.parse import quote

from checker.models import Claim, Document, Finding, Report, RuleInfo, Severity

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
# Placeholder until the project has a public home page; SARIF viewers link the tool name to it.
INFORMATION_URI = "https://github.com/claimcheck/claimcheck"
SRCROOT = "%SRCROOT%"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def artifact_path(path: str) -> str:
    """The path CI tools expect: '-' is 'stdin'; an absolute path under the working directory is made
    relative to it (GitHub and GitLab match annotations against repository-relative paths); '/' separators."""
    if path == "-":
        return "stdin"
    pure = Path(path)
    if pure.is_absolute():
        try:
            pure = pure.relative_to(Path.cwd())
        except ValueError:
            return pure.as_posix()
    return PurePath(pure).as_posix()


def claim_region(document: Document, claim: Claim) -> tuple[int, int, int, int] | None:
    """(start line, start column, end line, end column exclusive), 1-based; None when the document text
    is not at hand (a report read back from JSON) and only `claim.line` is known."""
    start, end = claim.span
    if document.text[start:end] != claim.text:
        return None
    return document.line_of(start), document.column_of(start), document.line_of(end), document.column_of(end)


def render(report: Report) -> str:
    """The SARIF log as indented JSON, with the report's rule metadata as help text."""
    documents = {document.id: document for document in report.documents}
    claims = {claim.id: claim for claim in report.claims}
    known = {rule.id: rule for rule in report.rules}
    rule_ids: list[str] = []
    for finding in report.findings:
        if finding.rule not in rule_ids:
            rule_ids.append(finding.rule)
    index = {rule_id: position for position, rule_id in enumerate(rule_ids)}
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "claimcheck",
                "version": report.tool_version,
                "semanticVersion": report.tool_version,
                "informationUri": INFORMATION_URI,
                "rules": [_rule(rule_id, known.get(rule_id)) for rule_id in rule_ids],
            }
        },
        "invocations": [_invocation(report, documents)],
        "columnKind": "unicodeCodePoints",
        "results": [_result(finding, index[finding.rule], documents, claims) for finding in report.findings],
    }
    log = {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"


def _rule(rule_id: str, rule: RuleInfo | None) -> dict[str, Any]:
    descriptor: dict[str, Any] = {"id": rule_id}
    if rule is None:
        return descriptor
    doc = rule.doc
    descriptor["shortDescription"] = {"text": rule.description}
    descriptor["fullDescription"] = {"text": doc.what}
    descriptor["help"] = {
        "text": f"{doc.what}\n\nWhy: {doc.why}\n\nExample: {doc.example}",
        "markdown": f"{doc.what}\n\n**Why:** {doc.why}\n\n**Example:** {doc.example}",
    }
    if rule.link:
        descriptor["helpUri"] = rule.link
    descriptor["defaultConfiguration"] = {"level": LEVELS[rule.severity]}
    return descriptor


def _artifact(path: str) -> dict[str, str]:
    shown = artifact_path(path)
    if PurePath(shown).is_absolute():
        return {"uri": Path(shown).as_uri()}
    return {"uri": quote(shown, safe="/"), "uriBaseId": SRCROOT}


def _location(document: Document, claim: Claim) -> dict[str, Any]:
    region: dict[str, Any]
    position = claim_region(document, claim)
    if position is None:
        region = {"startLine": claim.line}
    else:
        start_line, start_column, end_line, end_column = position
        region = {
            "startLine": start_line,
            "startColumn": start_column,
            "endLine": end_line,
            "endColumn": end_column,
            "charOffset": claim.span[0],
            "charLength": claim.span[1] - claim.span[0],
        }
    region["snippet"] = {"text": claim.text}
    return {"physicalLocation": {"artifactLocation": _artifact(document.path), "region": region}}


def _result(finding: Finding, rule_index: int, documents: dict[str, Document], claims: dict[str, Claim]) -> dict[str, Any]:
    involved = [claims[claim_id] for claim_id in finding.claims if claim_id in claims]
    locations = [_location(documents[claim.document], claim) for claim in involved]
    result: dict[str, Any] = {
        "ruleId": finding.rule,
        "ruleIndex": rule_index,
        "level": LEVELS[finding.severity],
        "message": {"text": finding.message},
        "locations": locations,
        "partialFingerprints": {"claimcheck/v1": finding.fingerprint},
        "properties": {
            "findingId": finding.id,
            "confidence": finding.confidence,
            "computed": finding.model_dump(mode="json")["computed"],
        },
    }
    if len(locations) > 1:
        # GitHub code scanning shows only the first location; the others stay visible as related ones.
        result["relatedLocations"] = [
            {**location, "id": number, "message": {"text": f"also stated as “{claim.text}”: {claim.quote}"}}
            for number, (location, claim) in enumerate(zip(locations[1:], involved[1:], strict=True), start=1)
        ]
    return result


def _invocation(report: Report, documents: dict[str, Document]) -> dict[str, Any]:
    notifications = [
        {
            "level": "note",
            "message": {"text": note.message},
            "locations": [{"physicalLocation": {"artifactLocation": _artifact(documents[note.document].path)}}],
        }
        for note in report.notes
        if note.document in documents
    ]
    invocation: dict[str, Any] = {"executionSuccessful": True}
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    return invocation
