"""JUnit XML, the test-report format GitLab, Jenkins and Azure DevOps already display.

One <testsuite> per document; one <testcase> per (document, rule) pair that produced a finding, with one
<failure> (message: the finding's message, or all of them joined when a rule fired more than once; type:
the highest severity) whose body lists each finding and its quotes. A document without findings gets a
single passing "claimcheck" testcase so clean articles show up as passed. A finding that spans two
documents fails in both of them.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from checker.models import Claim, Document, Finding, Report
from checker.report.sarif import artifact_path

# Characters XML 1.0 cannot carry at all, even escaped.
_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(text: str) -> str:
    return _INVALID_XML.sub("\ufffd", text)


def render(report: Report) -> str:
    """The <testsuites> document, UTF-8, with an XML declaration."""
    claims = {claim.id: claim for claim in report.claims}
    documents = {document.id: document for document in report.documents}
    by_document: dict[str, dict[str, list[Finding]]] = {document.id: {} for document in report.documents}
    for finding in report.findings:
        touched = dict.fromkeys(claims[c].document for c in finding.claims if c in claims)
        for document_id in touched:
            by_document.setdefault(document_id, {}).setdefault(finding.rule, []).append(finding)

    root = ET.Element("testsuites", name="claimcheck")
    total_tests = total_failures = 0
    for document_id, rules in by_document.items():
        document = documents.get(document_id)
        path = artifact_path(document.path) if document else document_id
        suite = ET.SubElement(root, "testsuite", name=_clean(path))
        if not rules:
            ET.SubElement(suite, "testcase", name="claimcheck", classname=_clean(path), file=_clean(path))
        for rule, findings in rules.items():
            case = ET.SubElement(suite, "testcase", name=rule, classname=_clean(path), file=_clean(path))
            worst = max(findings, key=lambda f: f.severity.rank).severity
            message = findings[0].message if len(findings) == 1 else "; ".join(f.message for f in findings)
            failure = ET.SubElement(case, "failure", message=_clean(message), type=worst.value)
            failure.text = _clean("\n\n".join(_details(finding, claims, documents) for finding in findings))
        tests, failures = max(len(rules), 1), len(rules)
        suite.set("tests", str(tests))
        suite.set("failures", str(failures))
        suite.set("errors", "0")
        suite.set("skipped", "0")
        total_tests += tests
        total_failures += failures
    root.set("tests", str(total_tests))
    root.set("failures", str(total_failures))
    root.set("errors", "0")
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _details(finding: Finding, claims: dict[str, Claim], documents: dict[str, Document]) -> str:
    lines = [f"{finding.id} {finding.severity.value} [{finding.rule}] {finding.message}"]
    if finding.confidence != "high":
        lines.append(f"confidence: {finding.confidence}")
    for claim_id in finding.claims:
        claim = claims.get(claim_id)
        if claim is None:
            continue
        document = documents.get(claim.document)
        where = artifact_path(document.path) if document else claim.document
        lines.append(f"  {where}:{claim.line}: “{claim.quote}”")
    return "\n".join(lines)
