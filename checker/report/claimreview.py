"""schema.org ClaimReview JSON-LD, one per error-level finding, for publishing a fact-check.

Only errors are emitted: they rest on strong evidence (dated sources, exact figures). Warnings need a
fact-checker's confirmation first; `--fail-on` and baselines do not change what is emitted.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from checker.models import Claim, Document, Finding, Report, Severity


def render(report: Report) -> str:
    documents = {document.id: document for document in report.documents}
    claims = {claim.id: claim for claim in report.claims}
    reviews = [
        _review(finding, [claims[i] for i in finding.claims], documents)
        for finding in report.findings
        if finding.severity is Severity.ERROR
    ]
    return json.dumps(reviews, indent=2, ensure_ascii=False) + "\n"


def _review(finding: Finding, claims: list[Claim], documents: dict[str, Document]) -> dict[str, Any]:
    reviewed = claims[0]
    source = documents[reviewed.document]
    others = sorted({documents[c.document].title or c.document for c in claims[1:] if c.document != reviewed.document})
    verdict = "Contradicted by " + "; ".join(others) if others else "Internally inconsistent"
    review: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": _uri(source) + f"#claimcheck-{finding.fingerprint}",
        "claimReviewed": reviewed.quote,
        "itemReviewed": {
            "@type": "Claim",
            "author": {"@type": "Organization", "name": source.source or source.title or source.id},
            "appearance": {"@type": "CreativeWork", "url": _uri(source), "headline": source.title or source.id},
        },
        "author": {"@type": "Organization", "name": "claimcheck"},
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": 1,
            "bestRating": 5,
            "worstRating": 1,
            "alternateName": verdict,
        },
        "reviewBody": finding.message,
    }
    if source.date:
        review["itemReviewed"]["datePublished"] = source.date.isoformat()
    return review


def _uri(document: Document) -> str:
    return "stdin:" if document.path == "-" else Path(document.path).resolve().as_uri()
