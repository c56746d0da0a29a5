"""One-edit variants of the seeds: each is flagged, naming both sides; rounding and periods stay quiet."""

from __future__ import annotations

import pytest

from checker.models import Finding, Report, Severity
from tests.conftest import CheckEdited

VARIANTS = {
    "visit ordinal": ("000", "fifth visit", "third visit", "visit-timeline", {"000", "003"}),
    "trade volume": ("002", "$41 billion last year", "$38 billion last year", "trade-volume-agrees", {"002", "003"}),
    "partnership year": (
        "003",
        "strategic partnership in 2005",
        "strategic partnership in 2013",
        "partnership-order",
        {"003"},
    ),
    "press weekday": (
        "003",
        "the press with Tokayev on Wednesday",
        "the press with Tokayev on Monday",
        "event-weekday",
        {"000", "003"},
    ),
    "tourism year": ("003", "Kazakhstan in 2025", "Kazakhstan in 2026", "milestone-year-agrees", {"000", "003"}),
    "principles": ("004", "four fundamental principles", "three fundamental principles", "enumeration-count", {"004"}),
    "years of relations": ("000", "32 years", "30 years", "relations-anniversary", {"000", "003"}),
    "meeting gap": ("000", "gap of 9 months", "gap of 5 months", "meeting-timeline", {"000", "003"}),
}


def _flagged(report: Report) -> list[Finding]:
    return [f for f in report.findings if f.severity.rank >= Severity.WARNING.rank]


@pytest.mark.parametrize("name", VARIANTS)
def test_variant_is_flagged_naming_both_sides(name: str, check_edited: CheckEdited) -> None:
    prefix, old, new, rule, documents = VARIANTS[name]
    report = check_edited({prefix: (old, new)})
    findings = [f for f in _flagged(report) if f.rule == rule]
    assert len(findings) == 1, report.findings
    claims = {c.id: c for c in report.claims}
    involved = [claims[i] for i in findings[0].claims]
    assert {c.document[:3] for c in involved} == documents
    assert any(c.document.startswith(prefix) and new in c.quote for c in involved)
    assert len(_flagged(report)) == 1, "the edit must not set off unrelated findings"


def test_trade_conflict_is_a_warning_when_the_date_is_inferred(check_edited: CheckEdited) -> None:
    report = check_edited({"002": ("$41 billion last year", "$38 billion last year")})
    (finding,) = _flagged(report)
    assert finding.severity is Severity.WARNING and finding.confidence == "medium"


def test_trade_conflict_is_an_error_between_dated_sources(check_edited: CheckEdited) -> None:
    extra = "---\ndate: 2024-02-01\n---\nTwo-way trade between China and Kazakhstan reached $38 billion in 2023.\n"
    report = check_edited(extra={"900_extra.md": extra})
    (error,) = report.findings
    assert error.severity is Severity.ERROR and error.confidence == "high"
    assert "$38 billion" in error.message and "$41 billion" in error.message
    # One finding at the odd figure, against both sources that agree; 002, whose year is inferred from an
    # undated text, is listed after 003 but does not weaken the error that the dated 003 supports.
    assert [c.split("#")[0][:3] for c in error.claims] == ["900", "003", "002"]


def test_rounded_investment_stays_quiet(check_edited: CheckEdited) -> None:
    extra = (
        "---\ndate: 2024-07-05\n---\n"
        "Chinese investment in Kazakhstan has reached $24.6 billion over the past 15 years, officials said.\n"
    )
    report = check_edited(extra={"900_extra.md": extra})
    investment = [c for c in report.claims if c.type == "investment-total"]
    assert len(investment) == 2, "both figures must be read for the silence to mean something"
    assert _flagged(report) == []


def test_half_year_figure_is_not_compared_with_full_year(check_edited: CheckEdited) -> None:
    extra = (
        "---\ndate: 2024-08-01\n---\n"
        "In the first half of 2023, bilateral trade between China and Kazakhstan reached $19.6 billion.\n"
    )
    report = check_edited(extra={"900_extra.md": extra})
    (half,) = [c for c in report.claims if c.type == "trade-volume" and c.document == "900_extra"]
    assert half.period is not None and half.period.label == "2023-H1"
    assert _flagged(report) == []


def test_cumulative_totals_at_different_dates_stay_quiet(check_edited: CheckEdited) -> None:
    extra = "---\ndate: 2021-03-01\n---\nChinese investment in Kazakhstan has reached about $19 billion over the past 15 years.\n"
    report = check_edited(extra={"900_extra.md": extra})
    assert _flagged(report) == []
