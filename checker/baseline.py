"""Baselines: record today's findings by fingerprint so a gate reports only new ones.

A fingerprint is the rule plus each claim's type, document and normalised text (see
checker.rules.base.fingerprint): inserting lines above a finding or reflowing whitespace keeps it.
"""

from __future__ import annotations

import json
from pathlib import Path

from checker.errors import InputError
from checker.models import Report, Severity, Summary

BASELINE_VERSION = 1


def write_baseline(report: Report, path: Path) -> int:
    entries = {
        finding.fingerprint: {"rule": finding.rule, "message": finding.message} for finding in report.findings
    }
    payload = {"version": BASELINE_VERSION, "tool": "claimcheck", "findings": dict(sorted(entries.items()))}
    try:
        path.write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    except OSError as error:
        raise InputError(f"{path}: cannot write baseline: {error.strerror or error}") from None
    return len(entries)


def read_baseline(path: Path) -> set[str]:
    try:
        payload = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise InputError(f"{path}: cannot read baseline: {error.strerror or error}") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise InputError(f"{path}: not a claimcheck baseline: {error}") from None
    if not isinstance(payload, dict) or payload.get("version") != BASELINE_VERSION:
        raise InputError(f"{path}: not a claimcheck baseline (version {BASELINE_VERSION} expected)")
    findings = payload.get("findings")
    if not isinstance(findings, dict):
        raise InputError(f"{path}: baseline has no 'findings' object")
    return set(findings)


def apply_baseline(report: Report, known: set[str]) -> Report:
    """The report without findings the baseline records; the summary counts what was left out."""
    kept = [finding for finding in report.findings if finding.fingerprint not in known]
    summary = Summary(
        documents=report.summary.documents,
        claims=report.summary.claims,
        errors=sum(f.severity is Severity.ERROR for f in kept),
        warnings=sum(f.severity is Severity.WARNING for f in kept),
        infos=sum(f.severity is Severity.INFO for f in kept),
        suppressed=len(report.findings) - len(kept),
    )
    return report.model_copy(update={"findings": kept, "summary": summary})
