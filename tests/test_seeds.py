"""The five seed articles agree with each other: the first end-to-end test and demo."""

from __future__ import annotations

import datetime as dt

from checker.models import Claim, Report, Severity


def _claims(report: Report, claim_type: str, document_prefix: str | None = None) -> list[Claim]:
    return [
        claim
        for claim in report.claims
        if claim.type == claim_type and (document_prefix is None or claim.document.startswith(document_prefix))
    ]


def test_seeds_have_no_error(seed_report: Report) -> None:
    assert [f for f in seed_report.findings if f.severity is Severity.ERROR] == []


def test_seed_documents_are_dated(seed_report: Report) -> None:
    dates = {d.id[:3]: (d.date, d.date_origin) for d in seed_report.documents}
    assert dates["000"] == (dt.date(2024, 7, 12), "date-line")
    assert dates["001"] == (dt.date(2023, 5, 17), "dateline")
    assert dates["003"] == (dt.date(2024, 7, 4), "dateline")
    assert dates["004"] == (dt.date(2024, 7, 2), "date-line")
    # 002 has no date of its own; the press briefing it reports is dated by 000 and 003.
    assert dates["002"] == (dt.date(2024, 7, 3), "inferred-same-event")


def test_trade_volume_2023_from_two_sources(seed_report: Report) -> None:
    trade = [c for c in _claims(seed_report, "trade-volume") if c.period and c.period.label == "2023"]
    assert {c.document[:3] for c in trade} == {"002", "003"}
    assert all(c.value == 41e9 and c.unit == "USD" and c.subjects == ["China", "Kazakhstan"] for c in trade)


def test_visit_ordinals(seed_report: Report) -> None:
    visits = _claims(seed_report, "visit-ordinal")
    fifth = [c for c in visits if c.value == 5]
    assert {c.document[:3] for c in fifth} == {"000", "003"}
    assert all(c.subjects == ["Xi Jinping", "Kazakhstan"] for c in visits)
    (second,) = [c for c in visits if c.value == 2]
    assert second.fields["window"]["text"] == "less than two years"


def test_partnership_years_and_relations(seed_report: Report) -> None:
    levels = {c.key["level"]: c.value for c in _claims(seed_report, "partnership-upgrade")}
    assert levels == {"strategic": 2005, "comprehensive strategic": 2011, "permanent comprehensive strategic": 2019}
    assert [c.value for c in _claims(seed_report, "diplomatic-relations")] == [1992]
    assert {c.value for c in _claims(seed_report, "relations-duration")} == {32}


def test_investment_projects_and_counts(seed_report: Report) -> None:
    (investment,) = _claims(seed_report, "investment-total")
    assert investment.value == 25e9 and investment.qualifier == "approx"
    assert investment.subjects == ["China", "Kazakhstan"]
    assert investment.period is not None and investment.period.label == "2009/2024"
    (portfolio,) = _claims(seed_report, "project-portfolio")
    assert portfolio.value == 14.5e9 and portfolio.fields["count"]["value"] == 45
    (enterprises,) = _claims(seed_report, "enterprise-count")
    assert enterprises.value == 4700 and enterprises.qualifier == "over"


def test_tourism_years(seed_report: Report) -> None:
    years = {(c.subjects[0], c.document[:3], c.value) for c in _claims(seed_report, "themed-year")}
    assert ("China", "000", 2025) in years  # "next year", written in 2024
    assert ("China", "003", 2025) in years
    assert ("Kazakhstan", "001", 2024) in years
    assert ("Kazakhstan", "003", 2024) in years  # "In March", written in July 2024


def test_four_principles(seed_report: Report) -> None:
    (principles,) = _claims(seed_report, "enumeration", "004")
    assert principles.value == 4
    assert principles.fields["items"] == [
        "mutual respect",
        "good neighborly friendship",
        "solidarity in trying times",
        "mutual benefit",
    ]


def test_spans_slice_the_file_text(seed_report: Report) -> None:
    texts = {d.id: d.text for d in seed_report.documents}
    for claim in seed_report.claims:
        start, end = claim.span
        assert texts[claim.document][start:end] == claim.text
