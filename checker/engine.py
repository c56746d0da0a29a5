"""Rules x claim index -> Findings, numbered in a deterministic order."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from checker.models import Claim, Document, Finding, Severity
from checker.rules.base import RuleBase, Verdict, fingerprint, render


class ClaimIndex:
    """Claims by type, and the documents they came from, for rule kinds to query."""

    def __init__(
        self, documents: Iterable[Document], claims: Iterable[Claim], archived: frozenset[str] = frozenset()
    ) -> None:
        self.documents = {document.id: document for document in documents}
        self.archived = archived  # ids of claims from an archive: a conflict among them alone is old news
        self.by_type: dict[str, list[Claim]] = defaultdict(list)
        # A canonical order, so findings do not depend on which claims came from an archive.
        for claim in sorted(claims, key=lambda c: (c.document, c.span, c.type)):
            self.by_type[claim.type].append(claim)

    def of(self, *types: str) -> list[Claim]:
        return [claim for claim_type in types for claim in self.by_type.get(claim_type, [])]

    @staticmethod
    def identity(claim: Claim) -> tuple[str, ...]:
        """What makes two claims about the same fact: type, subjects and key fields (not the period)."""
        return (claim.type, *claim.subjects, *(f"{k}={v}" for k, v in sorted(claim.key.items())))


def run_rules(rules: list[RuleBase], index: ClaimIndex) -> list[Finding]:
    findings: list[Finding] = []
    for rule in rules:
        for verdict in rule.check(index):
            findings.append(_finding(rule, verdict))
    findings.sort(key=lambda f: (-f.severity.rank, f.rule, f.claims))
    for number, finding in enumerate(findings, start=1):
        finding.id = f"F{number}"
    return findings


def _finding(rule: RuleBase, verdict: Verdict) -> Finding:
    doubtful = [claim for claim in verdict.claims if not claim.certain and claim not in verdict.corroborated]
    certain = verdict.certain and not doubtful
    doubts = [verdict.doubt] if not verdict.certain and verdict.doubt else []
    doubts += [_doubt(claim) for claim in doubtful]
    severity = rule.severity if certain or rule.severity is not Severity.ERROR else Severity.WARNING
    confidence = "high" if certain else "medium"
    computed = {k: v for k, v in verdict.values.items() if not k.startswith("_")}
    return Finding(
        id="",
        rule=rule.id,
        severity=severity,
        message=render(rule.message, verdict.values),
        claims=[claim.id for claim in [*verdict.claims, *verdict.support]],
        computed=computed,
        confidence=confidence,
        doubts=list(dict.fromkeys(doubts)),
        fingerprint=fingerprint(rule.id, verdict.claims),
    )


def _doubt(claim: Claim) -> str:
    """Why a claim is uncertain, as the claims stage recorded it ('guessed subjects', 'relative date')."""
    doubts = claim.fields.get("doubts")
    why = ", ".join(str(doubt) for doubt in doubts) if isinstance(doubts, list) else "uncertain"
    return f"{why} in '{claim.text}' ({claim.document})"
