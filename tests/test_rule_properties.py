"""Property tests for rules: the same fact written differently never conflicts; a real change always does."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.ingest import parse_document
from checker.models import Claim, Report
from checker.pipeline import check_documents
from checker.rules.loader import DEFAULT_PACK, Pack, load_pack

PACK = load_pack([DEFAULT_PACK])
PAIRS = st.sampled_from([("China", "Kazakhstan"), ("India", "Brazil"), ("Germany", "Turkey"), ("Japan", "Vietnam")])


def check(*texts: str) -> Report:
    documents = [
        parse_document(text, path=f"doc-{number}.md", date_override=dt.date(2024, 3, 1) + dt.timedelta(days=number))
        for number, text in enumerate(texts)
    ]
    for document, number in zip(documents, range(len(documents)), strict=True):
        document.id = f"doc-{number}"
    return check_documents(documents, PACK)


def styles(billions: int) -> list[str]:
    """One figure, written the ways news writes it."""
    return [
        f"${billions} billion",
        f"{billions}bn dollars",
        f"USD {billions} billion",
        f"${billions * 1000:,} million",
        f"US${billions}bn",
    ]


@settings(max_examples=25, deadline=None)
@given(PAIRS, st.integers(min_value=1, max_value=900), st.data())
def test_one_figure_in_any_style_never_conflicts(pair: tuple[str, str], billions: int, data: st.DataObject) -> None:
    a, b = data.draw(st.sampled_from(styles(billions))), data.draw(st.sampled_from(styles(billions)))
    report = check(
        f"Bilateral trade between {pair[0]} and {pair[1]} reached {a} in 2023.",
        f"Two-way trade between {pair[1]} and {pair[0]} stood at {b} in 2023.",
    )
    assert len([c for c in report.claims if c.type == "trade-volume"]) == 2
    assert report.findings == []


@settings(max_examples=25, deadline=None)
@given(PAIRS, st.integers(min_value=10, max_value=900), st.integers(min_value=2, max_value=50))
def test_a_figure_off_by_more_than_rounding_always_conflicts(pair: tuple[str, str], billions: int, off: int) -> None:
    report = check(
        f"Bilateral trade between {pair[0]} and {pair[1]} reached ${billions} billion in 2023.",
        f"Two-way trade between {pair[0]} and {pair[1]} stood at ${billions + off} billion in 2023.",
    )
    assert [f.rule for f in report.findings] == ["trade-volume-agrees"]


@settings(max_examples=15, deadline=None)
@given(PAIRS, st.integers(min_value=10, max_value=900), st.integers(min_value=2, max_value=50), st.data())
def test_one_figure_against_several_that_agree_is_one_finding(
    pair: tuple[str, str], billions: int, off: int, data: st.DataObject
) -> None:
    agreeing = data.draw(st.lists(st.sampled_from(styles(billions)), min_size=2, max_size=4))
    odd_at = data.draw(st.integers(min_value=0, max_value=len(agreeing)))
    texts = [f"Trade between {pair[0]} and {pair[1]} reached {figure} in 2023." for figure in agreeing]
    texts.insert(odd_at, f"Trade between {pair[0]} and {pair[1]} reached ${billions + off} billion in 2023.")
    report = check(*texts)
    [finding] = report.findings
    claims = {claim.id: claim for claim in report.claims}
    assert claims[finding.claims[0]].document == f"doc-{odd_at}"  # reported at the odd one out
    assert sorted(claims[c].document for c in finding.claims) == sorted(f"doc-{n}" for n in range(len(texts)))


@settings(max_examples=20, deadline=None)
@given(PAIRS, st.integers(min_value=20, max_value=900), st.data())
def test_different_periods_or_about_never_conflict(pair: tuple[str, str], billions: int, data: st.DataObject) -> None:
    near = data.draw(st.integers(min_value=-(-billions * 95 // 100), max_value=billions * 105 // 100))  # within 5%
    report = check(
        f"Bilateral trade between {pair[0]} and {pair[1]} reached about ${billions} billion in 2023.",
        f"Two-way trade between {pair[0]} and {pair[1]} stood at ${near} billion in 2023.",
        f"In the first half of 2023, trade between {pair[0]} and {pair[1]} reached ${data.draw(st.integers(1, 900))} billion.",
    )
    assert report.findings == []


@settings(max_examples=20, deadline=None)
@given(PAIRS, st.lists(st.integers(min_value=1950, max_value=2024), min_size=3, max_size=3, unique=True))
def test_partnership_levels_order(pair: tuple[str, str], years: list[int]) -> None:
    low, middle, high = sorted(years)
    text = (
        f"{pair[0]} and {pair[1]} formed a strategic partnership in {{0}}, then a comprehensive strategic "
        f"partnership in {{1}} and a permanent comprehensive strategic partnership in {{2}}."
    )
    assert check(text.format(low, middle, high)).findings == []
    swapped = check(text.format(high, middle, low))
    assert {f.rule for f in swapped.findings} == {"partnership-order"}


@settings(max_examples=20, deadline=None)
@given(PAIRS, st.integers(min_value=10, max_value=500), st.integers(min_value=1, max_value=60))
def test_growth_recomputed_from_exact_figures_never_conflicts(pair: tuple[str, str], base: int, growth: int) -> None:
    current = round(base * (1 + growth / 100))
    report = check(
        f"In 2023, two-way trade between {pair[0]} and {pair[1]} was up {growth} percent to ${current} billion.",
        f"Bilateral trade between {pair[0]} and {pair[1]} reached ${base} billion in 2022.",
    )
    assert report.findings == []


def test_a_range_agrees_with_a_figure_inside_it_and_conflicts_with_one_outside() -> None:
    stated = "Bilateral trade between China and Kazakhstan grew between 5 and 10 percent in 2023."
    inside = check(stated, "Two-way trade between China and Kazakhstan grew 9 percent in 2023.")
    assert [(c.low, c.high) for c in inside.claims if c.type == "trade-growth"][0] == (5, 10)
    assert inside.findings == []
    outside = check(stated, "Two-way trade between China and Kazakhstan grew 12 percent in 2023.")
    assert [f.rule for f in outside.findings] == ["trade-growth-agrees"]


def test_a_money_range_agrees_with_an_amount_inside_it() -> None:
    stated = "Bilateral trade between China and Kazakhstan was $20-30 billion in 2023."
    assert check(stated, "Two-way trade between China and Kazakhstan reached $28 billion in 2023.").findings == []
    outside = check(stated, "Two-way trade between China and Kazakhstan reached $45 billion in 2023.")
    assert outside.findings and all(f.rule.startswith("trade") for f in outside.findings)


def test_a_figure_before_a_year_is_not_a_figure_of_that_year() -> None:
    report = check(
        "Before 2018, bilateral trade between China and Kazakhstan was $10 billion a year.",
        "Bilateral trade between China and Kazakhstan reached $12 billion in 2018.",
    )
    assert sorted(c.period.label for c in report.claims if c.period) == ["../2017-12-31", "2018"]
    assert report.findings == []


def test_derive_shifts_calendar_periods_only() -> None:
    from checker.rules.kinds.derive import _shift

    assert [_shift(label, -1) for label in ("2024", "2024-H1", "2024-Q3", "2024-07")] == [
        "2023", "2023-H1", "2023-Q3", "2023-07"
    ]  # fmt: skip
    assert _shift("2017-01-01/..", -1) != "2016-01-01/.."  # an open period has no year-earlier twin


def test_a_change_in_points_is_no_growth_rate() -> None:
    report = check(
        "In 2023, bilateral trade between China and Kazakhstan rose 2 percentage points.",
        "In 2023, two-way trade between China and Kazakhstan rose 25 basis points, or 12 percent.",
    )
    assert [(c.type, c.value) for c in report.claims if c.type == "trade-growth"] == [("trade-growth", 12)]


def test_a_fiscal_year_is_compared_with_the_same_fiscal_year_only() -> None:
    fiscal = "Bilateral trade between India and Japan reached $21.9 billion in FY23."
    assert check(fiscal, "Bilateral trade between India and Japan reached $22.8 billion in 2023.").findings == []
    other = check(fiscal, "In FY2022-23, two-way trade between India and Japan was $25 billion.")
    assert [f.rule for f in other.findings] == ["trade-volume-agrees"]


def test_a_share_is_no_count() -> None:
    report = check(
        "A third of Indian students in Australia study IT.", "Some 120,000 Indian students study in Australia."
    )
    assert [(c.type, c.value) for c in report.claims] == [("student-count", 120000)]
    assert report.findings == []


def test_a_claim_whose_parties_are_a_guess_is_at_most_a_warning() -> None:
    report = check(
        "The United States overtook China as India's largest trading partner in 2023, with bilateral trade of $118 "
        "billion.",
        "Trade between the United States and China fell to $664 billion in 2023.",
    )
    assert [(f.rule, f.severity) for f in report.findings] == [("trade-volume-agrees", "warning")]


def test_a_relative_date_inside_a_quotation_is_at_most_a_warning() -> None:
    dated = "On February 28, 2024, Macron and Xi Jinping jointly met the press in Paris."
    quoted = '"At yesterday\'s press conference, Macron and Xi Jinping were clear," a French diplomat said on Thursday.'
    plain = "At yesterday's press conference, Macron and Xi Jinping were clear, a French diplomat said."
    assert [(f.rule, f.severity) for f in check(quoted, dated).findings] == [("event-weekday", "warning")]
    assert [(f.rule, f.severity) for f in check(plain, dated).findings] == [("event-weekday", "error")]


def test_an_undated_report_of_a_dated_event_takes_the_event_date_before_its_own_latest_date() -> None:
    dated = parse_document(
        "---\ndate: 2024-07-04\n---\nOn July 3, 2024, Xi Jinping and Tokayev jointly met the press.", path="a.md"
    )
    undated = parse_document(
        "Xi Jinping and Tokayev met the press on Wednesday. The two sides set up relations on January 3, 1992.",
        path="b.md",
    )
    report = check_documents([dated, undated], PACK)
    assert {d.id: (d.date, d.date_origin) for d in report.documents}["b"] == (
        dt.date(2024, 7, 3), "inferred-same-event")  # fmt: skip


def test_a_bound_still_gives_a_dateline_its_year() -> None:
    text = "OSLO, Oct 9 (Reuters) - Norway kept its embassy in Kabul open until March 2023, the minister said."
    wire = parse_document(text, path="a.txt")
    report = check_documents([wire], PACK)
    assert [(d.date, d.date_origin) for d in report.documents] == [(dt.date(2023, 10, 9), "inferred-dateline")]


def test_a_month_an_ordinal_names_dates_no_undated_report() -> None:
    dated = parse_document(
        "---\ndate: 2024-09-04\n---\nThe visit comes seven months after Erdogan travelled to Cairo in February, "
        "his first visit to Egypt in more than 11 years.",
        path="a.md",
    )
    undated = parse_document("When Erdogan landed in Cairo, it was his first visit to Egypt in 12 years.", path="b.md")
    report = check_documents([dated, undated], PACK)
    assert {d.id: d.date_origin for d in report.documents}["b"] != "inferred-same-event"


def test_derive_shows_the_surest_parts_that_fail(pack: Pack) -> None:
    """When several stories give a part, the failure is shown with the parts stated with no doubt: a guessed
    table row listed first must not lower a story's own contradiction to a warning."""
    from checker.engine import ClaimIndex
    from checker.models import Period

    rule = next(rule for rule in pack.rules if rule.id == "trade-growth-arithmetic")
    year = {2022: Period(label="2022", start=dt.date(2022, 1, 1), end=dt.date(2022, 12, 31)),
            2023: Period(label="2023", start=dt.date(2023, 1, 1), end=dt.date(2023, 12, 31))}  # fmt: skip

    def claim(document: str, kind: str, value: float, on: int, certain: bool = True) -> Claim:
        unit = "percent" if kind == "trade-growth" else "USD"
        return Claim(id=f"{document}#{kind}-{on}", type=kind, document=document, subjects=["Chile", "Peru"],
                     value=value, unit=unit, period=year[on], span=(0, 1), text="x", quote="x", line=1,
                     certain=certain)  # fmt: skip

    claims = [
        claim("a", "trade-volume", 84.8e9, 2022, certain=False),  # a table row whose pair is guessed
        claim("b", "trade-growth", -3.2, 2023),
        claim("b", "trade-volume", 83.7e9, 2023),
        claim("b", "trade-volume", 84.8e9, 2022),
    ]
    (verdict,) = list(rule.check(ClaimIndex([], claims)))
    assert verdict.certain and [c.id for c in verdict.claims][-1] == "b#trade-volume-2022"
